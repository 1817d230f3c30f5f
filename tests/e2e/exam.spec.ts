// The annual exam in the browser: nothing of the key reaches the page before grading, answers
// survive a reload, the server grades, and the result points to the clauses to review.
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers.ts";

test("a learner takes the exam; no key is sent before grading; the result lists clauses to review", async ({
  page,
}) => {
  const seen: string[] = [];
  page.on("response", async (response) => {
    if (response.url().includes("/api/exam")) seen.push(await response.text().catch(() => ""));
  });
  await signIn(page, "100010", "/exam/");
  await page.getByRole("button", { name: "Емтиханды бастау" }).click();
  await expect(page.locator(".exam-question")).toBeVisible();
  await expect(page.getByRole("timer")).toContainText(/\d+:\d\d/u);

  const total = await page.locator(".exam-dots li").count();
  expect(total).toBe(20);
  for (let i = 0; i < total; i++) {
    await page.locator(".exam-question input").first().check();
    if (i === 4) {
      // A reload mid-exam resumes the same attempt with the answers given so far.
      await expect(page.getByRole("status").filter({ hasText: "Жауаптар сақталды" })).toBeVisible();
      await page.reload();
      await expect(page.locator(".exam-dots button.answered")).toHaveCount(5);
    }
    if (i < total - 1) await page.getByRole("button", { name: "Келесі", exact: true }).click();
  }
  await expect(page.getByRole("status").filter({ hasText: "Жауаптар сақталды" })).toBeVisible();
  for (const body of seen) expect(body).not.toMatch(/"correct"|feedback|explanation/u);

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Емтиханды аяқтау" }).click();
  await expect(page.locator(".exam-result h2")).toHaveText(/Емтиханнан (өттіңіз|өте алмадыңыз)/u);
  await expect(page.locator(".exam-result")).toContainText("/ 20");
  const review = page.locator(".review-list a");
  if ((await review.count()) > 0)
    await expect(review.first()).toHaveAttribute("href", /^\/lessons\/\d+\/#clause-\d+-\d+$/u);

  // One open attempt at most, and no second try before the cool-down (or while valid).
  const again = await page.request.post("/api/exam/attempts", {
    headers: { "content-type": "application/json" },
  });
  expect(again.status()).toBe(409);
});

test("a learner's session cannot record an exam result in the LRS", async ({ page, baseURL }) => {
  await signIn(page, "100011", "/");
  const response = await page.request.post("/xapi/statements", {
    headers: { "X-Experience-API-Version": "1.0.3", "Content-Type": "application/json" },
    data: {
      actor: { objectType: "Agent", account: { homePage: baseURL, name: "100011" } },
      verb: { id: "http://adlnet.gov/expapi/verbs/passed" },
      object: { id: `${baseURL}/xapi/activities/exam/annual-refresher` },
      result: { score: { scaled: 1 }, success: true },
    },
  });
  expect(response.status()).toBe(403);
});
