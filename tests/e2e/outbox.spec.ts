// The outbox on a real browser's IndexedDB: a record too large for the LRS is kept and shown,
// never silently dropped, and never blocks the others; on a shared office PC one learner's
// records are never sent with another learner's session.
import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { E2E_PASSWORD } from "../../playwright.config.ts";
import { adminLrs, answerNextChoice, verbOf } from "./tracking-helpers.ts";

test.use({
  extraHTTPHeaders: { "X-Forwarded-For": `10.47.${Math.floor(Math.random() * 250)}.1` },
});

async function signInAs(page: Page, number: string, next: string) {
  await page.goto(`/signin/?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Жеке нөмір").fill(number);
  await page.getByLabel("Құпиясөз").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Кіру" }).click();
  await page.waitForURL((url) => url.pathname === next);
}

test("a record too large for the LRS is kept and shown; the others are sent", async ({
  page,
  baseURL,
  playwright,
}) => {
  const origin = baseURL ?? "";
  const lrs = await adminLrs(await playwright.request.newContext({ baseURL: origin }), origin);
  // The outbox as an earlier version of the site left it (IndexedDB version 1, no owner, no
  // size check): two ordinary records and one of 1.5 MB. Written from a page of the site that
  // runs no script of its own, before the site opens the database.
  await page.goto("/favicon.svg");
  const ids = await page.evaluate(async (home) => {
    const make = (padding: number) => ({
      id: crypto.randomUUID(),
      actor: { objectType: "Agent", account: { homePage: home, name: "100024" } },
      verb: { id: "http://adlnet.gov/expapi/verbs/experienced", display: { "kk-KZ": "танысты" } },
      object: {
        objectType: "Activity",
        id: `${home}/xapi/activities/lesson/8`,
        definition: { name: { "kk-KZ": "8-сабақ" } },
      },
      timestamp: new Date().toISOString(),
      ...(padding > 0
        ? {
            result: { extensions: { "https://adal.kz/xapi/extensions/note": "ә".repeat(padding) } },
          }
        : {}),
    });
    const statements = [make(0), make(786_432), make(0)];
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open("adal", 1);
      request.onupgradeneeded = () => {
        request.result
          .createObjectStore("outbox", { keyPath: "id" })
          .createIndex("queuedAt", "queuedAt");
        request.result.createObjectStore("rejected", { keyPath: "id" });
      };
      request.onsuccess = () => {
        const tx = request.result.transaction("outbox", "readwrite");
        statements.forEach((statement, i) => {
          tx.objectStore("outbox").add({ id: statement.id, statement, queuedAt: Date.now() + i });
        });
        tx.oncomplete = () => {
          request.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
      request.onerror = () => reject(request.error);
    });
    return statements.map((s) => s.id);
  }, origin);

  await signInAs(page, "100024", "/");
  const status = page.locator(".outbox-status");
  await expect(status).toContainText(
    "LRS 1 жазбаны қабылдамады. Олар жоғалған жоқ, осы құрылғыда сақтаулы.",
  );
  await expect
    .poll(async () => (await lrs.statements("100024")).map((s) => s.id))
    .toEqual(expect.arrayContaining([ids[0], ids[2]]));
  expect(await lrs.has(ids[1] ?? "")).toBe(false);

  await status.getByRole("button", { name: "Толығырақ" }).click();
  await expect(status.locator(".outbox-details")).toContainText(
    "Жазба тым үлкен: 1,5 МБ, ал шек — 1 МБ. LRS оны ешқашан қабылдамайды: файлға сақтап, әкімшіге беріңіз.",
  );
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    status.getByRole("button", { name: "Файлға сақтау" }).click(),
  ]);
  const saved = JSON.parse(await readFile((await download.path()) ?? "", "utf8")) as {
    statement: { id: string };
    reason: string;
  }[];
  expect(saved.map((s) => [s.statement.id, s.reason])).toEqual([[ids[1], "too-large"]]);

  // Still on the device after a reload: nothing was thrown away.
  await page.reload();
  await expect(status).toContainText("LRS 1 жазбаны қабылдамады.");
  // Deleting takes a confirmation; declining keeps it.
  await status.getByRole("button", { name: "Толығырақ" }).click();
  page.once("dialog", (dialog) => void dialog.dismiss());
  await status.getByRole("button", { name: "Өшіру" }).click();
  await expect(status).toContainText("LRS 1 жазбаны қабылдамады.");
  page.once("dialog", (dialog) => void dialog.accept());
  await status.getByRole("button", { name: "Өшіру" }).click();
  await expect(status).toBeHidden();
  expect((await lrs.statements("100024")).filter((s) => verbOf(s) === "experienced")).toHaveLength(
    2,
  );
});

test("on a shared device one learner's records wait for them, never sent as another's", async ({
  page,
  context,
  baseURL,
  playwright,
}) => {
  const origin = baseURL ?? "";
  const lrs = await adminLrs(await playwright.request.newContext({ baseURL: origin }), origin);
  const answered = async (n: string) =>
    (await lrs.statements(n)).filter((s) => verbOf(s) === "answered");
  const answerNext = () => answerNextChoice(page);

  // Learner A answers; then A's session ends before the next answer could be sent.
  await signInAs(page, "100023", "/quiz/7/");
  await answerNext();
  await expect.poll(async () => (await answered("100023")).length).toBe(1);
  await context.clearCookies();
  await page.getByRole("button", { name: "Келесі" }).click();
  await answerNext();
  await expect(page.locator(".outbox-status")).toContainText("Сессияңыздың мерзімі бітті.");

  // Learner B signs in on the same PC: A's answer stays on the device, B's own are sent.
  await signInAs(page, "100022", "/quiz/7/");
  const status = page.locator(".outbox-status");
  await expect(status).toHaveText(
    "Осы құрылғыда басқа пайдаланушының 1 жазбасы сақтаулы. Олар иесі қайта кіргенде жіберіледі.",
  );
  await answerNext();
  await expect.poll(async () => (await answered("100022")).length).toBe(1);
  expect(await answered("100023")).toHaveLength(1);
  for (const s of await lrs.statements("100022")) expect(s.actor.account.name).toBe("100022");

  // B signs out, A signs in again: A's answer is sent, once, as A's.
  await page.getByRole("button", { name: "Шығу" }).click();
  await expect(page.locator(".account-signin")).toBeVisible();
  await signInAs(page, "100023", "/quiz/7/");
  await expect(status).toBeHidden({ timeout: 20_000 });
  await expect.poll(async () => (await answered("100023")).length).toBe(2);
  const all = await lrs.statements("100023");
  expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
  for (const s of all) expect(s.actor.account.name).toBe("100023");
});
