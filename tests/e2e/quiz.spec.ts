// The practice quiz with the keyboard only, feedback linked to the clause, summary, retry,
// a branching scenario played to its end, and the statements it leaves in the LRS.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { learnerStatements, signIn } from "./helpers.ts";

test("a learner answers a quiz with the keyboard and the LRS receives answered and completed", async ({
  page,
  baseURL,
  playwright,
}) => {
  // Answers every item of the largest bank (section 2) and runs axe over the page: on a busy
  // two-core machine that takes longer than the default 30 s budget, which is not what is tested.
  test.setTimeout(90_000);
  const origin = baseURL ?? "";
  await signIn(page, "100005", "/quiz/2/");
  const first = page.locator(".quiz-question").first();
  await first.locator("input").first().focus();
  await page.keyboard.press("Space");
  await page.keyboard.press("Tab");
  await expect(first.getByRole("button", { name: "Жауапты тексеру" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(first.locator(".quiz-verdict")).toContainText(/Дұрыс|Қате/u);
  await expect(
    first.locator('.quiz-verdict a[href^="/lessons/2/#clause-2-"]').first(),
  ).toBeVisible();

  // Everything on one page: answer each remaining item with its first choice.
  await page.getByLabel("Барлығы бір бетте").check();
  for (const question of await page.locator("form.quiz-question").all()) {
    const check = question.getByRole("button", { name: "Жауапты тексеру" });
    if (!(await check.isVisible())) continue;
    await question.locator("input").first().check();
    await check.click();
  }
  for (const scenario of await page.locator(".quiz-scenario").all()) {
    for (let step = 0; step < 4 && (await scenario.locator("form").count()) > 0; step++) {
      await scenario.locator("form input").first().check();
      await scenario.getByRole("button", { name: "Келесі" }).click();
    }
    await expect(scenario.locator(".quiz-verdict")).toContainText(/Сценарий аяқталды/u);
  }
  await expect(page.locator(".quiz-summary")).toContainText("%");

  const axe = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await expect(page.locator(".outbox-status")).toBeHidden({ timeout: 20_000 });
  const statements = await learnerStatements(
    await playwright.request.newContext({ baseURL: origin }),
    "100005",
    origin,
  );
  const answered = statements.filter((s) => s.verb.id.endsWith("/answered"));
  const items = await page.locator(".quiz-question").count();
  expect(answered).toHaveLength(items);
  expect(
    statements.filter(
      (s) => s.verb.id.endsWith("/completed") && s.object.id.endsWith("/quiz/practice/2"),
    ),
  ).toHaveLength(1);
  const one = answered[0] as unknown as {
    context: { extensions: Record<string, string[]> };
    result: { success: boolean };
  };
  expect(one.context.extensions["https://adal.kz/xapi/extensions/clauses"]?.[0]).toMatch(
    /^2\.\d+$/u,
  );

  await page.getByRole("button", { name: /Қайта бастау/u }).click();
  await expect(page.locator(".quiz-summary")).toContainText("0 / 0");
});

test("the quiz at the end of a lesson loads its bank after the page", async ({ page }) => {
  const bank = page.waitForResponse((r) => r.url().endsWith("/quiz-banks/4.json"));
  await page.goto("/lessons/4/");
  await page.locator("footer").last().scrollIntoViewIfNeeded();
  expect((await bank).status()).toBe(200);
  const first = page.locator(".quiz-question").first();
  await expect(first.locator("legend")).toBeVisible();
  await first.locator("input").first().check();
  await first.getByRole("button", { name: "Жауапты тексеру" }).click();
  await expect(
    first.locator('.quiz-verdict a[href^="/lessons/4/#clause-4-"]').first(),
  ).toBeVisible();
});

test("a lesson's quiz works offline although it was never scrolled to online", async ({
  page,
  context,
}) => {
  await page.goto("/lessons/3/");
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready) !== undefined);
  // Every bank is precached at install, also those of lessons never opened.
  await expect
    .poll(() => page.evaluate(async () => Boolean(await caches.match("/quiz-banks/9.json"))))
    .toBe(true);
  await page.goto("/lessons/5/"); // now under the service worker's control
  await expect(page.locator(".quiz-question").first()).toBeAttached(); // hydrated on idle
  await context.setOffline(true);
  await page.reload();
  const first = page.locator(".quiz-question").first();
  await first.scrollIntoViewIfNeeded();
  await first.locator("input").first().check();
  await first.getByRole("button", { name: "Жауапты тексеру" }).click();
  await expect(
    first.locator('.quiz-verdict a[href^="/lessons/5/#clause-5-"]').first(),
  ).toBeVisible();
  await context.setOffline(false);
});
