import { type APIRequestContext, expect, type Page } from "@playwright/test";
import { E2E_PASSWORD } from "../../playwright.config.ts";

export async function signIn(page: Page, personnelNumber: string, next = "/"): Promise<void> {
  await page.goto(`/signin/?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Жеке нөмір").fill(personnelNumber);
  await page.getByLabel("Құпиясөз").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Кіру" }).click();
  await page.waitForURL((url) => url.pathname === next);
}

/** Statements of one learner as an administrator sees them through the LRS. */
export async function learnerStatements(
  request: APIRequestContext,
  personnelNumber: string,
  origin: string,
) {
  const signedIn = await request.post("/api/session", {
    data: { personnelNumber: "900001", password: E2E_PASSWORD },
  });
  expect(signedIn.status()).toBe(200);
  const agent = JSON.stringify({ account: { homePage: origin, name: personnelNumber } });
  const response = await request.get(
    `/xapi/statements?agent=${encodeURIComponent(agent)}&limit=1000`,
    {
      headers: { "X-Experience-API-Version": "1.0.3" },
    },
  );
  expect(response.status()).toBe(200);
  return (await response.json()).statements as {
    id: string;
    verb: { id: string };
    object: { id: string };
    actor: { account: { name: string } };
    authority: { account: { name: string } };
    result?: { completion?: boolean };
  }[];
}

/** The header search island hydrates when the browser is idle; typing before that is not seen. */
export async function headerSearchReady(page: Page): Promise<void> {
  await expect(page.locator("header astro-island[ssr]")).toHaveCount(0, { timeout: 15_000 });
}

/**
 * Waits until the service worker keeps the page shown (the worker stores a visited page after
 * answering it, so going offline right after a navigation could find nothing yet).
 */
export async function pageKeptOffline(page: Page): Promise<void> {
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready) !== undefined);
  await expect
    .poll(
      () =>
        page.evaluate(async () =>
          Boolean(await caches.match(`${location.origin}${location.pathname}`)),
        ),
      // The worker's install (the precache) may still be running on a busy machine.
      { timeout: 20_000 },
    )
    .toBe(true);
}

/** A lesson's quiz hydrates when scrolled into view (client:visible): scroll to it and wait. */
export async function revealLessonQuiz(page: Page): Promise<void> {
  await page.locator("article astro-island").last().scrollIntoViewIfNeeded();
  await expect(page.locator(".quiz-question").first()).toBeAttached();
}
