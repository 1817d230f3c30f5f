// Training officers' dashboard in the browser, on data made the real way: learners read and
// practise through the LRS with their sessions, and take the real exam through the exam API.
// Every tab shows real rows and passes axe; the tabs follow the ARIA pattern; the heatmap drills
// down to a clause; exports and print work; the server refuses learners.
import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { loadPracticeCatalogue } from "../../src/server/banks/practice.ts";
import { signedInApi as as, takeExam } from "./exam-helpers.ts";
import { signIn } from "./helpers.ts";

const DAY = 86_400_000;
// The real practice items of section 2 that test clause 2.10 (the server counts answers only on
// items of its banks, with the banks' clauses).
const tenth = [...loadPracticeCatalogue("quizzes/practice").items]
  .filter(([, item]) => item.section === 2 && item.clauses.includes("2.10"))
  .map(([id]) => id);
async function record(
  api: APIRequestContext,
  baseURL: string,
  person: string,
  statements: object[],
) {
  const response = await api.post("/xapi/statements", {
    headers: { "X-Experience-API-Version": "1.0.3" },
    data: statements.map((s) => ({
      actor: { objectType: "Agent", account: { homePage: baseURL, name: person } },
      ...s,
    })),
  });
  expect(response.status()).toBe(200);
}

const verb = (name: string) => ({ id: `http://adlnet.gov/expapi/verbs/${name}` });

// One worker for the whole file: the history below is made once (a passed exam cannot be retaken).
test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ baseURL }) => {
  const base = baseURL ?? "";
  const passer = await as(base, "100025");
  await record(passer, base, "100025", [
    ...Array.from({ length: 11 }, (_, i) => ({
      verb: verb("completed"),
      object: { id: `${base}/xapi/activities/lesson/${i + 1}` },
      result: { completion: true, duration: "PT4M30S" },
    })),
    // Practice answers on clause 2.10, enough of them for a rate to be shown (16 of 24 wrong),
    // spread over its items: repeated answers count among all answers.
    ...Array.from({ length: 24 }, (_, i) => ({
      verb: verb("answered"),
      object: { id: `${base}/xapi/activities/quiz-item/${tenth[i % tenth.length]}` },
      result: { success: i % 3 === 0, response: "a" },
      context: { extensions: { "https://adal.kz/xapi/extensions/clauses": ["2.10"] } },
    })),
  ]);
  await takeExam(passer, true);
  await takeExam(await as(base, "100026"), false);
  // 100027 opened lesson 4 ten days ago and has not been back: stuck.
  await record(await as(base, "100027"), base, "100027", [
    {
      verb: verb("experienced"),
      object: { id: `${base}/xapi/activities/lesson/4` },
      timestamp: new Date(Date.now() - 10 * DAY).toISOString(),
    },
  ]);
});

async function axe(page: Page, tab: string) {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  expect(result.violations.map((v) => `${tab}: ${v.id}: ${v.help}`)).toEqual([]);
}

test("every tab shows real rows and passes axe; tabs follow the ARIA pattern", async ({ page }) => {
  test.setTimeout(120_000); // seven full axe scans of a large page
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await signIn(page, "800001", "/reports/");
  const panel = page.getByRole("tabpanel");

  // Overview: a row per unit with its learners.
  await expect(panel.locator("table").first().locator("tbody tr")).toHaveCount(3);
  await expect(panel.locator("tbody tr").first()).toContainText(
    "Алматы қаласы Полиция департаменті",
  );
  await axe(page, "overview");

  // Keyboard: → moves to and opens the next tab, End the last, Home the first.
  const first = page.getByRole("tab", { name: "Бөлімшелер бойынша шолу" });
  await first.focus();
  await page.keyboard.press("ArrowRight");
  const due = page.getByRole("tab", { name: "Мерзімі өткендер" });
  await expect(due).toBeFocused();
  await expect(due).toHaveAttribute("aria-selected", "true");
  await expect(due).toHaveAttribute("tabindex", "0");
  await expect(first).toHaveAttribute("tabindex", "-1");
  await expect(page.getByRole("tabpanel", { name: "Мерзімі өткендер" })).toBeVisible();
  await expect(due).toHaveAttribute(
    "aria-controls",
    (await page.getByRole("tabpanel").getAttribute("id")) ?? "",
  );

  // Due and stuck: real people, with the stuck learner on lesson 4.
  await expect(panel.getByRole("table").first().locator("tbody tr").first()).toContainText("(1000");
  const stuck = panel.getByRole("table").nth(1);
  await expect(stuck.locator("tbody tr", { hasText: "100027" })).toContainText("4");
  await axe(page, "due");
  await panel
    .getByRole("button", { name: /\(100026\)/u })
    .first()
    .click();
  const transcript = page.getByRole("region", { name: /Оқу тарихы/u });
  await expect(transcript.getByRole("table").first().locator("tbody tr")).toHaveCount(1);
  await expect(transcript).toContainText("өте алмады");
  await axe(page, "transcript");

  await due.focus();
  await page.keyboard.press("End");
  await expect(page.getByRole("tab", { name: "Айлық динамика" })).toBeFocused();
  await expect(panel.locator("table").first().locator("tbody tr").first()).toBeVisible();
  const exams = panel.getByRole("table", { name: "Айлар бойынша емтихан" });
  const attempts = await exams.locator("tbody tr").last().locator("td").first().textContent();
  expect(Number(attempts)).toBeGreaterThanOrEqual(2); // this month: 100025 and 100026 at least
  await axe(page, "trends");
  await page.keyboard.press("Home");
  await expect(first).toBeFocused();

  // Item analysis: the fixture's 20 items, each answered twice.
  await page.getByRole("tab", { name: "Сұрақтарды талдау" }).click();
  await expect(panel.locator(".items-table tbody tr")).toHaveCount(20);
  // Officers sit the exam too: options by letter with their counts, no texts and no key.
  await expect(panel.locator(".items-table .options").first()).toContainText("A");
  await expect(panel.locator(".items-table .correct")).toHaveCount(0);
  await expect(panel).toContainText("тек әкімшілерге");
  await expect(panel).toContainText("Moodle");
  await axe(page, "items");

  // Heatmap: cells carry their values as text; a cell opens the clause, its text and items.
  await page.getByRole("tab", { name: "Тармақтар картасы" }).click();
  await expect(panel.locator(".heat-cell")).toHaveCount(80);
  await panel.getByRole("radio", { name: "Барлық жауаптар" }).check();
  const cell = panel.locator(".heat-cell", { hasText: "2.10" });
  await expect(cell).toContainText("67%");
  await expect(
    panel.getByRole("list", { name: "Алдымен назар аударатын 10 тармақ" }),
  ).toContainText("2.10");
  await axe(page, "clauses");
  await cell.click();
  const detail = page.getByRole("region", { name: "2.10-тармақ" });
  await expect(detail).toContainText("сыйлықтар");
  await expect(
    detail.getByRole("link", { name: "Тармақтың сабақтағы мәтінін ашу" }),
  ).toHaveAttribute("href", "/lessons/2/#clause-2-10");
  // The drill-down exports too, with the attempts shown on screen (all answers here).
  await expect(detail.getByRole("link", { name: "CSV" })).toHaveAttribute(
    "href",
    /\/api\/reports\/clauses\/2\.10\?.*attempts=all.*format=csv&lang=kk/u,
  );
  expect(tenth.length).toBeGreaterThan(0);
  await expect(detail.locator("tbody tr")).toHaveCount(tenth.length);
  await panel.getByRole("button", { name: "Бөлімшелерді салыстыру" }).click();
  await expect(panel.locator(".unit-comparison tbody tr")).toHaveCount(3);
  await axe(page, "clause detail and units");

  // Print keeps the heatmap's colours and states the filters in effect.
  await page.emulateMedia({ media: "print" });
  expect(await cell.evaluate((e) => getComputedStyle(e).printColorAdjust)).toBe("exact");
  await expect(page.locator(".print-filters")).toBeVisible();
  await expect(page.locator(".print-filters")).toContainText("Asia/Almaty");
  await expect(page.locator(".report-tabs")).toBeHidden();
  expect(errors).toEqual([]);
});

test("every view exports to CSV and XLSX in the officer's language", async ({ page }) => {
  await signIn(page, "800001", "/reports/");
  for (const path of [
    "overview",
    "due",
    "stuck",
    "items",
    "clauses",
    "clauses/units",
    "clauses/2.10",
    "trends",
    "learners/100025",
  ]) {
    const csv = await page.request.get(`/api/reports/${path}?format=csv&lang=kk`);
    expect(csv.status(), path).toBe(200);
    expect(csv.headers()["content-type"], path).toContain("text/csv");
    const xlsx = await page.request.get(`/api/reports/${path}?format=xlsx&lang=ru`);
    expect((await xlsx.body()).subarray(0, 2).toString(), path).toBe("PK");
  }
  expect(await (await page.request.get("/api/reports/due?format=csv")).text()).toContain(
    "Жеке нөмір",
  );
  const links = page.getByRole("tabpanel").getByRole("link", { name: "CSV" });
  await expect(links.first()).toHaveAttribute(
    "href",
    /\/api\/reports\/overview\?.*format=csv&lang=kk/u,
  );
});

test("a learner gets 403 from the reports API", async ({ page }) => {
  await signIn(page, "100020", "/");
  for (const path of [
    "overview",
    "due",
    "stuck",
    "items",
    "clauses",
    "trends",
    "learners/100021",
  ]) {
    expect((await page.request.get(`/api/reports/${path}`)).status(), path).toBe(403);
  }
});

test("pages are served with a strict Content-Security-Policy and security headers", async ({
  page,
}) => {
  const response = await page.goto("/lessons/2/");
  const csp = response?.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain("unsafe-inline");
  expect(response?.headers()["x-content-type-options"]).toBe("nosniff");
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/u.test(m.text())) errors.push(m.text());
  });
  await page.goto("/quiz/2/");
  await page.goto("/search/?q=сыйлық");
  expect(errors).toEqual([]);
});
