// Exports through the API on the whole platform: every view, with every role filter, in both
// formats and both languages, answers a file (never a 500).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, openHarness } from "./platform.ts";
import { unzip, xmlProblems } from "./xml.ts";

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

  it("writes well-formed workbooks, also for a name with a control character in the roster", async () => {
    // Created before names were checked for control characters (the roster now refuses them).
    await h.platform.accounts.createUsers(
      [
        {
          personnelNumber: "100009",
          fullName: '=HYPERLINK("http://x")\u0001 Ерлан',
          unitCode: "DP-1",
          role: "learner",
          email: null,
          passwordHash: "x",
          mustChangePassword: false,
        },
      ],
      new Date(h.now()),
    );
    for (const view of VIEWS) {
      const response = await h.request(`/api/reports/${view}?format=xlsx`, "800001");
      const parts = unzip(Buffer.from(await response.arrayBuffer()));
      expect(parts.map((p) => p.name)).toContain("xl/worksheets/sheet1.xml");
      for (const part of parts) expect(xmlProblems(part.text), `${view}: ${part.name}`).toEqual([]);
    }
    const due = unzip(
      Buffer.from(await (await h.request("/api/reports/due?format=xlsx", "800001")).arrayBuffer()),
    );
    const sheet = due.find((p) => p.name === "xl/worksheets/sheet1.xml")?.text ?? "";
    expect(sheet).toContain("'=HYPERLINK(&quot;http://x&quot;) Ерлан");
  });
});
