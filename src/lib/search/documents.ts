/**
 * What search finds: every clause of the standards (linked to its anchor in the lesson), the
 * lead sentence of every section that has items (official text too: «Мемлекеттік қызметтер
 * көрсету, лицензиялық-рұқсат функцияларын іске асыру … кезінде қызметкерлерге:»), every
 * lesson's key terms (its header), explanations and glossary terms. Clauses and leads also
 * carry their section's title, in a field of its own. Pure: the site passes what Astro loaded,
 * tests and the benchmark pass what they read from disk, and both get the same documents.
 */
import { clauseAnchor, type Section } from "../standards/parse.ts";
import { glossaryPairs, headingSlug, splitSections, stripMdx } from "./mdx.ts";

export type DocumentKind = "clause" | "lead" | "keys" | "explanation" | "term";

export interface SearchDocument {
  readonly ref: string;
  readonly kind: DocumentKind;
  /** Section of the standards (= lesson number). */
  readonly section: number;
  /** Clause id (`2.10`) for clauses; a lead's ref is its section number (`4`). */
  readonly clauseId?: string;
  /** Title shown with the result (the lesson's title). */
  readonly title: string;
  /** Site path without the locale prefix, e.g. `/lessons/2/#clause-2-10`. */
  readonly url: string;
  /**
   * Searchable fields, all of them shown (a hit on a field nobody sees would be a result with
   * nothing highlighted): `text` is the official text, the most weighty; `title` is the section
   * title shown with every result of the official text, highlighted there; `keys` the key terms
   * shown at the top of a lesson.
   */
  readonly fields: {
    readonly text?: string;
    readonly title?: string;
    readonly terms?: string;
    readonly keys?: string;
    readonly body?: string;
  };
}

/** A lesson's address without the locale prefix, with an optional anchor. */
export function lessonUrl(section: number, anchor = ""): string {
  return `/lessons/${section}/${anchor === "" ? "" : `#${anchor}`}`;
}

export function clauseUrl(section: number, clauseId: string): string {
  return lessonUrl(section, clauseAnchor(clauseId));
}

/** A lead sentence has no anchor of its own: it opens the lesson's official text. */
export function leadUrl(section: number): string {
  return lessonUrl(section, OFFICIAL_TEXT_ANCHOR);
}

/** The id of the official text's heading in a lesson (components/OfficialText.astro). */
export const OFFICIAL_TEXT_ANCHOR = "official-text";

/** Refs of lesson documents: `L2:түсіндірме` for a part (`L2:intro` before any heading). */
export function explanationRef(section: number, slug: string): string {
  return `L${section}:${slug || "intro"}`;
}

/** `L2:t3` for the third glossary term of lesson 2. */
export function termRef(section: number, position: number): string {
  return `L${section}:t${position}`;
}

/** `L2:key` for the key terms at the top of lesson 2. */
export function keysRef(section: number): string {
  return `L${section}:key`;
}

/** How a lesson's key terms are shown (the lesson page joins them the same way). */
export const KEY_TERMS_SEPARATOR = ", ";

/** A lesson as the content collection gives it: frontmatter data and the raw MDX body. */
export interface LessonSource {
  readonly section: number;
  readonly title: string;
  /** Key terms of the frontmatter, shown at the top of the lesson. */
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
    const clauses = section.clauses.map(
      (clause): SearchDocument => ({
        ref: clause.id,
        kind: "clause",
        section: section.number,
        clauseId: clause.id,
        title,
        url: clauseUrl(section.number, clause.id),
        fields: { text: clause.text, title },
      }),
    );
    // Sections without items (1, 11) are one clause whose text is the lead.
    const hasItems = section.clauses.some((c) => c.item !== null);
    if (!hasItems) return clauses;
    const lead: SearchDocument = {
      ref: String(section.number),
      kind: "lead",
      section: section.number,
      title,
      url: leadUrl(section.number),
      fields: { text: section.lead, title },
    };
    return [lead, ...clauses];
  });
}

export function lessonDocuments(lesson: LessonSource): SearchDocument[] {
  const docs: SearchDocument[] = [];
  if (lesson.keyTerms.length > 0)
    docs.push({
      ref: keysRef(lesson.section),
      kind: "keys",
      section: lesson.section,
      title: lesson.title,
      url: lessonUrl(lesson.section),
      fields: { keys: lesson.keyTerms.join(KEY_TERMS_SEPARATOR) },
    });
  for (const part of splitSections(lesson.body)) {
    const slug = headingSlug(part.heading);
    const url = lessonUrl(lesson.section, slug);
    if (GLOSSARY_HEADING.test(part.heading)) {
      for (const [i, pair] of glossaryPairs(part.body).entries()) {
        docs.push({
          ref: termRef(lesson.section, i + 1),
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
      ref: explanationRef(lesson.section, slug),
      kind: "explanation",
      section: lesson.section,
      title: lesson.title,
      url,
      fields: { body },
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
