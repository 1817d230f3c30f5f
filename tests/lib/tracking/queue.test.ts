import { describe, expect, it } from "vitest";
import { countOutbox, sendable } from "../../../src/lib/tracking/queue.ts";

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
