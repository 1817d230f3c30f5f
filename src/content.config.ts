import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";

/** One MDX lesson per section of the standards: `content/lessons/NN-<slug>.mdx`. */
const lessons = defineCollection({
  loader: glob({ pattern: "*.mdx", base: "./content/lessons" }),
  schema: z.object({
    /** Number of the section of the standards this lesson teaches (1–11); also its URL `/lessons/<n>/`. */
    section: z.number().int().min(1).max(11),
    /** Full Kazakh title of the lesson, shown as the page heading. */
    title: z.string().min(5),
    /** Short Kazakh title for the course map, navigation and breadcrumbs. */
    shortTitle: z.string().min(3).max(60),
    /** One- or two-sentence Kazakh summary for the course map and the page description. */
    summary: z.string().min(20).max(400),
    /** Estimated reading time in whole minutes. */
    minutes: z.number().int().min(1).max(60),
    /** Key terms of the section (Kazakh, dictionary form), shown at the top and used by search. */
    keyTerms: z.array(z.string().min(2)).min(1),
  }),
});

export const collections = { lessons };
