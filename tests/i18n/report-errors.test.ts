// The dashboard shows an API error in the interface language: every error code the report
// routes can answer has its entry in both dictionaries, and no English message gets through.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ApiFailure } from "../../src/components/account/api.ts";
import { ERROR_KEYS, errorText } from "../../src/components/reports/errors.ts";
import { kk } from "../../src/i18n/kk.ts";
import { ru } from "../../src/i18n/ru.ts";

/** The dashboard's strings, as the page passes them: `reports.*` without the prefix. */
const strings = (dict: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(dict)
      .filter(([key]) => key.startsWith("reports."))
      .map(([key, value]) => [key.slice("reports.".length), value]),
  );

/** Every code the report routes throw (`new ApiError(400, "bad-date", …)`, `bad-${name}`). */
function serverCodes(): string[] {
  const dir = "src/server/reports";
  const source = readdirSync(dir)
    .map((f) => readFileSync(join(dir, f), "utf8"))
    .join("\n");
  const codes = [...source.matchAll(/new ApiError\(\s*\d+,\s*"([a-z-]+)"/gu)].map((m) => m[1]);
  // filter.ts builds `bad-${name}` for the paging parameters.
  expect(source).toMatch(/`bad-\$\{name\}`/u);
  return [...new Set([...codes, "bad-offset", "bad-limit", "forbidden", "internal"])] as string[];
}

describe("report errors in the interface language", () => {
  it("has a Kazakh and a Russian message for every code the report routes answer", () => {
    const codes = serverCodes();
    expect(codes).toEqual(expect.arrayContaining(["bad-date", "bad-range", "out-of-scope"]));
    for (const code of codes) {
      expect(ERROR_KEYS[code], code).toBeDefined();
      for (const dict of [kk, ru]) {
        const s = strings(dict);
        const text = errorText(new ApiFailure(400, code, "An English message."), s);
        expect(text, code).toBe(s[ERROR_KEYS[code] ?? ""]);
        expect(text, code).not.toMatch(/English|^$/u);
      }
    }
  });

  it("says what is wrong with the dates, not the server's English", () => {
    const failure = new ApiFailure(400, "bad-range", "from (2026-11-02) must be before to (…)");
    expect(errorText(failure, strings(kk))).toBe(
      "Кезеңнің басы оның соңынан кейін тұр. Күндерді тексеріңіз.",
    );
    expect(errorText(failure, strings(ru))).toBe("Начало периода позже его конца. Проверьте даты.");
  });

  it("falls back to the dictionary for unknown codes, server errors and a lost connection", () => {
    const s = strings(kk);
    expect(errorText(new ApiFailure(418, "teapot", "I'm a teapot"), s)).toBe(
      "Есеп жүктелмеді (қате коды: 418).",
    );
    expect(errorText(new ApiFailure(503, "unavailable", "Down"), s)).toBe(s["error.server"]);
    expect(errorText(new ApiFailure(403, "password-change-required", "…"), s)).toBe(s.forbidden);
    expect(errorText(new TypeError("Failed to fetch"), s)).toBe(s["error.network"]);
  });
});
