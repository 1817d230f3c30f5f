// The dashboard's markup: an empty table says so in one cell that spans every column (a screen
// reader announces the table's size from it), and the role filter offers every role.
import { h } from "preact";
import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import ReportsApp from "../../../src/components/reports/ReportsApp.tsx";
import { TranscriptTables } from "../../../src/components/reports/TranscriptView.tsx";
import { kk } from "../../../src/i18n/kk.ts";

const f = {
  locale: "kk-KZ",
  timeZone: "Asia/Almaty",
  unitName: (c: string) => c,
  s: Object.fromEntries(
    Object.entries(kk)
      .filter(([k]) => k.startsWith("reports."))
      .map(([k, v]) => [k.slice("reports.".length), v]),
  ),
};

/** Per table of the markup: its header cells and the colspan of its "no rows" cell. */
function tables(html: string) {
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/gu)].map(([, body = ""]) => ({
    columns: [...body.matchAll(/<th scope="col">/gu)].length,
    span: Number(/<td colspan="(\d+)">/u.exec(body)?.[1]),
  }));
}

describe("empty tables", () => {
  it("span every column of the transcript's tables", () => {
    const html = renderToString(
      h(TranscriptTables, { d: { lessons: [], quizzes: [], exams: [] }, f }),
    );
    const found = tables(html);
    expect(found.map((t) => t.columns)).toEqual([6, 4, 4]);
    for (const t of found) expect(t.span).toBe(t.columns);
  });

  it("offers every role in the role filter, the administrator too", () => {
    const html = renderToString(
      h(ReportsApp, { strings: f.s, lang: "kk", prefix: "", signInUrl: "/signin/", sections: [] }),
    );
    const start = html.lastIndexOf("<select", html.indexOf("Барлық рөлдер"));
    const select = html.slice(start, html.indexOf("</select>", start));
    const options = [...select.matchAll(/<option[^>]*?value(?:="([a-z]*)")?[^>]*>([^<]*)</gu)];
    expect(options.map(([, value, label]) => [value ?? "", label])).toEqual([
      ["", "Барлық рөлдер"],
      ["learner", "Тыңдаушы"],
      ["officer", "Оқыту жөніндегі маман"],
      ["admin", "Әкімші"],
    ]);
  });
});
