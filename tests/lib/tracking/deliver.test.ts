// Delivery against a real LRS (Adal's, in process, on a real SQLite database): 413 splits,
// refusals set one statement aside and store the others, 401/403 keep everything.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Deliverable, deliver, type Post } from "../../../src/lib/tracking/deliver.ts";
import { jsonBytes, LRS_JSON_LIMIT_BYTES } from "../../../src/lib/tracking/limits.ts";
import { sqliteDatabase } from "../../server/helpers/databases.ts";
import { ORIGIN, testLrs, xapiHeaders } from "../../server/helpers/lrs.ts";

let lrs: Awaited<ReturnType<typeof testLrs>>;
let writer: string;
let reader: string;
let noWrite: string;

beforeAll(async () => {
  // An LRS whose JSON limit is the outbox's own (Adal's LRS takes 8 MiB by default).
  lrs = await testLrs(sqliteDatabase, { limits: { jsonBytes: LRS_JSON_LIMIT_BYTES } });
  writer = await lrs.basic(["statements/write"]);
  reader = await lrs.basic(["statements/read"]);
  noWrite = await lrs.basic(["state"]);
});
afterAll(() => lrs.close());

function statement(padding = 0, extra: Record<string, unknown> = {}) {
  const id = randomUUID();
  return {
    id,
    actor: { objectType: "Agent", account: { homePage: ORIGIN, name: "100001" } },
    verb: { id: "http://adlnet.gov/expapi/verbs/experienced" },
    object: { objectType: "Activity", id: `${ORIGIN}/xapi/activities/lesson/2` },
    ...(padding > 0
      ? { result: { extensions: { "https://adal.test/padding": "x".repeat(padding) } } }
      : {}),
    ...extra,
  };
}

const queued = (s: { id: string }): Deliverable => ({
  id: s.id,
  statement: s,
  bytes: jsonBytes(s),
});

/** POSTs to the LRS like the browser does, counting requests. */
function poster(auth: string | null) {
  const calls: number[] = [];
  const post: Post = async (statements) => {
    calls.push(statements.length);
    const response = await lrs.app.request("/xapi/statements", {
      method: "POST",
      headers: auth
        ? xapiHeaders(auth)
        : { "X-Experience-API-Version": "1.0.3", "Content-Type": "application/json" },
      body: JSON.stringify(statements),
    });
    const body = (await response.json().catch(() => ({}))) as { message?: string };
    return { status: response.status, message: body.message ?? "" };
  };
  return { post, calls };
}

async function stored(id: string): Promise<boolean> {
  const response = await lrs.app.request(`/xapi/statements?statementId=${id}`, {
    headers: xapiHeaders(reader),
  });
  return response.status === 200;
}

describe("deliver", () => {
  it("splits a batch the LRS refuses as too large (413) and stores every statement", async () => {
    const items = [statement(600_000), statement(600_000), statement()].map(queued);
    const { post, calls } = poster(writer);
    // Packing allowed above the LRS's limit, so the LRS itself answers 413.
    const report = await deliver(items, post, { maxBytes: 4 * LRS_JSON_LIMIT_BYTES });
    // 3 (413) → halves: [a, b] (413) → [a], [b]; then [c].
    expect(calls).toEqual([3, 2, 1, 1, 1]);
    expect(report.stop).toBeNull();
    expect(report.rejected).toEqual([]);
    expect(report.sent.sort()).toEqual(items.map((i) => i.id).sort());
    for (const i of items) expect(await stored(i.id)).toBe(true);
  });

  it("sets aside a single statement above the limit without sending it, and sends the rest", async () => {
    const huge = queued(statement(LRS_JSON_LIMIT_BYTES));
    const small = [queued(statement()), queued(statement())] as const;
    const { post, calls } = poster(writer);
    const report = await deliver([small[0], huge, small[1]], post);
    expect(report.rejected.map((r) => [r.item.id, r.reason])).toEqual([[huge.id, "too-large"]]);
    expect(report.rejected[0]?.message).toContain(String(LRS_JSON_LIMIT_BYTES));
    expect(calls).toEqual([2]);
    expect(report.sent.sort()).toEqual(small.map((s) => s.id).sort());
    expect(await stored(huge.id)).toBe(false);
  });

  it("also sets aside a single statement the LRS itself refuses as too large", async () => {
    const huge = queued(statement(LRS_JSON_LIMIT_BYTES));
    const { post } = poster(writer);
    const report = await deliver([huge], post, { maxBytes: 4 * LRS_JSON_LIMIT_BYTES });
    expect(report.rejected.map((r) => [r.reason, r.status])).toEqual([["too-large", 413]]);
  });

  it("finds the one invalid statement in a batch; the others are stored", async () => {
    const good = [1, 2, 3, 4].map(() => queued(statement()));
    const bad = queued(statement(0, { verb: { id: "not an IRI" } }));
    const { post } = poster(writer);
    const report = await deliver([...good.slice(0, 2), bad, ...good.slice(2)], post);
    expect(report.rejected.map((r) => [r.item.id, r.reason, r.status])).toEqual([
      [bad.id, "refused", 400],
    ]);
    expect(report.rejected[0]?.message).not.toBe("");
    expect(report.sent.sort()).toEqual(good.map((g) => g.id).sort());
    expect(report.stop).toBeNull();
  });

  it("stops on 401 and keeps everything (no statement rejected)", async () => {
    const items = [statement(), statement()].map(queued);
    const { post, calls } = poster(null);
    const report = await deliver(items, post);
    expect(report.stop?.kind).toBe("signin");
    expect(report.sent).toEqual([]);
    expect(report.rejected).toEqual([]);
    expect(calls).toEqual([2]);
  });

  it("stops on a 403 about the credential and keeps everything", async () => {
    const items = [statement(), statement(), statement()].map(queued);
    const { post } = poster(noWrite);
    const report = await deliver(items, post);
    expect(report.stop?.kind).toBe("forbidden");
    expect(report.stop?.message).toMatch(/scope|write/iu);
    expect(report.sent).toEqual([]);
    expect(report.rejected).toEqual([]);
  });

  it("keeps a statement refused on its own with 403 queued, and stores the others", async () => {
    const items = [queued(statement()), queued(statement()), queued(statement())] as const;
    const forbiddenId = items[1].id;
    const { post } = poster(writer);
    const guarded: Post = async (statements) =>
      statements.some((s) => (s as { id: string }).id === forbiddenId)
        ? { status: 403, message: "A learner may only record statements about themselves." }
        : post(statements);
    const report = await deliver(items, guarded);
    expect(report.forbidden.map((f) => f.item.id)).toEqual([forbiddenId]);
    expect(report.rejected).toEqual([]);
    expect(report.sent.sort()).toEqual([items[0].id, items[2].id].sort());
  });

  it("stops at once on password-change-required, splitting nothing", async () => {
    const items = [statement(), statement()].map(queued);
    let calls = 0;
    const report = await deliver(items, async () => {
      calls += 1;
      return { status: 403, message: "password-change-required: Change your password first." };
    });
    expect(report.stop?.kind).toBe("password");
    expect(calls).toBe(1);
    expect(report.forbidden).toEqual([]);
  });

  it("stops on an outage and reports what was stored before it", async () => {
    const first = [statement(), statement()].map(queued);
    const second = [statement()].map(queued);
    const { post } = poster(writer);
    let n = 0;
    const flaky: Post = async (s) => (n++ === 0 ? post(s) : { status: 0, message: "" });
    const report = await deliver([...first, ...second], flaky, { maxCount: 2 });
    expect(report.sent.sort()).toEqual(first.map((i) => i.id).sort());
    expect(report.stop?.kind).toBe("retry");
  });
});
