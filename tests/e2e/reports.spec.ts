// Training officers' dashboard in the browser, and its server-side authorisation.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers.ts";

test("an officer opens the dashboard for their units and can export it", async ({ page }) => {
  await signIn(page, "800001", "/reports/");
  await expect(page.locator(".reports table caption").first()).toHaveText(
    "Бөлімшелер бойынша шолу",
  );
  await expect(page.locator(".reports tbody tr").first()).toBeVisible();
  for (const tab of [
    "Мерзімі өткендер",
    "Сұрақтарды талдау",
    "Тармақтар картасы",
    "Айлық динамика",
  ]) {
    await page.getByRole("tab", { name: tab }).click();
    await expect(page.getByRole("tab", { name: tab })).toHaveAttribute("aria-selected", "true");
    await expect(page.locator("[role=tabpanel]")).toHaveAttribute("aria-busy", "false");
  }
  const csv = await page.request.get("/api/reports/due?format=csv");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain("personnel number");
  const xlsx = await page.request.get("/api/reports/overview?format=xlsx");
  expect((await xlsx.body()).subarray(0, 2).toString()).toBe("PK");
  const axe = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test("a learner gets 403 from the reports API", async ({ page }) => {
  await signIn(page, "100020", "/");
  expect((await page.request.get("/api/reports/overview")).status()).toBe(403);
  expect((await page.request.get("/api/reports/learners/100021")).status()).toBe(403);
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
