/**
 * What search finds: every clause of the standards (linked to its anchor in the lesson) and
 * every lesson's explanations and glossary terms. Pure: the site passes what Astro loaded,
 * tests and the benchmark pass what they read from disk, and both get the same documents.
 */
import { clauseAnchor, type Section } from "../standards/parse.ts";
import { glossaryPairs, headingSlug, splitSections, stripMdx } from "./mdx.ts";

export type DocumentKind = "clause" | "explanation" | "term";

export interface SearchDocument {
  readonly ref: string;
  readonly kind: DocumentKind;
  /** Section of the standards (= lesson number). */
  readonly section: number;
  /** Clause id (`2.10`) for clauses. */
  readonly clauseId?: string;
  /** Title shown with the result (the lesson's title). */
  readonly title: string;
  /** Site path without the locale prefix, e.g. `/lessons/2/#clause-2-10`. */
  readonly url: string;
  /** Searchable fields; `text` is the official text, the most weighty. */
  readonly fields: {
    readonly text?: string;
    readonly terms?: string;
    readonly body?: string;
    /** Indexed only: title and key terms of the lesson. */
    readonly title?: string;
  };
}

/** A lesson as the content collection gives it: frontmatter data and the raw MDX body. */
export interface LessonSource {
  readonly section: number;
  readonly title: string;
  readonly keyTerms: readonly string[];
  readonly body: string;
}

const GLOSSARY_HEADING = /сөздік|термин/iu;

function sectionTitle(section: number, lessons: readonly LessonSource[]): string {
  return lessons.find((l) => l.section === section)?.title ?? `${section}-бөлім`;
}

export function clauseDocuments(
  sections: readonly Section[],
  lessons: readonly LessonSource[],
): SearchDocument[] {
  return sections.flatMap((section) => {
    const title = sectionTitle(section.number, lessons);
    return section.clauses.map(
      (clause): SearchDocument => ({
        ref: clause.id,
        kind: "clause",
        section: section.number,
        clauseId: clause.id,
        title,
        url: `/lessons/${section.number}/#${clauseAnchor(clause.id)}`,
        fields: { text: clause.text, title },
      }),
    );
  });
}

export function lessonDocuments(lesson: LessonSource): SearchDocument[] {
  const docs: SearchDocument[] = [];
  const base = `/lessons/${lesson.section}/`;
  const indexedTitle = [lesson.title, ...lesson.keyTerms].join(". ");
  for (const part of splitSections(lesson.body)) {
    const slug = headingSlug(part.heading);
    const url = slug === "" ? base : `${base}#${slug}`;
    if (GLOSSARY_HEADING.test(part.heading)) {
      for (const [i, pair] of glossaryPairs(part.body).entries()) {
        docs.push({
          ref: `L${lesson.section}:t${i + 1}`,
          kind: "term",
          section: lesson.section,
          title: lesson.title,
          url,
          fields: { terms: pair.term, body: pair.definition },
        });
      }
      continue;
    }
    const body = stripMdx(part.body);
    if (body === "") continue;
    docs.push({
      ref: `L${lesson.section}:${slug || "intro"}`,
      kind: "explanation",
      section: lesson.section,
      title: lesson.title,
      url,
      fields: { body, title: `${part.heading}. ${indexedTitle}` },
    });
  }
  return docs;
}

/** All documents of the site, clauses first. */
export function searchDocuments(
  sections: readonly Section[],
  lessons: readonly LessonSource[],
): SearchDocument[] {
  const ordered = [...lessons].sort((a, b) => a.section - b.section);
  return [...clauseDocuments(sections, ordered), ...ordered.flatMap(lessonDocuments)];
}
