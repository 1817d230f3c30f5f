// The non-negotiable: every clause of the official text appears verbatim in its lesson,
// in the element #clause-N-M, in both UI languages. The expected text comes from the project's
// copy of the official text, which is pinned by its hash: an edit to it fails here too.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { clauseAnchor, parseStandards } from "../../src/lib/standards/parse.ts";
import { OFFICIAL_TEXT, officialTextProblem } from "../content/official-text.ts";

const sections = parseStandards(readFileSync(OFFICIAL_TEXT, "utf8"));

test("the pages are checked against the pinned official text", () => {
  expect(officialTextProblem()).toBeNull();
});
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
