import { describe, expect, it } from "vitest";
import {
  clauseDocuments,
  type LessonSource,
  lessonDocuments,
} from "../../../src/lib/search/documents.ts";
import { parseStandards } from "../../../src/lib/standards/parse.ts";
import { readLessons, readSource } from "./corpus.ts";

const sections = parseStandards(readSource());
const lessons = readLessons();

describe("search documents", () => {
  it("gives every clause and lead its section's title in a field of its own", () => {
    const docs = clauseDocuments(sections, lessons);
    expect(new Set(docs.map((d) => d.section)).size).toBe(sections.length);
    for (const doc of docs) {
      const lesson = lessons.find((l) => l.section === doc.section);
      expect(doc.fields.title, doc.ref).toBe(lesson?.title);
      expect(doc.fields.title, doc.ref).toBe(doc.title);
    }
  });

  it("makes one key-terms document per lesson, linked to the lesson's top", () => {
    for (const lesson of lessons) {
      const keys = lessonDocuments(lesson).filter((d) => d.kind === "keys");
      expect(keys, `lesson ${lesson.section}`).toHaveLength(1);
      expect(keys[0]?.ref).toBe(`L${lesson.section}:key`);
      expect(keys[0]?.url).toBe(`/lessons/${lesson.section}/`);
      expect(keys[0]?.fields).toEqual({ keys: lesson.keyTerms.join(", ") });
    }
  });

  it("indexes no title with a lesson's own parts (their title is not what they say)", () => {
    const lesson: LessonSource = {
      section: 3,
      title: "Сабақ",
      keyTerms: [],
      body: "Кіріспе мәтін.\n\n## Терминдер сөздігі\n\n<dl><dt>Термин</dt><dd>Анықтама</dd></dl>",
    };
    const docs = lessonDocuments(lesson);
    expect(docs.map((d) => d.kind)).toEqual(["explanation", "term"]);
    for (const doc of docs) expect(doc.fields.title).toBeUndefined();
  });
});
