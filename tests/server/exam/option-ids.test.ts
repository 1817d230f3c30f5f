// The key must not travel in the option ids: an attempt's options get random ids of their own,
// so neither "always the first id" nor "always the same letter" can be learnt from one attempt
// and used in the next, and the xAPI record a learner can read after grading shows only them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPTION_ID } from "../../../src/server/exam/attempt.ts";
import { sqliteDatabase } from "../helpers/databases.ts";
import { examSetup, POOL, type View } from "./setup.ts";

const people = Array.from({ length: 8 }, (_, i) => String(100001 + i));
let t: Awaited<ReturnType<typeof examSetup>>;
const views: View[] = [];
const cookies: string[] = [];

beforeAll(async () => {
  t = await examSetup(sqliteDatabase, { people });
  for (const person of people) {
    const cookie = await t.session(person);
    cookies.push(cookie);
    views.push(await t.start(cookie));
  }
});
afterAll(async () => t.close());

const allIds = (view: View) => view.items.flatMap((i) => i.options.map((o) => o.id));

describe("per-attempt option ids", () => {
  it("are 10 random base32 characters, unique within the attempt, never a bank letter", () => {
    for (const view of views) {
      const ids = allIds(view);
      for (const id of ids) expect(id).toMatch(OPTION_ID);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.some((id) => /^[a-h]$/u.test(id))).toBe(false);
    }
  });

  it("differ between two attempts for the same item, at every position", () => {
    const seen = new Map<string, { attempt: number; ids: string[] }>();
    let shared = 0;
    for (const [n, view] of views.entries()) {
      for (const item of view.items) {
        const ids = item.options.map((o) => o.id);
        const earlier = seen.get(item.id);
        if (earlier) {
          shared += 1;
          for (const id of ids) expect(earlier.ids).not.toContain(id);
        }
        seen.set(item.id, { attempt: n, ids });
      }
    }
    // 8 attempts of 12 items from a pool of 36: many items were drawn more than once.
    expect(shared).toBeGreaterThan(10);
  });

  it("carry no position: ids in the order shown are not sorted, and the key moves", () => {
    const keyPlaces = new Set<number>();
    let sorted = 0;
    let total = 0;
    for (const view of views) {
      for (const item of view.items) {
        const ids = item.options.map((o) => o.id);
        total += 1;
        if (ids.join() === [...ids].sort().join()) sorted += 1;
        keyPlaces.add(ids.indexOf(t.keyOf(item)));
      }
    }
    // Sorted by chance in 1 of 6 three-option items; always sorted would mean ids follow order.
    expect(sorted).toBeLessThan(total / 2);
    expect(keyPlaces).toEqual(new Set([0, 1, 2]));
  });

  it("make the bank's letters useless: answering a, b or c is refused", async () => {
    const view = views[0] as View;
    const item = view.items[0];
    if (!item) throw new Error("no items");
    for (const letter of ["a", "b", "c"]) {
      const response = await t.answer(cookies[0] as string, view, item, letter);
      expect(response.status).toBe(400);
      expect((await response.json()).message).toMatch(/Unknown option/u);
    }
  });

  it("leave fixed-position strategies far below the pass mark", async () => {
    // Every learner answers by one fixed rule; none may pass.
    const strategies: ((item: View["items"][number]) => string)[] = [
      (item) => item.options[0]?.id ?? "",
      (item) => item.options.at(-1)?.id ?? "",
      (item) => [...item.options.map((o) => o.id)].sort()[0] ?? "",
    ];
    const scores: number[] = [];
    for (const [n, view] of views.entries()) {
      const pick = strategies[n % strategies.length] as (typeof strategies)[number];
      for (const item of view.items) await t.answer(cookies[n] as string, view, item, pick(item));
      const result = await (
        await t.call(`/exam/attempts/${view.id}/submit`, cookies[n] as string, "POST")
      ).json();
      scores.push(result.correct);
    }
    // Chance alone gives 4 of 12; the pass mark is 10. Over 8 attempts a fixed rule must not
    // come near it on average.
    expect(scores.reduce((a, b) => a + b, 0) / scores.length).toBeLessThan(8);
    expect(scores.filter((s) => s >= 10).length).toBeLessThan(2);
  });

  it("are all the learner's xAPI record shows: the responses use this attempt's ids", async () => {
    const record = await t.recorded();
    const answered = record.filter((s) => s.verb.id.endsWith("/answered"));
    expect(answered.length).toBe(views.length * 12);
    for (const s of answered) {
      const registration = s.context?.registration;
      const view = views.find((v) => v.id === registration) as View;
      const itemId = String((s.object as { id: string }).id)
        .split("/")
        .pop();
      const item = view.items.find((i) => i.id === itemId);
      const ids = item?.options.map((o) => o.id) ?? [];
      for (const choice of String(s.result?.response).split("[,]")) expect(ids).toContain(choice);
      expect((s.object as { definition?: object }).definition).not.toHaveProperty(
        "correctResponsesPattern",
      );
      expect((s.object as { definition?: object }).definition).not.toHaveProperty("choices");
    }
    expect(POOL.length).toBe(36);
  });
});
