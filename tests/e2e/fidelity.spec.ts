// The non-negotiable: every clause of the official text appears verbatim in its lesson,
// in the element #clause-N-M, in both UI languages.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { clauseAnchor, parseStandards } from "../../src/lib/standards/parse.ts";

const sections = parseStandards(readFileSync("content/standards/source.kk.txt", "utf8"));
const normalise = (s: string | null) => (s ?? "").replace(/\s+/gu, " ").trim();

for (const prefix of ["", "/ru"]) {
  for (const section of sections) {
    test(`${prefix || "/kk"} lesson ${section.number} shows every clause verbatim`, async ({
      page,
    }) => {
      await page.goto(`${prefix}/lessons/${section.number}/`);
      for (const clause of section.clauses) {
        const element = page.locator(`#${clauseAnchor(clause.id)}`);
        await expect(element).toHaveCount(1);
        expect(normalise(await element.textContent()), clause.id).toBe(normalise(clause.text));
      }
      if (section.clauses.some((c) => c.item !== null)) {
        await expect(page.locator(".official-lead")).toContainText(section.lead);
      }
    });
  }
}
