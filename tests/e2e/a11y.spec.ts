import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { revealLessonQuiz } from "./helpers.ts";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const pages = [
  "/",
  ...Array.from({ length: 11 }, (_, i) => `/lessons/${i + 1}/`),
  "/signin/",
  "/exam/",
  "/quiz/2/",
  "/verify/",
  "/search/",
];

for (const prefix of ["", "/ru"]) {
  for (const path of pages) {
    const url = `${prefix}${path}`;
    test(`axe finds no WCAG 2.2 AA violation on ${url}`, async ({ page }) => {
      await page.goto(url);
      // The lesson's quiz is checked as a learner meets it: hydrated, once scrolled to.
      if (path.startsWith("/lessons/")) await revealLessonQuiz(page);
      const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help}`);
      expect(summary).toEqual([]);
    });
  }
}

test("pages declare their language and offer a skip link to main", async ({ page }) => {
  await page.goto("/lessons/2/");
  await expect(page.locator("html")).toHaveAttribute("lang", "kk");
  await page.keyboard.press("Tab");
  const skip = page.locator(".skip-link");
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/u);
  await page.goto("/ru/lessons/2/");
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.locator("#clause-2-1")).toHaveAttribute("lang", "kk");
});

test("Kazakh text on Russian pages is marked lang=kk (TOC, lesson titles, course map, quiz)", async ({
  page,
}) => {
  for (const path of ["/ru/", "/ru/lessons/2/", "/ru/lessons/11/", "/ru/quiz/2/"]) {
    await page.goto(path);
    if (path.includes("/lessons/")) await revealLessonQuiz(page);
    if (path.includes("/quiz/"))
      await expect(page.locator(".quiz-question").first()).toBeAttached();
    const unmarked = await page.evaluate(() => {
      // Letters Kazakh has and Russian does not.
      const kazakh = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/u;
      const found: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? "";
        const parent = node.parentElement;
        if (!parent || !kazakh.test(text) || parent.closest("script, style, template")) continue;
        if (parent.closest("[lang]")?.getAttribute("lang") !== "kk")
          found.push(`${parent.tagName.toLowerCase()}: ${text.trim().slice(0, 60)}`);
      }
      return found;
    });
    expect(unmarked, path).toEqual([]);
  }
});

test("lesson pages link previous and next lessons and list their contents", async ({ page }) => {
  await page.goto("/lessons/2/");
  await expect(page.locator('a[rel="prev"]')).toHaveAttribute("href", "/lessons/1/");
  await expect(page.locator('a[rel="next"]')).toHaveAttribute("href", "/lessons/3/");
  await expect(page.locator(".toc a").first()).toHaveAttribute("href", "#official-text");
  await page.goto("/ru/lessons/11/");
  await expect(page.locator('a[rel="next"]')).toHaveCount(0);
  await expect(page.locator('a[rel="prev"]')).toHaveAttribute("href", "/ru/lessons/10/");
});

test("the home page maps all 11 lessons and links search and exam", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator(".course-card")).toHaveCount(11);
  await expect(page.locator('main a[href="/search/"]')).toHaveCount(1);
  await expect(page.locator('main a[href="/exam/"]')).toHaveCount(1);
});

test("a clause's copy-link button copies its permalink and says so", async ({
  page,
  context,
  baseURL,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/lessons/2/");
  // Each button names its clause; its text then changes, so it is held by its anchor.
  await expect(
    page.getByRole("button", { name: /^Сілтемені көшіру\s*: 2\.10-тармақ$/u }),
  ).toBeVisible();
  const button = page.locator('button.copy-link[data-anchor="clause-2-10"]');
  await button.click();
  await expect(page.getByRole("status").filter({ hasText: "Сілтеме көшірілді" })).toBeAttached();
  await expect(button).toContainText("Сілтеме көшірілді");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    `${baseURL}/lessons/2/#clause-2-10`,
  );
});

test("without a clipboard the link goes to the address bar and the button does not claim a copy", async ({
  page,
}) => {
  // As on a page served over plain http, where browsers give no clipboard API.
  await page.addInitScript(() =>
    Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined }),
  );
  await page.goto("/ru/lessons/2/");
  await expect(
    page.getByRole("button", { name: /^Копировать ссылку\s*: Пункт 2\.10$/u }),
  ).toBeVisible();
  const button = page.locator('button.copy-link[data-anchor="clause-2-10"]');
  await button.click();
  await expect(button).toContainText("Не удалось скопировать");
  await expect(button).not.toContainText("Ссылка скопирована");
  await expect(page).toHaveURL(/\/ru\/lessons\/2\/#clause-2-10$/u);
});

test("the keyboard focus is visible on links and buttons", async ({ page }) => {
  await page.goto("/lessons/2/");
  for (const target of [
    page.locator('a[href="#clause-2-10"]').first(),
    page.getByRole("button", { name: /^Сілтемені көшіру\s*: 2\.10-тармақ$/u }),
  ]) {
    await target.focus();
    const outline = await target.evaluate((e) => {
      const style = getComputedStyle(e);
      return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) };
    });
    expect(outline.style).not.toBe("none");
    expect(outline.width).toBeGreaterThanOrEqual(2);
  }
});
