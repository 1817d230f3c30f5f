import { describe, expect, it } from "vitest";
import { LRS_JSON_LIMIT_BYTES } from "../../../src/lib/tracking/limits.ts";
import { admit, countOutbox, sendable } from "../../../src/lib/tracking/queue.ts";

const A = { endpoint: "https://adal.kz/xapi/", actorKey: "account:https://adal.kz|100001" };
const B = { endpoint: "https://adal.kz/xapi/", actorKey: "account:https://adal.kz|100002" };
const other = { endpoint: "https://lrs.example.kz/xapi/", actorKey: A.actorKey };

const entry = (id: string, owner: typeof A, queuedAt: number, problem = false) => ({
  id,
  ...owner,
  queuedAt,
  ...(problem ? { problem: { status: 403, message: "no", at: 0 } } : {}),
});

describe("sendable", () => {
  const entries = [
    entry("a2", A, 2),
    entry("b1", B, 1),
    entry("a1", A, 1, true),
    entry("a3", A, 3),
    entry("x1", other, 0),
  ];

  it("gives a learner only their own items for this LRS, refused ones last", () => {
    expect(sendable(entries, A).map((e) => e.id)).toEqual(["a2", "a3", "a1"]);
    expect(sendable(entries, B).map((e) => e.id)).toEqual(["b1"]);
  });

  it("sends nothing when nobody is known", () => {
    expect(sendable(entries, null)).toEqual([]);
  });

  it("counts mine, refused, others and the expired learner's", () => {
    expect(countOutbox(entries, A)).toEqual({ mine: 3, refusedMine: 1, others: 2, of: 0 });
    expect(countOutbox(entries, null, A.actorKey)).toEqual({
      mine: 0,
      refusedMine: 0,
      others: 5,
      of: 4,
    });
  });
});

describe("admit", () => {
  const actor = { account: { homePage: "https://adal.kz", name: "100001" } };
  const statement = (padding: number) => ({
    id: `s${padding}`,
    actor,
    verb: { id: "http://adlnet.gov/expapi/verbs/answered" },
    result: { response: "x".repeat(padding) },
  });

  it("queues statements keyed by owner, in order, measured in bytes", () => {
    const { queued, refused } = admit([statement(1), statement(2)], A.endpoint, 1000);
    expect(refused).toEqual([]);
    expect(queued.map((q) => [q.id, q.queuedAt, q.endpoint, q.actorKey])).toEqual([
      ["s1", 1000, A.endpoint, A.actorKey],
      ["s2", 1001, A.endpoint, A.actorKey],
    ]);
    expect(queued[0]?.bytes).toBe(JSON.stringify(statement(1)).length);
  });

  it("refuses a statement above the LRS's limit before it is queued, saying why", () => {
    const big = statement(LRS_JSON_LIMIT_BYTES);
    const { queued, refused } = admit([statement(1), big, statement(3)], A.endpoint, 0);
    expect(queued.map((q) => q.id)).toEqual(["s1", "s3"]);
    expect(refused.map((r) => r.id)).toEqual([big.id]);
    expect(refused[0]?.statement).toBe(big); // kept whole, to be saved or sent elsewhere
    expect(refused[0]?.message).toBe(
      `The statement is ${refused[0]?.bytes} bytes; the LRS accepts at most ${LRS_JSON_LIMIT_BYTES}.`,
    );
    expect(refused[0]?.bytes).toBeGreaterThan(LRS_JSON_LIMIT_BYTES);
  });
});
