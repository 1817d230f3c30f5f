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
  // The options carry this attempt's own random ids, never the bank's letters or positions.
  for (const value of await page
    .locator(".exam-question input")
    .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value)))
    expect(value).toMatch(/^[A-Z2-7]{10}$/u);
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

test("two attempts of the same items share no option id, and the record uses the attempt's ids", async ({
  page,
  browser,
  baseURL,
}) => {
  const views: { id: string; items: { id: string; options: { id: string; text: string }[] }[] }[] =
    [];
  for (const number of ["100012", "100013"]) {
    const context = await browser.newContext();
    const other = await context.newPage();
    await signIn(other, number, "/");
    const started = await other.request.post("/api/exam/attempts", {
      headers: { "content-type": "application/json" },
    });
    expect(started.status()).toBe(201);
    views.push(await started.json());
    await context.close();
  }
  const [a, b] = views;
  if (!a || !b) throw new Error("no attempts");
  // The fixture pool has exactly the 20 items an attempt draws: both attempts hold all of them.
  for (const item of a.items) {
    const same = b.items.find((i) => i.id === item.id);
    expect(same).toBeDefined();
    for (const option of item.options)
      expect(same?.options.map((o) => o.id)).not.toContain(option.id);
  }

  // A learner answers and hands in. Their own session no longer reads the per-item record
  // (with the option texts seen during the attempt it would give keys away); an
  // administrator reads it: only this attempt's ids in it.
  await signIn(page, "100014", "/");
  const view = await (
    await page.request.post("/api/exam/attempts", {
      headers: { "content-type": "application/json" },
    })
  ).json();
  for (const item of view.items)
    await page.request.put(`/api/exam/attempts/${view.id}/answers/${item.id}`, {
      data: { options: [item.options[1].id] },
    });
  expect((await page.request.post(`/api/exam/attempts/${view.id}/submit`)).status()).toBe(200);
  const afterwards = await (await page.request.get(`/api/exam/attempts/${view.id}`)).json();
  expect(afterwards.items).toBeUndefined();
  const agent = JSON.stringify({ account: { homePage: baseURL, name: "100014" } });
  const query = `/xapi/statements?agent=${encodeURIComponent(agent)}&registration=${view.id}&limit=100`;
  const headers = { "X-Experience-API-Version": "1.0.3" };
  const own = await page.request.get(query, { headers });
  expect(own.status()).toBe(200);
  const ownVerbs = ((await own.json()).statements as { verb: { id: string } }[]).map((s) =>
    s.verb.id.split("/").pop(),
  );
  expect(ownVerbs).not.toContain("answered");
  expect(ownVerbs).toContain("initialized");
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, "900001", "/");
  const read = await admin.request.get(query, { headers });
  expect(read.status()).toBe(200);
  const record = (await read.json()).statements as {
    verb: { id: string };
    result?: { response?: string };
  }[];
  const answered = record.filter((s) => s.verb.id.endsWith("/answered"));
  expect(answered).toHaveLength(20);
  const ids = new Set(
    view.items.flatMap((i: { options: { id: string }[] }) => i.options.map((o) => o.id)),
  );
  for (const s of answered) expect(ids.has(s.result?.response ?? "")).toBe(true);
  const text = JSON.stringify(record);
  for (const item of view.items) {
    expect(text).not.toContain(item.stem.slice(0, 40));
    for (const option of item.options) expect(text).not.toContain(option.text);
  }
  await adminContext.close();
});

test("when the time is up the page sends what is answered and hands the attempt in", async ({
  page,
}) => {
  await page.clock.install();
  await signIn(page, "100015", "/exam/");
  await page.getByRole("button", { name: "Емтиханды бастау" }).click();
  await expect(page.locator(".exam-question")).toBeVisible();
  await page.locator(".exam-question input").first().check();
  await expect(page.getByRole("status").filter({ hasText: "Жауаптар сақталды" })).toBeVisible();
  // The page's clock runs to the deadline (the server's clock is the real one).
  await page.clock.fastForward("30:01");
  await expect(page.locator(".exam-result h2")).toHaveText("Емтиханнан өте алмадыңыз");
  await expect(page.locator(".exam-result")).toContainText("/ 20");
  const status = await (await page.request.get("/api/exam")).json();
  expect(status.openAttempt).toBeNull();
  expect(status.lastAttempt.passed).toBe(false);
});
