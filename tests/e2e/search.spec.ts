import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { headerSearchReady } from "./helpers.ts";

const GIFT_CLAUSES = /\/lessons\/2\/#clause-2-(?:5|9|10)$/u;

test("results page reads ?q= typed on a Russian keyboard and finds the gift clauses", async ({
  page,
}) => {
  await page.goto("/search/?q=сыйлык");
  await expect(page.locator("#search-q")).toHaveValue("сыйлык");
  const first = page.locator(".search-results li a").first();
  await expect(first).toHaveAttribute("href", GIFT_CLAUSES);
  await expect(page.locator(".search-results mark").first()).toHaveText(/^сыйлық/u);
  await first.click();
  await expect(page).toHaveURL(GIFT_CLAUSES);
});

test("results follow typing and the URL follows the query", async ({ page }) => {
  await page.goto("/search/");
  await page.locator("#search-q").fill("тургын уй");
  await expect(page.locator(".search-results li a").first()).toHaveAttribute(
    "href",
    /\/lessons\/9\/#clause-9-[56]$/u,
  );
  await expect(page).toHaveURL(/\?q=/u);
  expect(new URL(page.url()).searchParams.get("q")).toBe("тургын уй");
});

test("header box: / focuses it, results as you type, keyboard picks one", async ({ page }) => {
  await page.goto("/lessons/3/");
  await headerSearchReady(page); // the shortcut exists from then on
  await page.locator("h1").click();
  await page.keyboard.press("/");
  const box = page.getByRole("combobox");
  await expect(box).toBeFocused();
  await page.keyboard.type("куалик");
  const listbox = page.getByRole("listbox");
  await expect(listbox).toBeVisible({ timeout: 15_000 });
  await expect(box).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("ArrowDown");
  const active = await box.getAttribute("aria-activedescendant");
  expect(active).toBeTruthy();
  await expect(page.locator(`[id="${active}"]`)).toHaveAttribute("aria-selected", "true");
  await expect(page.locator(`[id="${active}"]`)).toContainText("4.1");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/lessons\/4\/#clause-4-1$/u);
});

test("header box: Enter without a pick opens the results page", async ({ page }) => {
  await page.goto("/ru/");
  await headerSearchReady(page);
  const box = page.getByRole("combobox");
  await box.fill("взятка");
  await expect(page.getByRole("option").first()).toContainText("5.1", { timeout: 15_000 });
  await box.press("Enter");
  await expect(page).toHaveURL(/\/ru\/search\/\?q=/u);
  await expect(page.locator(".search-results li a").first()).toHaveAttribute(
    "href",
    "/ru/lessons/5/#clause-5-1",
  );
});

test("Russian page finds gift clauses for a Russian word", async ({ page }) => {
  await page.goto("/ru/search/?q=подарок");
  const links = page.locator(".search-results li a");
  await expect(links.first()).toHaveAttribute("href", /^\/ru\/lessons\/2\/#clause-2-(?:5|9|10)$/u);
  await expect(page.locator(".search-results mark").first()).toHaveText(/^сыйлық/u);
});

test("the index is one static JSON file at a stable URL", async ({ request }) => {
  const response = await request.get("/search-index.json");
  expect(response.ok()).toBe(true);
  expect(response.headers()["content-type"]).toContain("application/json");
  const body = (await response.json()) as { version: number; docs: Record<string, unknown> };
  expect(body.version).toBe(1);
  expect(Object.keys(body.docs)).toContain("2.10");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the search forms are there and submit to the results page", async ({ page }) => {
    await page.goto("/search/");
    await expect(page.locator('form input[name="q"]')).toHaveCount(2);
    await page.locator('.header-search input[name="q"]').fill("пара");
    await page.locator('.header-search input[name="q"]').press("Enter");
    await expect(page).toHaveURL(/\/search\/\?q=/u);
  });
});

test("axe finds no WCAG 2.2 AA violation on the results page and the open combobox", async ({
  page,
}) => {
  const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
  await page.goto("/search/?q=мүдделер жанжалы");
  await expect(page.locator(".search-results li").first()).toBeVisible();
  await headerSearchReady(page);
  await page.getByRole("combobox").fill("сыйлық");
  await expect(page.getByRole("listbox")).toBeVisible({ timeout: 15_000 });
  const results = await new AxeBuilder({ page }).withTags(tags).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help}`)).toEqual([]);
});
