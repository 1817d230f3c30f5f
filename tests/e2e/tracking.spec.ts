// A learner reads lessons online and offline; everything reaches the LRS exactly once.
import { expect, test } from "@playwright/test";
import { learnerStatements, signIn } from "./helpers.ts";

test("lesson statements survive going offline and reach the LRS exactly once", async ({
  page,
  context,
  baseURL,
  playwright,
}) => {
  const origin = baseURL ?? "";
  await signIn(page, "100001");
  await expect(page.locator(".account-name")).toBeVisible();

  await page.goto("/lessons/2/");
  await page.locator(".lesson-end").scrollIntoViewIfNeeded();
  await expect
    .poll(
      async () =>
        (
          await learnerStatements(
            await playwright.request.newContext({ baseURL: origin }),
            "100001",
            origin,
          )
        ).length,
    )
    .toBe(2);

  // Visit lesson 3 once online so the service worker has it, then read it offline.
  await page.goto("/lessons/3/");
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready) !== undefined);
  await context.setOffline(true);
  await page.reload();
  await page.locator(".lesson-end").scrollIntoViewIfNeeded();
  await expect(page.locator(".outbox-status")).toBeVisible();
  await expect(page.locator(".outbox-status")).toContainText(/[1-9]/u);
  await page.reload();
  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event("online")));
  await expect(page.locator(".outbox-status")).toBeHidden({ timeout: 20_000 });

  const statements = await learnerStatements(
    await playwright.request.newContext({ baseURL: origin }),
    "100001",
    origin,
  );
  const ids = statements.map((s) => s.id);
  expect(new Set(ids).size).toBe(ids.length);
  const lesson3 = statements.filter((s) => s.object.id === `${origin}/xapi/activities/lesson/3`);
  expect(lesson3.map((s) => s.verb.id.split("/").pop()).sort()).toEqual(
    expect.arrayContaining(["completed", "experienced"]),
  );
  for (const s of statements) {
    expect(s.actor.account.name).toBe("100001");
    expect(s.authority.account.name).toBe("adal-platform");
  }
});

test("the course map shows progress from the LRS after signing in elsewhere", async ({
  browser,
  baseURL,
  playwright,
}) => {
  const first = await browser.newContext({ baseURL: baseURL ?? "" });
  const page = await first.newPage();
  await signIn(page, "100002");
  await page.goto("/lessons/1/");
  await page.locator(".lesson-end").scrollIntoViewIfNeeded();
  const origin = baseURL ?? "";
  await expect
    .poll(async () => {
      const all = await learnerStatements(
        await playwright.request.newContext({ baseURL: origin }),
        "100002",
        origin,
      );
      return all.filter((s) => s.verb.id.endsWith("/completed")).length;
    })
    .toBe(1);
  await first.close();

  // Another device: a new browser context with nothing on it.
  const second = await browser.newContext({ baseURL: baseURL ?? "" });
  const other = await second.newPage();
  await signIn(other, "100002");
  await expect(other.locator(".course-progress")).toBeVisible();
  await expect(other.locator('[data-progress-for="1"]')).toHaveText(/Оқылды/u);
  await second.close();
});

test("quiz answers given offline are sent once after a reload and reconnect", async ({
  page,
  context,
  baseURL,
  playwright,
}) => {
  const origin = baseURL ?? "";
  await signIn(page, "100003", "/quiz/3/");
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready) !== undefined);
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

  const statements = await learnerStatements(
    await playwright.request.newContext({ baseURL: origin }),
    "100003",
    origin,
  );
  const answered = statements.filter((s) => s.verb.id.endsWith("/answered"));
  expect(answered).toHaveLength(3);
  expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
  for (const s of answered as unknown as {
    actor: { account: { name: string } };
    result: { success: boolean };
    context: { extensions: Record<string, string[]> };
  }[]) {
    expect(s.actor.account.name).toBe("100003");
    expect(typeof s.result.success).toBe("boolean");
    expect(s.context.extensions["https://adal.kz/xapi/extensions/clauses"]?.[0]).toMatch(
      /^3\.\d+$/u,
    );
  }
});
