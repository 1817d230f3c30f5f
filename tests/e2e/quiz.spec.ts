// The practice quiz in a real browser against the real LRS: keyboard-only play to the end,
// shuffled rounds (answers are chosen by their text, never by position), feedback linked to
// the clause, scenarios played step by step, the statements left in the LRS, and a round
// resumed on another device through the xAPI State.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type PlaywrightWorkerArgs, test } from "@playwright/test";
import { learnerStatements, pageKeptOffline, revealLessonQuiz, signIn } from "./helpers.ts";
import {
  answerWithKeyboard,
  answerWithMouse,
  focused,
  itemOf,
  practiceBank,
  tabUntil,
} from "./quiz-play.ts";

type Statement = {
  verb: { id: string };
  object: { id: string; definition?: { interactionType?: string } };
  result?: { success?: boolean; score?: { scaled?: number }; response?: string };
  context?: { registration?: string; contextActivities?: { parent?: { id: string }[] } };
};

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** The learner's statements once the page has sent them (read with an admin's session). */
async function statementsOf(
  page: Page,
  playwright: PlaywrightWorkerArgs["playwright"],
  learner: string,
  origin: string,
) {
  await expect(page.locator(".outbox-status")).toBeHidden({ timeout: 20_000 });
  const admin = await playwright.request.newContext({ baseURL: origin });
  return (await learnerStatements(admin, learner, origin)) as unknown as Statement[];
}

/** Waits for the quiz's State document to be saved with what `fits` looks for. */
function progressSaved(
  page: Page,
  fits: (progress: { answers?: object; mode?: string }) => boolean,
) {
  return page.waitForResponse((r) => {
    if (!r.url().includes("/xapi/activities/state") || r.request().method() !== "PUT") return false;
    return fits(JSON.parse(r.request().postData() ?? "{}"));
  });
}

test("a learner plays a whole quiz with the keyboard only and the LRS gets every answer", async ({
  page,
  baseURL,
  playwright,
}) => {
  // Answers every item of the largest bank (section 2) and runs axe over the page: on a busy
  // two-core machine that takes longer than the default 30 s budget, which is not what is tested.
  test.setTimeout(90_000);
  const origin = baseURL ?? "";
  await signIn(page, "100006", "/quiz/4/");
  const bank = await practiceBank(page, 4);
  await expect(page.locator(".quiz-question")).toHaveCount(1);
  const shown: string[] = [];
  for (let i = 0; i < bank.length; i++) {
    const question = page.locator(".quiz-question");
    await expect(page.locator(".quiz-nav")).toContainText(`${i + 1} / ${bank.length}`);
    const item = await answerWithKeyboard(page, question, bank);
    shown.push(item.id);
    const verdict = question.locator(".quiz-verdict");
    await expect(verdict).toContainText(item.type === "branching" ? /барлық шешім/u : /Дұрыс/u);
    await expect(verdict.locator('a[href^="/lessons/4/#clause-4-"]').first()).toBeVisible();
    if (i < bank.length - 1) {
      await tabUntil(page, (f) => f.tag === "button" && f.label === "Келесі");
      await page.keyboard.press("Enter");
      // The next question takes the focus, ready to be answered.
      await expect.poll(async () => (await focused(page)).tag).toBe("input");
    }
  }
  await expect(page.locator(".quiz-summary")).toContainText(
    `${bank.length} / ${bank.length} (100 %)`,
  );
  // The first round is shuffled too (the chance of the bank's own order is 1 in 8!).
  expect(shown).not.toEqual(bank.map((i) => i.id));

  const statements = await statementsOf(page, playwright, "100006", origin);
  const itemStatements = statements.filter(
    (s) => s.verb.id.endsWith("/answered") && /\/quiz-item\/[^/]+$/u.test(s.object.id),
  );
  expect(itemStatements.map((s) => s.object.id.split("/").pop()).sort()).toEqual(
    bank.map((i) => i.id).sort(),
  );
  expect(itemStatements.every((s) => s.result?.success === true)).toBe(true);
  const scenarios = bank.filter((i) => i.type === "branching");
  for (const scenario of scenarios) {
    const outcome = itemStatements.find((s) => s.object.id.endsWith(`/${scenario.id}`));
    expect(outcome?.object.definition?.interactionType).toBe("other");
    expect(outcome?.result?.score?.scaled).toBe(1);
    const steps = statements.filter((s) => s.object.id.includes(`/quiz-item/${scenario.id}/step/`));
    expect(steps.length).toBeGreaterThanOrEqual(2);
    for (const s of steps) {
      expect(s.object.definition?.interactionType).toBe("choice");
      expect(s.context?.contextActivities?.parent?.[0]?.id).toMatch(
        new RegExp(`/${scenario.id}$`, "u"),
      );
    }
  }
  const completed = statements.filter(
    (s) => s.verb.id.endsWith("/completed") && s.object.id.endsWith("/quiz/practice/4"),
  );
  expect(completed).toHaveLength(1);
  expect(completed[0]?.result?.score?.scaled).toBe(1);
  expect(new Set(statements.map((s) => s.context?.registration).filter(Boolean)).size).toBe(1);
});

test("all on one page: wrong answers are explained, then a retry reshuffles the round", async ({
  page,
}) => {
  await signIn(page, "100005", "/quiz/5/");
  const bank = await practiceBank(page, 5);
  await page.getByLabel("Барлығы бір бетте").check();
  const questions = page.locator(".quiz-question");
  await expect(questions).toHaveCount(bank.length);
  const firstRound: string[] = [];
  for (const question of await questions.all()) {
    const item = await answerWithMouse(question, bank, false);
    firstRound.push(item.id);
    await expect(question.locator(".quiz-verdict")).toContainText(
      item.type === "branching" ? /Кейбір шешімдер стандартқа сай емес/u : /Қате/u,
    );
  }
  await expect(page.locator(".quiz-summary")).toContainText(`0 / ${bank.length} (0 %)`);
  const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await page.getByRole("button", { name: /Қайта бастау/u }).click();
  await expect(page.locator(".quiz-summary")).toContainText("0 / 0");
  await expect(page.getByRole("heading", { name: "Жағдаяттық тест" })).toBeFocused();
  const secondRound = [];
  for (const question of await questions.all()) secondRound.push((await itemOf(question, bank)).id);
  expect(secondRound.sort()).toEqual([...firstRound].sort());
  expect(secondRound).not.toEqual(firstRound);
});

test("a round begun on one device is resumed on another, same layout and run", async ({
  page,
  browser,
  baseURL,
  playwright,
}) => {
  const origin = baseURL ?? "";
  await signIn(page, "100007", "/quiz/3/");
  const bank = await practiceBank(page, 3);
  const answers = (n: number) => (p: { answers?: object }) =>
    Object.keys(p.answers ?? {}).length === n;
  const answered: string[] = [];
  for (let i = 0; i < 2; i++) {
    const put = progressSaved(page, answers(i + 1));
    answered.push((await answerWithMouse(page.locator(".quiz-question"), bank, true)).id);
    expect((await put).status()).toBe(204);
    if (i === 0) await page.getByRole("button", { name: "Келесі" }).click();
  }
  const allOnPage = progressSaved(page, (p) => p.mode === "all");
  await page.getByLabel("Барлығы бір бетте").check();
  await allOnPage;
  const layout = [];
  for (const question of await page.locator(".quiz-question").all())
    layout.push((await itemOf(question, bank)).id);

  // Another device: a new browser context, the same learner.
  const other = await (await browser.newContext({ baseURL: origin })).newPage();
  await signIn(other, "100007", "/quiz/3/");
  await expect(other.locator(".quiz-resume")).toContainText(`2 / ${bank.length}`);
  await other.getByRole("button", { name: "Жалғастыру" }).click();
  await expect(other.locator(".quiz-resume")).toHaveCount(0);
  await expect(other.locator(".quiz-summary")).toContainText("2 / 2");
  const resumed = [];
  for (const question of await other.locator(".quiz-question").all())
    resumed.push((await itemOf(question, bank)).id);
  expect(resumed).toEqual(layout); // same order, and still "all on one page"
  for (const id of answered) {
    const question = other.locator(".quiz-question").nth(layout.indexOf(id));
    await expect(question.locator(".quiz-verdict")).toContainText(/Дұрыс|барлық шешім/u);
  }
  const next = other
    .locator(".quiz-question")
    .nth(layout.findIndex((id) => !answered.includes(id)));
  const third = progressSaved(other, answers(3));
  await answerWithMouse(next, bank, true);
  await expect(other.locator(".quiz-summary")).toContainText("3 / 3");
  await third;

  const statements = await statementsOf(other, playwright, "100007", origin);
  const registrations = new Set(
    statements.filter((s) => s.verb.id.endsWith("/answered")).map((s) => s.context?.registration),
  );
  expect(registrations.size).toBe(1); // the resumed answers join the same run

  // Back on the first device, a reload offers the round again, now with three answers.
  await page.reload();
  await expect(page.locator(".quiz-resume")).toContainText(`3 / ${bank.length}`);
  await page.getByRole("button", { name: "Жаңадан бастау" }).click();
  await expect(page.locator(".quiz-resume")).toHaveCount(0);
  await expect(page.locator(".quiz-summary")).toContainText("0 / 0");
});

test("the quiz at the end of a lesson loads its bank after the page", async ({ page }) => {
  const bank = page.waitForResponse((r) => r.url().endsWith("/quiz-banks/4.json"));
  await page.goto("/lessons/4/");
  await page.locator("footer").last().scrollIntoViewIfNeeded();
  expect((await bank).status()).toBe(200);
  const question = page.locator(".quiz-question");
  await expect(question).toHaveCount(1);
  await answerWithMouse(question, await practiceBank(page, 4), true);
  await expect(
    question.locator('.quiz-verdict a[href^="/lessons/4/#clause-4-"]').first(),
  ).toBeVisible();
});

test("a lesson's quiz works offline although it was never scrolled to online", async ({
  page,
  context,
}) => {
  const bank = await practiceBank(page, 5);
  await page.goto("/lessons/3/");
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready) !== undefined);
  // Every bank is precached at install, also those of lessons never opened.
  await expect
    .poll(() => page.evaluate(async () => Boolean(await caches.match("/quiz-banks/9.json"))))
    .toBe(true);
  await page.goto("/lessons/5/"); // now under the service worker's control, quiz not scrolled to
  await pageKeptOffline(page);
  await context.setOffline(true);
  await page.reload();
  // Its code and bank come from the cache when it is scrolled into view, offline.
  await revealLessonQuiz(page);
  const question = page.locator(".quiz-question");
  await answerWithMouse(question, bank, true);
  await expect(
    question.locator('.quiz-verdict a[href^="/lessons/5/#clause-5-"]').first(),
  ).toBeVisible();
  await context.setOffline(false);
});

test("a printed lesson leaves out the quiz and the navigation", async ({ page }) => {
  await page.goto("/lessons/2/");
  await revealLessonQuiz(page);
  await expect(page.locator(".quiz-player")).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".quiz-player")).toBeHidden();
  await expect(page.locator(".toc")).toBeHidden();
  await expect(page.locator(".lesson-nav")).toBeHidden();
  await expect(page.locator("#clause-2-10")).toBeVisible();
  await expect(page.locator(".explanation dl")).toBeVisible();
});
