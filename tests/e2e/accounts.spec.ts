// Bad input at sign-in and in the learner's session: clear Kazakh and Russian messages, and
// nothing recorded is lost. Each test is a separate client address for the platform's
// per-address sign-in limit (X-Forwarded-For), so the suite's sign-ins do not add up.
import { expect, type Page, test } from "@playwright/test";
import { E2E_PASSWORD } from "../../playwright.config.ts";
import { adminLrs, answerNextChoice, verbOf } from "./tracking-helpers.ts";

test.use({
  extraHTTPHeaders: { "X-Forwarded-For": `10.46.${Math.floor(Math.random() * 250)}.1` },
});

/** Fills and sends the sign-in form; returns the HTTP status of the platform's answer. */
async function fillSignIn(page: Page, number: string, password: string, ru = false) {
  await page.getByLabel(ru ? "Личный номер" : "Жеке нөмір").fill(number);
  await page.getByLabel(ru ? "Пароль" : "Құпиясөз").fill(password);
  const [response] = await Promise.all([
    page.waitForResponse(
      (r) => r.url().endsWith("/api/session") && r.request().method() === "POST",
    ),
    page.getByRole("button", { name: ru ? "Войти" : "Кіру" }).click(),
  ]);
  return response.status();
}

test("a wrong password is explained in Kazakh and in Russian", async ({ page }) => {
  await page.goto("/signin/");
  await fillSignIn(page, "100030", "not-the-password");
  await expect(page.getByRole("alert")).toHaveText("Жеке нөмір немесе құпиясөз қате.");
  await page.goto("/ru/signin/");
  await fillSignIn(page, "100030", "not-the-password", true);
  await expect(page.getByRole("alert")).toHaveText("Неверный личный номер или пароль.");
  // The right password still works: two failures do not lock the account.
  await fillSignIn(page, "100030", E2E_PASSWORD, true);
  await page.waitForURL((url) => url.pathname === "/ru/");
});

test("a locked account says until when, and the right password waits too", async ({ page }) => {
  await page.goto("/signin/");
  const alert = page.getByRole("alert");
  let locked = false;
  for (let attempt = 0; attempt < 8 && !locked; attempt++) {
    const status = await fillSignIn(page, "100029", `wrong-${attempt}`);
    locked = status === 429;
    if (!locked) {
      expect(status).toBe(401);
      await expect(alert).toHaveText("Жеке нөмір немесе құпиясөз қате.");
    }
  }
  expect(locked).toBe(true);
  await fillSignIn(page, "100029", E2E_PASSWORD);
  await expect(alert).toHaveText(
    /^Бірнеше рет қате енгізілгендіктен, тіркелгі уақытша бұғатталды\. Қайта кіру уақыты: \d{2}:\d{2} \(шамамен \d+ минуттан кейін\)\.$/u,
  );
  await page.goto("/ru/signin/");
  await fillSignIn(page, "100029", E2E_PASSWORD, true);
  await expect(alert).toHaveText(
    /^Из-за нескольких неверных попыток учётная запись временно заблокирована\. Повторите вход после \d{2}:\d{2} \(примерно через \d+ мин\)\.$/u,
  );
  expect(new URL(page.url()).pathname).toBe("/ru/signin/");
});

test("the server's demand for a new password leads to the change-password form", async ({
  page,
  context,
  baseURL,
  playwright,
}) => {
  const origin = baseURL ?? "";
  const admin = await playwright.request.newContext({ baseURL: origin });
  await adminLrs(admin, origin);
  const reset = await admin.post("/api/users/100028/reset-password");
  expect(reset.status()).toBe(200);
  const { temporaryPassword } = (await reset.json()) as { temporaryPassword: string };
  // Signed in elsewhere (an API call sharing this browser's cookies), then opens the site.
  const signedIn = await context.request.post("/api/session", {
    data: { personnelNumber: "100028", password: temporaryPassword },
  });
  expect(signedIn.status()).toBe(200);
  await page.goto("/lessons/1/");
  await page.waitForURL((url) => url.pathname === "/signin/");
  expect(new URL(page.url()).searchParams.get("next")).toBe("/lessons/1/");
  await expect(page.getByText("Жалғастыру үшін құпиясөзді ауыстырыңыз.")).toBeVisible();
  await page.getByLabel("Қазіргі құпиясөз").fill("not-it");
  await page.getByLabel("Жаңа құпиясөз (кемінде 10 таңба)").fill("Zhana-Qupiya-42");
  await page.getByLabel("Жаңа құпиясөзді қайталаңыз").fill("Zhana-Qupiya-42");
  await page.getByRole("button", { name: "Сақтау және жалғастыру" }).click();
  await expect(page.getByRole("alert")).toHaveText("Қазіргі құпиясөз қате.");
  await page.getByLabel("Қазіргі құпиясөз").fill(temporaryPassword);
  await page.getByRole("button", { name: "Сақтау және жалғастыру" }).click();
  await page.waitForURL((url) => url.pathname === "/lessons/1/");
  await expect(page.locator(".account-name")).toBeVisible();
  const again = await playwright.request.newContext({ baseURL: origin });
  const check = await again.post("/api/session", {
    data: { personnelNumber: "100028", password: "Zhana-Qupiya-42" },
  });
  expect((await check.json()).user.mustChangePassword).toBe(false);
});

test("an expired session asks to sign in again; the records made meanwhile are sent once", async ({
  page,
  context,
  baseURL,
  playwright,
}) => {
  const origin = baseURL ?? "";
  const lrs = await adminLrs(await playwright.request.newContext({ baseURL: origin }), origin);
  const answered = async () =>
    (await lrs.statements("100017")).filter((s) => verbOf(s) === "answered");
  await page.goto("/signin/?next=/quiz/6/");
  await fillSignIn(page, "100017", E2E_PASSWORD);
  await page.waitForURL((url) => url.pathname === "/quiz/6/");
  const answerNext = () => answerNextChoice(page);
  await answerNext();
  await expect.poll(async () => (await answered()).length).toBe(1);

  // The session ends on the server's side (the cookie is gone), in the middle of the quiz.
  await context.clearCookies();
  await page.getByRole("button", { name: "Келесі" }).click();
  await answerNext();
  const status = page.locator(".outbox-status");
  await expect(status).toContainText(
    "Сессияңыздың мерзімі бітті. 1 жазбаны жіберу үшін қайта кіріңіз: олар осы құрылғыда сақтаулы.",
  );
  expect(await answered()).toHaveLength(1);

  await status.getByRole("link", { name: "Қайта кіру" }).click();
  await page.waitForURL((url) => url.pathname === "/signin/");
  await expect(
    page.getByRole("status").filter({ hasText: "Сессияңыздың мерзімі бітті." }),
  ).toBeVisible();
  await fillSignIn(page, "100017", E2E_PASSWORD);
  await page.waitForURL((url) => url.pathname === "/quiz/6/");
  await expect(status).toBeHidden({ timeout: 20_000 });
  await expect.poll(async () => (await answered()).length).toBe(2);
  const all = await lrs.statements("100017");
  expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
  for (const s of all) expect(s.actor.account.name).toBe("100017");
});

test("a statement about someone else is refused with 403 and nothing is stored", async ({
  page,
  baseURL,
  playwright,
}) => {
  const origin = baseURL ?? "";
  const lrs = await adminLrs(await playwright.request.newContext({ baseURL: origin }), origin);
  await page.goto("/signin/");
  await fillSignIn(page, "100018", E2E_PASSWORD);
  await page.waitForURL((url) => url.pathname === "/");
  const forged = await page.evaluate(async (home) => {
    const id = crypto.randomUUID();
    const response = await fetch("/xapi/statements", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Experience-API-Version": "1.0.3" },
      body: JSON.stringify({
        id,
        actor: { objectType: "Agent", account: { homePage: home, name: "100099" } },
        verb: { id: "http://adlnet.gov/expapi/verbs/completed" },
        object: { objectType: "Activity", id: `${home}/xapi/activities/lesson/1` },
      }),
    });
    return { id, status: response.status, body: (await response.json()) as { message: string } };
  }, origin);
  expect(forged.status).toBe(403);
  expect(forged.body.message).toMatch(/themselves|own/u);
  expect(await lrs.has(forged.id)).toBe(false);
  expect(await lrs.statements("100099")).toEqual([]);
});
