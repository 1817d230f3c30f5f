// Lesson lookup for pages (uses astro:content, so it lives beside the components, not in src/lib).
import { type CollectionEntry, getCollection } from "astro:content";

export type Lesson = CollectionEntry<"lessons">;

/** All lessons ordered by section number; fails the build if a section is missing or doubled. */
export async function lessonsInOrder(): Promise<Lesson[]> {
  const lessons = (await getCollection("lessons")).sort((a, b) => a.data.section - b.data.section);
  const numbers = lessons.map((l) => l.data.section).join(",");
  if (numbers !== "1,2,3,4,5,6,7,8,9,10,11") {
    throw new Error(`lessons: expected one lesson per section 1..11, found sections ${numbers}`);
  }
  return lessons;
}
