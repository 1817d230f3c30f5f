// Exports through the API on the whole platform: every view, with every role filter, in both
// formats and both languages, answers a file (never a 500).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, openHarness } from "./platform.ts";

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => h.platform.close());

const VIEWS = [
  "overview",
  "due",
  "stuck",
  "items",
  "clauses",
  "clauses/units",
  "trends",
  "learners/100001",
];

describe("exports with every filter", () => {
  it("answer every view with every role filter, in CSV and XLSX, in Kazakh and Russian", async () => {
    for (const role of ["", "learner", "officer", "admin"]) {
      for (const view of VIEWS) {
        for (const format of ["csv", "xlsx"]) {
          for (const lang of ["kk", "ru"]) {
            const path = `/api/reports/${view}?role=${role}&format=${format}&lang=${lang}`;
            const response = await h.request(path, "800001");
            expect(response.status, `${path}: ${await response.clone().text()}`).toBe(200);
          }
        }
      }
    }
  });
});
