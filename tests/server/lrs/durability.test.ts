// A statement the LRS acknowledged survives `kill -9` of the server process (SQLite, WAL).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../../src/server/db/open.ts";
import { CredentialStore } from "../../../src/server/lrs/credentials.ts";
import { migrateAll } from "../../../src/server/platform/open.ts";

const dir = mkdtempSync(join(tmpdir(), "adal-durable-"));
const db = join(dir, "lrs.sqlite");

function start(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["src/server/main.ts"], {
    env: {
      ...process.env,
      // CI exports DATABASE_URL for the PostgreSQL suites; this test is about the SQLite file.
      DATABASE_URL: "",
      PORT: String(port),
      HOST: "127.0.0.1",
      ADAL_DB: db,
      ADAL_STATIC_DIR: join(dir, "none"),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("running at")) resolve(child);
    });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
}

const exited = (child: ChildProcess) => new Promise((resolve) => child.once("exit", resolve));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("durability", () => {
  it("keeps every acknowledged statement after kill -9", async () => {
    const database = await openDatabase({ file: db });
    await migrateAll(database);
    const { credential, secret } = await new CredentialStore(database.sql).create(
      "durability",
      ["all"],
      new Date(),
    );
    await database.close();
    const auth = `Basic ${Buffer.from(`${credential.key}:${secret}`).toString("base64")}`;
    const headers = {
      Authorization: auth,
      "X-Experience-API-Version": "1.0.3",
      "Content-Type": "application/json",
    };
    const port = 20_000 + Math.floor(Math.random() * 20_000);

    const first = await start(port);
    const acknowledged: string[] = [];
    for (let i = 0; i < 40; i++) {
      const response = await fetch(`http://127.0.0.1:${port}/xapi/statements`, {
        method: "POST",
        headers,
        body: JSON.stringify({
          actor: { mbox: "mailto:durable@police.kz" },
          verb: { id: "http://adlnet.gov/expapi/verbs/experienced" },
          object: { id: `https://adal.test/xapi/activities/lesson/${(i % 11) + 1}` },
        }),
      });
      expect(response.status).toBe(200);
      acknowledged.push(...((await response.json()) as string[]));
    }
    const gone = exited(first);
    first.kill("SIGKILL");
    await gone;

    const second = await start(port);
    try {
      for (const id of acknowledged) {
        const response = await fetch(`http://127.0.0.1:${port}/xapi/statements?statementId=${id}`, {
          headers,
        });
        expect(response.status, id).toBe(200);
      }
    } finally {
      const done = exited(second);
      second.kill("SIGKILL");
      await done;
    }
  });
});
