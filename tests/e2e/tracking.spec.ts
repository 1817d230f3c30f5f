// A learner reads lessons and answers quizzes online and offline; everything reaches the LRS
// exactly once, the resume point too, and the course map shows progress from every device.
import { expect, test } from "@playwright/test";
import { requiredReadingMs } from "../../src/lib/tracking/reading.ts";
import { pageKeptOffline, signIn } from "./helpers.ts";
import { adminLrs, answerWholeQuiz, readLesson, verbOf } from "./tracking-helpers.ts";

test("lesson statements and the resume point survive going offline and reach the LRS once", async ({
  page,
  context,
  baseURL,
  playwright,
}) => {
  const origin = baseURL ?? "";
  const lrs = await adminLrs(await playwright.request.newContext({ baseURL: origin }), origin);
  await page.clock.install();
  await signIn(page, "100001");
  await expect(page.locator(".account-name")).toBeVisible();

  await readLesson(page, 2);
  await expect.poll(async () => (await lrs.statements("100001")).length).toBe(2);

  // Visit lesson 3 once online so the service worker has it, then read it offline.
  await page.goto("/lessons/3/");
  await pageKeptOffline(page);
  await expect.poll(async () => (await lrs.statements("100001")).length).toBe(3);
  await context.setOffline(true);
  await page.reload();
  const status = page.locator(".outbox-status");
  // Opened offline: the tracker runs and the statement waits on the device.
  await expect(status).toContainText("Жіберілмеген жазбалар: 1");
  await page.locator(".lesson-end").scrollIntoViewIfNeeded();
  await page.clock.fastForward("05:00");
  // … then read to the end: both wait.
  await expect(status).toContainText("Жіберілмеген жазбалар: 2");
  await page.reload();
  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event("online")));
  await expect(status).toBeHidden({ timeout: 20_000 });

  const statements = await lrs.statements("100001");
  const ids = statements.map((s) => s.id);
  expect(new Set(ids).size).toBe(ids.length);
  const lesson3 = statements.filter((s) => s.object.id === `${origin}/xapi/activities/lesson/3`);
  expect(lesson3.map(verbOf).sort()).toEqual(expect.arrayContaining(["completed", "experienced"]));
  expect(lesson3.filter((s) => verbOf(s) === "completed")).toHaveLength(1);
  for (const s of statements) {
    expect(s.actor.account.name).toBe("100001");
    expect(s.authority.account.name).toBe("adal-platform");
  }

  // The resume point written offline (lesson 3) reached the LRS's State resource.
  const resume = await page.evaluate(async (home) => {
    const query = new URLSearchParams({
      activityId: `${home}/xapi/activities/course/anticorruption-standards`,
      agent: JSON.stringify({ account: { homePage: home, name: "100001" } }),
      stateId: "resume",
    });
    const response = await fetch(`/xapi/activities/state?${query}`, {
      headers: { "X-Experience-API-Version": "1.0.3" },
    });
    return response.ok ? ((await response.json()) as { lesson: number }) : null;
  }, origin);
  expect(resume?.lesson).toBe(3);
});

test("a lesson counts as read only after the minimum time with the page visible", async ({
  page,
  baseURL,
  playwright,
}) => {
  const origin = baseURL ?? "";
  const lrs = await adminLrs(await playwright.request.newContext({ baseURL: origin }), origin);
  const completed = async () =>
    (await lrs.statements("100004")).filter(
      (s) => verbOf(s) === "completed" && s.object.id.endsWith("/lesson/4"),
    ).length;
  await page.clock.install();
  await signIn(page, "100004");
  // A quarter of the lesson's estimated reading time must be spent on it, with the page visible.
  await page.goto("/lessons/4/");
  const minutes = Number(await page.locator(".lesson-end").getAttribute("data-minutes"));
  const required = requiredReadingMs(minutes);
  expect(required).toBeGreaterThan(60_000);
  await page.locator(".lesson-end").scrollIntoViewIfNeeded();
  await expect
    .poll(async () => (await lrs.statements("100004")).map(verbOf))
    .toEqual(["experienced"]);
  await page.clock.fastForward(required - 60_000);
  // In another tab for ten minutes: that time does not count.
  await page.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
  });
  await page.clock.fastForward("10:00");
  await page.waitForTimeout(1_000);
  expect(await completed()).toBe(0);
  await page.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
  });
  await page.clock.fastForward(30_000);
  await page.waitForTimeout(1_000);
  expect(await completed()).toBe(0);
  await page.clock.fastForward(31_000);
  await expect.poll(completed).toBe(1);
  const [done] = (await lrs.statements("100004")).filter((s) => verbOf(s) === "completed");
  // The time reported is the visible time, not the ten minutes more on the wall clock.
  const duration = (done?.result as { duration?: string } | undefined)?.duration ?? "";
  const [, m, sec] = /^PT(?:(\d+)M)?(?:([\d.]+)S)?$/u.exec(duration) ?? [];
  const reported = (Number(m ?? 0) * 60 + Number(sec ?? 0)) * 1000;
  expect(reported).toBeGreaterThanOrEqual(required);
  expect(reported).toBeLessThan(required + 60_000);
});

test("the course map shows lessons opened, read and quiz scores from another device", async ({
  browser,
  baseURL,
  playwright,
}) => {
  const origin = baseURL ?? "";
  const lrs = await adminLrs(await playwright.request.newContext({ baseURL: origin }), origin);
  const first = await browser.newContext({ baseURL: origin });
  const page = await first.newPage();
  await page.clock.install();
  await signIn(page, "100002");
  await readLesson(page, 1);
  // Read on this device: the record is sent before the learner moves on.
  await expect
    .poll(async () =>
      (await lrs.statements("100002")).some(
        (s) => verbOf(s) === "completed" && s.object.id.endsWith("/lesson/1"),
      ),
    )
    .toBe(true);
  await page.goto("/lessons/5/"); // opened only
  await expect
    .poll(async () =>
      (await lrs.statements("100002")).some((s) => s.object.id.endsWith("/lesson/5")),
    )
    .toBe(true);
  await page.goto("/quiz/1/");
  await answerWholeQuiz(page);
  const quizDone = async () =>
    (await lrs.statements("100002")).find(
      (s) => verbOf(s) === "completed" && s.object.id.endsWith("/quiz/practice/1"),
    );
  await expect.poll(async () => (await quizDone()) !== undefined).toBe(true);
  const quiz = await quizDone();
  const score = Math.round((quiz?.result?.score?.scaled ?? -1) * 100);
  expect(score).toBeGreaterThanOrEqual(0);
  await first.close();

  // Another device: a new browser context with nothing on it.
  const second = await browser.newContext({ baseURL: origin });
  const other = await second.newPage();
  await signIn(other, "100002");
  await expect(other.locator(".course-progress")).toBeVisible();
  await expect(other.locator('[data-progress-for="1"]')).toHaveText(`Оқылды · Тест: ${score} %`);
  await expect(other.locator('[data-progress-for="5"]')).toHaveText("Басталды");
  await expect(other.locator('[data-progress-for="2"]')).toHaveText("");
  // Lesson 1 read (half of it) and its quiz done (the other half): 1 of 11 lessons.
  await expect(other.locator(".course-progress-overall")).toHaveText("Курстың 9 %-ы орындалды");
  await second.close();
});

test("quiz answers given offline are sent once after a reload and reconnect", async ({
  page,
  context,
  baseURL,
  playwright,
}) => {
  const origin = baseURL ?? "";
  const lrs = await adminLrs(await playwright.request.newContext({ baseURL: origin }), origin);
  await signIn(page, "100003", "/quiz/3/");
  await pageKeptOffline(page);
  const answerNext = async () => {
    // Rounds are shuffled: step past a scenario to a choice question.
    while ((await page.locator(".quiz-scenario").count()) > 0)
      await page.getByRole("button", { name: "Келесі" }).click();
    const question = page.locator("form.quiz-question").first();
    await question.locator("input").first().check();
    await question.getByRole("button", { name: "Жауапты тексеру" }).click();
    await expect(question.locator(".quiz-verdict")).toContainText(/Дұрыс|Қате/u);
  };
  await answerNext(); // online
  await context.setOffline(true);
  await page.getByRole("button", { name: "Келесі" }).click();
  await answerNext(); // offline
  await page.reload(); // offline: the service worker serves the page, the outbox keeps the answer
  await expect(page.locator(".outbox-status")).toBeVisible();
  await answerNext(); // offline again, after the reload
  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event("online")));
  await expect(page.locator(".outbox-status")).toBeHidden({ timeout: 20_000 });

  const statements = await lrs.statements("100003");
  const answered = statements.filter((s) => s.verb.id.endsWith("/answered"));
  expect(answered).toHaveLength(3);
  expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
  for (const s of answered) {
    expect(s.actor.account.name).toBe("100003");
    expect(typeof s.result?.success).toBe("boolean");
    expect(s.context?.extensions?.["https://adal.kz/xapi/extensions/clauses"]?.[0]).toMatch(
      /^3\.\d+$/u,
    );
  }
});
