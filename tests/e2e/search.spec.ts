import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { headerSearchReady } from "./helpers.ts";

const GIFT_CLAUSES = /\/lessons\/2\/#clause-2-(?:5|9|10)$/u;

test("results page reads ?q= typed on a Russian keyboard and finds the gift clauses", async ({
  page,
}) => {
  await page.goto("/search/?q=сыйлык");
  await expect(page.locator("#search-q")).toHaveValue("сыйлык");
  const first = page.locator(".search-results li a").first();
  await expect(first).toHaveAttribute("href", GIFT_CLAUSES);
  await expect(page.locator(".search-results mark").first()).toHaveText(/^сыйлық/u);
  await first.click();
  await expect(page).toHaveURL(GIFT_CLAUSES);
});

test("results follow typing and the URL follows the query", async ({ page }) => {
  await page.goto("/search/");
  await page.locator("#search-q").fill("тургын уй");
  await expect(page.locator(".search-results li a").first()).toHaveAttribute(
    "href",
    /\/lessons\/9\/#clause-9-[56]$/u,
  );
  await expect(page).toHaveURL(/\?q=/u);
  expect(new URL(page.url()).searchParams.get("q")).toBe("тургын уй");
});

test("on the results page / focuses the page's own box", async ({ page }) => {
  await page.goto("/search/?q=сыйлық");
  await headerSearchReady(page);
  await page.locator("h1").click();
  await page.keyboard.press("/");
  await expect(page.locator("#search-q")).toBeFocused();
});

test("header box: / focuses it, results as you type, keyboard picks one", async ({ page }) => {
  await page.goto("/lessons/3/");
  await headerSearchReady(page); // the shortcut exists from then on
  await page.locator("h1").click();
  await page.keyboard.press("/");
  const box = page.getByRole("combobox");
  await expect(box).toBeFocused();
  await page.keyboard.type("куалик");
  const listbox = page.getByRole("listbox");
  await expect(listbox).toBeVisible({ timeout: 15_000 });
  await expect(box).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("ArrowDown");
  const active = await box.getAttribute("aria-activedescendant");
  expect(active).toBeTruthy();
  await expect(page.locator(`[id="${active}"]`)).toHaveAttribute("aria-selected", "true");
  await expect(page.locator(`[id="${active}"]`)).toContainText("4.1");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/lessons\/4\/#clause-4-1$/u);
});

test("header box: Enter without a pick opens the results page", async ({ page }) => {
  await page.goto("/ru/");
  await headerSearchReady(page);
  const box = page.getByRole("combobox");
  await box.fill("взятка");
  await expect(page.getByRole("option").first()).toContainText("5.1", { timeout: 15_000 });
  await box.press("Enter");
  await expect(page).toHaveURL(/\/ru\/search\/\?q=/u);
  await expect(page.locator(".search-results li a").first()).toHaveAttribute(
    "href",
    "/ru/lessons/5/#clause-5-1",
  );
});

test("Russian page finds gift clauses for a Russian word", async ({ page }) => {
  await page.goto("/ru/search/?q=подарок");
  const links = page.locator(".search-results li a");
  await expect(links.first()).toHaveAttribute("href", /^\/ru\/lessons\/2\/#clause-2-(?:5|9|10)$/u);
  await expect(page.locator(".search-results mark").first()).toHaveText(/^сыйлық/u);
});

test("the index is one static JSON file at the content-hashed address the page names", async ({
  page,
  request,
}) => {
  await page.goto("/");
  const url = await page.locator(".header-search form").getAttribute("data-index");
  expect(url).toMatch(/^\/search-index\.[0-9a-f]{12}\.json$/u);
  const response = await request.get(url ?? "");
  expect(response.ok()).toBe(true);
  expect(response.headers()["content-type"]).toContain("application/json");
  const body = (await response.json()) as { version: number; docs: unknown[][] };
  expect(body.version).toBe(3);
  expect(body.docs.some((d) => d[0] === 0 && d[1] === "2.10")).toBe(true);
  expect((await request.get("/search-index.json")).status()).toBe(404);
});

test("a query from the link matches whole words; typing also matches the word begun", async ({
  page,
}) => {
  // жауап as a whole word: the clauses with жауап's forms, never жауапкершілік ("liability")
  await page.goto("/search/?q=жауап");
  const marks = page.locator(".search-results mark");
  await expect(marks.first()).toHaveText(/^жауап/iu);
  expect((await marks.allTextContents()).some((m) => /кершіл/u.test(m))).toBe(false);
  const whole = await page.locator(".search-results li").count();
  // typing жауап: the word begun matches жауапкершілік too, so there are more results
  await page.locator("#search-q").fill("жауап");
  await expect.poll(() => page.locator(".search-results li").count()).toBeGreaterThan(whole);
  // a submitted half word that finds nothing as a whole word is taken as begun
  await page.goto("/search/?q=сыйл");
  await expect(page.locator(".search-results li a").first()).toHaveAttribute("href", GIFT_CLAUSES);
  await expect(page.locator(".search-status")).toHaveText(/^Табылғаны: \d+$/u);
});

test("a section's lead sentence is found and links to the lesson's official text", async ({
  page,
}) => {
  await page.goto("/search/?q=лицензиялық-рұқсат функциялары");
  const lead = page.locator(".search-results li a", { hasText: "3-бөлім" });
  await expect(lead).toHaveAttribute("href", "/lessons/3/#official-text");
  await lead.click();
  await expect(page.locator("#official-text")).toBeInViewport();
});

test("header box: no results shows a note below the options, and counts are announced", async ({
  page,
}) => {
  await page.goto("/lessons/2/");
  await headerSearchReady(page);
  const box = page.getByRole("combobox");
  await box.fill("сыйлық");
  const status = page.locator(".header-search [role=status]");
  await expect(status).toHaveText(/^Табылғаны: [1-6]$/u, { timeout: 15_000 });
  await box.fill("жжжжжж");
  await expect(status).toHaveText("Ештеңе табылмады. Басқа сөзбен іздеп көріңіз.");
  const all = page.getByRole("option", { name: "Барлық нәтижелер" });
  const none = page.locator(".header-search-none");
  await expect(all).toBeVisible();
  await expect(none).toBeVisible();
  const a = await all.boundingBox();
  const b = await none.boundingBox();
  expect(a && b && b.y >= a.y + a.height - 1).toBe(true);
  const popup = await page.locator(".header-search-popup").boundingBox();
  if (popup)
    await page.screenshot({
      path: "test-results/header-search-none.png",
      clip: {
        x: popup.x,
        y: Math.max(0, popup.y - 50),
        width: popup.width,
        height: popup.height + 50,
      },
    });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the search forms are there and submit to the results page", async ({ page }) => {
    await page.goto("/search/");
    await expect(page.locator('form input[name="q"]')).toHaveCount(2);
    await page.locator('.header-search input[name="q"]').fill("пара");
    await page.locator('.header-search input[name="q"]').press("Enter");
    await expect(page).toHaveURL(/\/search\/\?q=/u);
  });
});

test("axe finds no WCAG 2.2 AA violation on the results page and the open combobox", async ({
  page,
}) => {
  const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
  await page.goto("/search/?q=мүдделер жанжалы");
  await expect(page.locator(".search-results li").first()).toBeVisible();
  await headerSearchReady(page);
  const box = page.getByRole("combobox");
  await box.fill("сыйлық");
  await expect(page.getByRole("listbox")).toBeVisible({ timeout: 15_000 });
  await box.press("ArrowDown");
  const results = await new AxeBuilder({ page }).withTags(tags).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help}`)).toEqual([]);
  // and with no result: the "all results" option and the note
  await box.fill("жжжжжж");
  await expect(page.locator(".header-search-none")).toBeVisible();
  const none = await new AxeBuilder({ page }).withTags(tags).analyze();
  expect(none.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help}`)).toEqual([]);
});

test.describe("offline (service worker)", () => {
  const swReady = (page: Page) =>
    page.waitForFunction(async () => (await navigator.serviceWorker.ready) !== undefined);

  test("search works offline for someone who never searched online", async ({ page, context }) => {
    await page.goto("/");
    await swReady(page);
    const indexUrl = (await page.locator(".header-search form").getAttribute("data-index")) ?? "";
    // precached at install: the index and the search code, though search was never used
    const cached = await page.evaluate(
      async (urls) => Promise.all(urls.map(async (u) => Boolean(await caches.match(u)))),
      [indexUrl, "/search/", "/ru/search/"],
    );
    expect(cached).toEqual([true, true, true]);
    await context.setOffline(true);
    await page.reload();
    await headerSearchReady(page);
    await page.getByRole("combobox").fill("сыйлық");
    await expect(page.getByRole("option").first()).toContainText(/2\.(?:5|9|10)-тармақ/u, {
      timeout: 15_000,
    });
    await page.goto("/ru/search/?q=взятка");
    await expect(page.locator(".search-results li a").first()).toHaveAttribute(
      "href",
      "/ru/lessons/5/#clause-5-1",
    );
    await context.setOffline(false);
  });

  test("a new service worker drops older builds' caches and refetches the pages they kept", async ({
    page,
  }) => {
    await page.goto("/");
    await swReady(page);
    const current = await page.evaluate(() => caches.keys());
    expect(current).toEqual([expect.stringMatching(/^adal-[0-9a-f]{12}$/u)]);
    await page.evaluate(async () => {
      const old = await caches.open("adal-0123456789ab");
      await old.put("/_astro/Old.0ld.js", new Response("old"));
      await old.put(
        "/lessons/7/",
        new Response("<p>old</p>", { headers: { "Content-Type": "text/html" } }),
      );
    });
    // What an update does: another worker script installs and activates.
    await page.evaluate(async () => {
      await navigator.serviceWorker.register("/sw.js?update=1");
    });
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual(current);
    const state = await page.evaluate(
      async ([name]) => {
        const cache = await caches.open(name ?? "");
        return {
          page: (await (await cache.match("/lessons/7/"))?.text()) ?? "",
          old: Boolean(await caches.match("/_astro/Old.0ld.js")),
        };
      },
      [current[0]],
    );
    expect(state.page).toContain('id="clause-7-1"');
    expect(state.old).toBe(false);
  });

  test("a page whose network answer hangs comes from the cache after the timeout", async ({
    page,
    context,
  }) => {
    await page.goto("/");
    await swReady(page);
    await page.goto("/lessons/6/"); // under the worker's control: kept
    await expect
      .poll(() => page.evaluate(async () => Boolean(await caches.match("/lessons/6/"))))
      .toBe(true);
    let held = 0;
    await context.route("**/lessons/6/", () => {
      held++; // never answered: a connection that hangs
    });
    await page.reload();
    await expect(page.locator("#clause-6-1")).toBeVisible();
    expect(held).toBeGreaterThan(0);
    await context.unrouteAll({ behavior: "ignoreErrors" });
  });
});
