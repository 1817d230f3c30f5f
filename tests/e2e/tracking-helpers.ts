// Helpers of the tracking tests: reading a lesson (with Playwright's controllable clock, since
// a lesson counts as read only after a minimum time on the page), answering a whole quiz, and
// an administrator's view of the LRS that signs in once per test (the platform limits
// sign-in attempts per address).
import { type APIRequestContext, expect, type Page } from "@playwright/test";
import { E2E_PASSWORD } from "../../playwright.config.ts";

export interface Stored {
  id: string;
  verb: { id: string };
  object: { id: string };
  actor: { account: { homePage: string; name: string }; name?: string };
  authority: { account: { name: string } };
  result?: { success?: boolean; completion?: boolean; score?: { scaled: number } };
  context?: { extensions?: Record<string, string[]>; registration?: string };
}

/** Opens a lesson, scrolls to its end and lets the minimum reading time pass. */
export async function readLesson(page: Page, n: number): Promise<void> {
  await page.goto(`/lessons/${n}/`);
  await page.locator(".lesson-end").scrollIntoViewIfNeeded();
  await page.clock.fastForward("05:00");
}

/** Answers every item of the quiz on the page with its first choice. */
export async function answerWholeQuiz(page: Page): Promise<void> {
  // Questions appear once the player runs in the browser; a click before that is lost.
  await expect(page.locator(".quiz-question").first()).toBeVisible();
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
      await scenario.getByRole("button", { name: "Шешімді растау" }).click();
    }
  }
  await expect(page.locator(".quiz-summary")).toContainText("%");
}

/**
 * Answers the choice question shown (one at a time) with its first option; rounds are
 * shuffled, so a scenario shown first is stepped past with «Келесі».
 */
export async function answerNextChoice(page: Page): Promise<void> {
  while ((await page.locator(".quiz-scenario").count()) > 0)
    await page.getByRole("button", { name: "Келесі" }).click();
  const question = page.locator("form.quiz-question").first();
  await question.locator("input").first().check();
  await question.getByRole("button", { name: "Жауапты тексеру" }).click();
  await expect(question.locator(".quiz-verdict")).toContainText(/Дұрыс|Қате/u);
}

/** The administrator's reading of the LRS, signed in once. */
export async function adminLrs(request: APIRequestContext, origin: string) {
  const signedIn = await request.post("/api/session", {
    data: { personnelNumber: "900001", password: E2E_PASSWORD },
  });
  expect(signedIn.status()).toBe(200);
  return {
    async statements(personnelNumber: string): Promise<Stored[]> {
      const agent = JSON.stringify({ account: { homePage: origin, name: personnelNumber } });
      const response = await request.get(
        `/xapi/statements?agent=${encodeURIComponent(agent)}&limit=1000`,
        { headers: { "X-Experience-API-Version": "1.0.3" } },
      );
      expect(response.status()).toBe(200);
      return (await response.json()).statements as Stored[];
    },
    async has(statementId: string): Promise<boolean> {
      const response = await request.get(`/xapi/statements?statementId=${statementId}`, {
        headers: { "X-Experience-API-Version": "1.0.3" },
      });
      return response.status() === 200;
    },
  };
}

export const verbOf = (s: Stored) => s.verb.id.split("/").pop() ?? "";
