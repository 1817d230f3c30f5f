// The site pointed at another LRS: a second, real Adal LRS on its own port and database, with
// a Basic credential made by the CLI. The site is built for it (PUBLIC_LRS_ENDPOINT /
// PUBLIC_LRS_AUTH) and served by its own server, whose CSP allows that LRS and, through
// ADAL_LRS_ORIGINS, a second address of it that launches may name.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import type { Stored } from "./tracking-helpers.ts";
import { answerWholeQuiz, verbOf } from "./tracking-helpers.ts";

const base = Number(process.env.E2E_PORT ?? 4400);
const LRS_PORT = base + 1;
const SITE_PORT = base + 2;
const LRS = `http://127.0.0.1:${LRS_PORT}/xapi/`;
// The same LRS under another name: a different origin for the browser.
const LRS_ALIAS = `http://localhost:${LRS_PORT}/xapi/`;
const SITE = `http://127.0.0.1:${SITE_PORT}`;
const NODE = "node_modules/.bin/node";

let dir = "";
const servers: ChildProcess[] = [];

function credential(name: string, scopes: string): string {
  const run = spawnSync(
    NODE,
    ["src/server/cli.ts", "credentials", "create", "--name", name, "--scopes", scopes],
    {
      env: { ...process.env, DATABASE_URL: "", ADAL_DB: join(dir, "lrs.sqlite") },
      encoding: "utf8",
    },
  );
  expect(run.status, run.stderr).toBe(0);
  const key = /key:\s+(\S+)/u.exec(run.stdout)?.[1];
  const secret = /secret:\s+(\S+)/u.exec(run.stdout)?.[1];
  return `Basic ${Buffer.from(`${key}:${secret}`).toString("base64")}`;
}

async function serve(port: number, env: Record<string, string>): Promise<void> {
  const child = spawn(NODE, ["src/server/main.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: "",
      PORT: String(port),
      HOST: "127.0.0.1",
      ADAL_ORIGIN: `http://127.0.0.1:${port}`,
      ADAL_QUIZ_DIR: "tests/fixtures/quizzes",
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  servers.push(child);
  for (let i = 0; i < 200; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/xapi/about`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`server on port ${port} did not start`);
}

let siteAuth = "";
let launchAuth = "";
let readAuth = "";

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dir = mkdtempSync(join(tmpdir(), "adal-e2e-launch-"));
  siteAuth = credential("Site build", "statements/write,statements/read,state");
  launchAuth = credential("LMS launch", "statements/write,statements/read,state");
  readAuth = credential("Checker", "all/read");
  await serve(LRS_PORT, { ADAL_DB: join(dir, "lrs.sqlite"), ADAL_STATIC_DIR: join(dir, "none") });
  const build = spawnSync(
    NODE,
    ["node_modules/astro/bin/astro.mjs", "build", "--outDir", join(dir, "site")],
    {
      env: { ...process.env, PUBLIC_LRS_ENDPOINT: LRS, PUBLIC_LRS_AUTH: siteAuth },
      encoding: "utf8",
    },
  );
  expect(build.status, build.stderr).toBe(0);
  await serve(SITE_PORT, {
    ADAL_DB: join(dir, "site.sqlite"),
    ADAL_STATIC_DIR: join(dir, "site"),
    PUBLIC_LRS_ENDPOINT: LRS,
    ADAL_LRS_ORIGINS: new URL(LRS_ALIAS).origin,
  });
});

test.afterAll(async () => {
  for (const child of servers) child.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 300));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Statements about one agent in the other LRS, read with a credential of its own. */
async function statementsAbout(agent: object): Promise<Stored[]> {
  const query = new URLSearchParams({ agent: JSON.stringify(agent), limit: "1000" });
  const response = await fetch(`${LRS}statements?${query}`, {
    headers: { Authorization: readAuth, "X-Experience-API-Version": "1.0.3" },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { statements: Stored[] }).statements;
}

async function stateOf(agent: object): Promise<unknown> {
  const query = new URLSearchParams({
    activityId: `${SITE}/xapi/activities/course/anticorruption-standards`,
    agent: JSON.stringify(agent),
    stateId: "resume",
  });
  const response = await fetch(`${LRS}activities/state?${query}`, {
    headers: { Authorization: readAuth, "X-Experience-API-Version": "1.0.3" },
  });
  return response.ok ? response.json() : null;
}

const keyOf = (auth: string) =>
  Buffer.from(auth.slice("Basic ".length), "base64").toString("utf8").split(":")[0];

async function declare(page: Page, name: string, number: string) {
  const dialog = page.getByRole("dialog", { name: "Өзіңізді таныстырыңыз" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`http://127.0.0.1:${LRS_PORT} мекенжайындағы LRS-ке`);
  await dialog.getByLabel("Толық аты-жөні").fill(name);
  await dialog.getByLabel("Жеке нөмір").fill(number);
  await dialog.getByRole("button", { name: "Сақтау" }).click();
}

test("a site built for another LRS asks who the learner is, and sends there with its credential", async ({
  page,
}) => {
  const response = await page.goto(`${SITE}/lessons/1/`);
  const csp = response?.headers()["content-security-policy"] ?? "";
  expect(csp).toContain(
    `connect-src 'self' http://127.0.0.1:${LRS_PORT} http://localhost:${LRS_PORT}`,
  );

  // Bad input first: no name.
  const dialog = page.getByRole("dialog", { name: "Өзіңізді таныстырыңыз" });
  await dialog.getByLabel("Жеке нөмір").fill("200001");
  await dialog.getByRole("button", { name: "Сақтау" }).click();
  await expect(dialog.getByRole("alert")).toHaveText(
    "Толық аты-жөніңізді енгізіңіз (кемінде 3 әріп).",
  );
  await declare(page, "Айгүл Сейітова", "200001");
  await expect(page.locator(".account-name")).toHaveText("Айгүл Сейітова · 200001 (расталмаған)");

  const agent = { account: { homePage: SITE, name: "200001" } };
  await expect
    .poll(async () => (await statementsAbout(agent)).map(verbOf))
    .toEqual(["experienced"]);
  const [opened] = await statementsAbout(agent);
  expect(opened?.actor.name).toBe("Айгүл Сейітова");
  expect(opened?.authority.account.name).toBe(keyOf(siteAuth));
  // The resume point went to that LRS's State resource, with the credential.
  await expect.poll(() => stateOf(agent)).toMatchObject({ lesson: 1 });

  // Asked once: another page of the site does not ask again.
  await page.goto(`${SITE}/lessons/2/`);
  await expect(page.locator(".account-name")).toContainText("(расталмаған)");
  await expect(page.getByRole("dialog")).toHaveCount(0);
});

test("an LMS launch sends a quiz to the LRS it names, exactly once, and keeps the credential out of the address", async ({
  page,
  context,
}) => {
  const actor = {
    objectType: "Agent",
    account: { homePage: "https://lms.example.kz", name: "L-42" },
    name: "Ерлан Жақсыбеков",
  };
  const launch = new URLSearchParams({
    endpoint: LRS_ALIAS,
    auth: launchAuth,
    actor: JSON.stringify(actor),
  });
  await page.goto(`${SITE}/quiz/2/?${launch}`);
  await expect(page.locator(".account-name")).toHaveText("Ерлан Жақсыбеков (оқу жүйесі арқылы)");
  expect(new URL(page.url()).search).toBe("");
  await answerWholeQuiz(page);
  const agent = { account: actor.account };
  const items = await page.locator(".quiz-question").count();
  // One `answered` per item; a scenario's decisions are recorded under it (…/step/…) as well.
  const perItem = (s: Stored) => verbOf(s) === "answered" && !s.object.id.includes("/step/");
  // The last answers may still be on their way: wait for them, then check nothing is doubled.
  await expect.poll(async () => (await statementsAbout(agent)).filter(perItem).length).toBe(items);
  await expect(page.locator(".outbox-status")).toBeHidden({ timeout: 20_000 });
  const stored = await statementsAbout(agent);
  expect(stored.filter(perItem)).toHaveLength(items);
  expect(
    stored.filter((s) => verbOf(s) === "completed" && s.object.id.endsWith("/quiz/practice/2")),
  ).toHaveLength(1);
  expect(new Set(stored.map((s) => s.id)).size).toBe(stored.length);
  for (const s of stored) {
    expect(s.actor.account).toEqual(actor.account);
    expect(s.authority.account.name).toBe(keyOf(launchAuth));
    // Activities are this site's, never the launching LMS's (the actor's homePage).
    expect(s.object.id.startsWith(`${SITE}/xapi/activities/`), s.object.id).toBe(true);
  }

  // The launch holds for the whole tab: the course map reads progress from that LRS.
  await page.goto(`${SITE}/`);
  await expect(page.locator('[data-progress-for="2"]')).toContainText("Тест:");
  // … but not for another tab, which was not launched: that one asks who is there.
  const other = await context.newPage();
  await other.goto(`${SITE}/`);
  await expect(other.getByRole("dialog", { name: "Өзіңізді таныстырыңыз" })).toBeVisible();
  await other.close();

  // A launch address carries the credential: the service worker keeps pages without it.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
    .toBe(true);
  await page.goto(`${SITE}/lessons/4/?${launch}`);
  const cachedUrls = () =>
    page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys())
        for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
      return urls;
    });
  await expect.poll(cachedUrls).toContain(`${SITE}/lessons/4/`);
  expect((await cachedUrls()).filter((url) => url.includes("auth="))).toEqual([]);
});

test("a launch to an LRS the site does not allow is blocked with a clear message, nothing lost", async ({
  page,
}) => {
  const launch = new URLSearchParams({
    endpoint: `http://127.0.0.1:${base + 3}/xapi/`,
    auth: launchAuth,
    actor: JSON.stringify({ account: { homePage: "https://lms.example.kz", name: "L-43" } }),
  });
  await page.goto(`${SITE}/lessons/3/?${launch}`);
  const status = page.locator(".outbox-status");
  await expect(status).toContainText(
    `Сайттың қауіпсіздік саясаты http://127.0.0.1:${base + 3} мекенжайына жазба жіберуге рұқсат бермейді.`,
  );
  await expect(status).toContainText("Жіберілмеген жазбалар: 1");

  // Launch parameters that name nobody are refused, and say so.
  await page.goto(`${SITE}/lessons/3/?endpoint=${encodeURIComponent(LRS)}&actor=%7B%7D`);
  await expect(status).toContainText(
    "Мекенжайдағы іске қосу параметрлері қате (actor), сондықтан ескерілмеді.",
  );
});
