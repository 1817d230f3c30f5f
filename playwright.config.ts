import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 4400);
/** Demo password of the throw-away database the browser tests run against. */
export const E2E_PASSWORD = "E2e-Demo-Password-1";

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-quic",
        "--no-first-run",
        "--disable-sync",
      ],
    },
  },
  // The whole platform (site, LRS, API) on a fresh embedded database, as `npm start` runs it.
  webServer: {
    command: "node scripts/start.ts",
    url: `http://127.0.0.1:${port}/xapi/about`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      ADAL_ORIGIN: `http://127.0.0.1:${port}`,
      // Playwright passes the parent environment through; CI's DATABASE_URL is for the vitest suites.
      DATABASE_URL: "",
      ADAL_DB: join(tmpdir(), `adal-e2e-${process.pid}-${Date.now()}.sqlite`),
      ADAL_DEMO_PASSWORD: E2E_PASSWORD,
      // The tests make their own history and count on it: no synthetic learners.
      ADAL_DEMO_HISTORY: "0",
      // A fixed 20-item pool, so the exam test knows what an attempt holds.
      ADAL_QUIZ_DIR: "tests/fixtures/quizzes",
    },
  },
});
