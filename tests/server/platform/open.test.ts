// The whole platform as `npm start` assembles it (openPlatform), on an embedded database file:
// the periodic sweep grades an abandoned attempt without anyone asking, stops with the server,
// and a configured signing key signs the exam result so that any LRS client can verify it.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { readConfig } from "../../../src/server/config.ts";
import { openPlatform, type Platform } from "../../../src/server/platform/open.ts";
import { parseMultipartMixed } from "../../../src/server/xapi/multipart.ts";
import { SIGNATURE_USAGE, verifySignedStatements } from "../../../src/server/xapi/signature.ts";
import type { Statement } from "../../../src/server/xapi/types.ts";
import { TEST_COST, testHash } from "../helpers/accounts.ts";

const fixtures = "tests/server/xapi/fixtures";
const password = "Bastapqy-Pass-1";
let now: number;
let platform: Platform;
let file: string;

function config(extra: Record<string, string> = {}) {
  return readConfig({
    ADAL_DB: file,
    ADAL_QUIZ_DIR: "tests/fixtures/quizzes",
    ADAL_STATIC_DIR: mkdtempSync(join(tmpdir(), "adal-site-")),
    ADAL_ORIGIN: "https://adal.test",
    ADAL_SIGNING_KEY: `${fixtures}/signer.key.pem`,
    ADAL_SIGNING_CERT: `${fixtures}/signer.cert.pem`,
    ...extra,
  });
}

async function person(number: string, role: "learner" | "admin" = "learner") {
  if ((await platform.accounts.listUnits()).length === 0)
    await platform.accounts.addUnit({ code: "DP", name: "Департамент", parentCode: null });
  await platform.accounts.createUsers(
    [
      {
        personnelNumber: number,
        fullName: `Қызметкер ${number}`,
        unitCode: "DP",
        role,
        email: null,
        passwordHash: await testHash(password),
        mustChangePassword: false,
      },
    ],
    new Date(now),
  );
  const response = await platform.app.request("/api/session", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ personnelNumber: number, password }),
  });
  return (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

const api = (cookie: string, path: string, method = "GET", body?: unknown) =>
  platform.app.request(`/api${path}`, {
    method,
    headers: { cookie, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

interface View {
  id: string;
  items: { id: string; options: { id: string }[] }[];
}

beforeEach(() => {
  now = Date.UTC(2026, 10, 25, 9, 0);
  file = join(mkdtempSync(join(tmpdir(), "adal-open-")), "adal.sqlite");
});
afterEach(async () => {
  vi.useRealTimers();
  await platform?.close();
});

describe("openPlatform", () => {
  it("sweeps on its interval: an abandoned attempt is graded with nobody asking", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    platform = await openPlatform(config({ ADAL_SWEEP_SECONDS: "60" }), () => new Date(now), {
      passwordCost: TEST_COST,
    });
    const cookie = await person("100001");
    const view = (await (await api(cookie, "/exam/attempts", "POST")).json()) as View;
    now += 31 * 60_000;
    vi.advanceTimersByTime(60_000);
    await platform.close(); // waits for the sweep in progress, then stops the timer
    vi.useRealTimers();
    platform = await openPlatform(config({ ADAL_SWEEP_SECONDS: "0" }), () => new Date(now), {
      passwordCost: TEST_COST,
    });
    const stored = await platform.statements.query({ registration: view.id, limit: 100 });
    const verbs = stored.statements.map((s) => s.verb.id.split("/").pop());
    expect(verbs).toContain("failed");
    expect(verbs.filter((v) => v === "answered")).toHaveLength(20);
  });

  it("signs the result statement (RS256, x5c), and the signature verifies as read from the LRS", async () => {
    platform = await openPlatform(config({ ADAL_SWEEP_SECONDS: "0" }), () => new Date(now), {
      passwordCost: TEST_COST,
    });
    const cookie = await person("100001");
    const view = (await (await api(cookie, "/exam/attempts", "POST")).json()) as View;
    for (const item of view.items)
      await api(cookie, `/exam/attempts/${view.id}/answers/${item.id}`, "PUT", {
        options: [item.options[0]?.id],
      });
    now += 5 * 60_000;
    expect((await api(cookie, `/exam/attempts/${view.id}/submit`, "POST")).status).toBe(200);

    const { credential, secret } = await platform.credentials.create(
      "auditor",
      ["statements/read"],
      new Date(now),
    );
    const auth = `Basic ${Buffer.from(`${credential.key}:${secret}`).toString("base64")}`;
    const response = await platform.app.request(
      `/xapi/statements?registration=${view.id}&attachments=true&limit=100`,
      { headers: { Authorization: auth, "X-Experience-API-Version": "2.0.0" } },
    );
    expect(response.status).toBe(200);
    const { statements, attachments } = parseMultipartMixed(
      new Uint8Array(await response.arrayBuffer()),
      response.headers.get("content-type") ?? "",
    );
    const all = (statements as { statements: Statement[] }).statements;
    const signed = all.filter((s) => s.attachments?.some((a) => a.usageType === SIGNATURE_USAGE));
    expect(signed.map((s) => s.verb.id.split("/").pop())).toEqual([
      expect.stringMatching(/^(passed|failed)$/u),
    ]);
    const [result] = signed as [Statement];
    expect(result.attachments?.[0]).toMatchObject({ contentType: "application/octet-stream" });
    expect(() => verifySignedStatements([result], attachments)).not.toThrow();
    const [header] = Buffer.from(attachments[0]?.body ?? new Uint8Array())
      .toString()
      .split(".");
    expect(JSON.parse(Buffer.from(header ?? "", "base64url").toString())).toMatchObject({
      alg: "RS256",
      x5c: [expect.any(String)],
    });
    // A consumer would notice a changed score.
    const forged = { ...result, result: { ...result.result, score: { scaled: 1 } } };
    expect(() => verifySignedStatements([forged], attachments)).toThrow(/does not match/u);
  });

  it("refuses to start with a signing key that is not the certificate's", async () => {
    const other = mkdtempSync(join(tmpdir(), "adal-key-"));
    const { generateKeyPairSync } = await import("node:crypto");
    const { writeFileSync } = await import("node:fs");
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    writeFileSync(join(other, "key.pem"), privateKey.export({ type: "pkcs8", format: "pem" }));
    await expect(
      openPlatform(config({ ADAL_SIGNING_KEY: join(other, "key.pem") }), () => new Date(now)),
    ).rejects.toThrow(/signing key does not belong to the signing certificate/u);
    await expect(
      openPlatform(config({ ADAL_SIGNING_CERT: join(other, "missing.pem") }), () => new Date(now)),
    ).rejects.toThrow(/cannot read the signing certificate/u);
    platform = await openPlatform(config({ ADAL_SWEEP_SECONDS: "0" }), () => new Date(now), {
      passwordCost: TEST_COST,
    });
  });
});
