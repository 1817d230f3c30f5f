// The deadline on the server, with a controllable clock: a short grace for answers already on
// their way, a periodic sweep that grades abandoned attempts (exactly once, however many
// server instances sweep at the same time), and grading that never leaves a closed attempt
// without its xAPI record.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { initializedStatement, resultStatements } from "../../../src/server/exam/statements.ts";
import { databases } from "../helpers/databases.ts";
import { examSetup, ORIGIN, T0, type View } from "./setup.ts";

const LIMIT = 30 * 60_000;
const GRACE = 30_000;

for (const database of databases) {
  describe(`exam deadline on ${database.name}`, () => {
    let t: Awaited<ReturnType<typeof examSetup>>;
    beforeEach(async () => {
      t = await examSetup(database, {
        people: Array.from({ length: 6 }, (_, i) => String(100001 + i)),
      });
    });
    afterEach(async () => t.close());

    const statementsOf = async (registration: string) =>
      (await t.statements.query({ registration, limit: 1000, ascending: true })).statements;
    const verbs = async (registration: string) =>
      (await statementsOf(registration)).map((s) => s.verb.id.split("/").pop());

    async function abandoned(person: string, right: number): Promise<View> {
      const cookie = await t.session(person);
      const view = await t.start(cookie);
      for (const [i, item] of view.items.entries())
        await t.answer(cookie, view, item, i < right ? t.keyOf(item) : t.wrongOf(item));
      return view;
    }

    it("accepts answers and the submission in flight during the grace, keeping the deadline", async () => {
      const cookie = await t.session("100001");
      const view = await t.start(cookie);
      const [first, second] = view.items;
      if (!first || !second) throw new Error("no items");
      t.clock.now = T0 + LIMIT + GRACE / 3;
      expect((await t.answer(cookie, view, first, t.keyOf(first))).status).toBe(204);
      const resumed = (await (await t.call(`/exam/attempts/${view.id}`, cookie)).json()) as View;
      expect(resumed.deadline).toBe(new Date(T0 + LIMIT).toISOString());
      expect(resumed.submitted).toBe(false);
      t.clock.now = T0 + LIMIT + GRACE - 1;
      const submit = await t.call(`/exam/attempts/${view.id}/submit`, cookie, "POST");
      expect(submit.status).toBe(200);
      expect(await submit.json()).toMatchObject({
        correct: 1,
        submittedAt: new Date(T0 + LIMIT).toISOString(),
      });
      // Nothing is accepted after grading.
      expect((await t.answer(cookie, view, second, t.keyOf(second))).status).toBe(409);
    });

    it("refuses an answer arriving after the grace, and the attempt is graded then", async () => {
      const cookie = await t.session("100001");
      const view = await t.start(cookie);
      const first = view.items[0];
      if (!first) throw new Error("no items");
      t.clock.now = T0 + LIMIT + GRACE;
      expect((await t.answer(cookie, view, first, t.keyOf(first))).status).toBe(409);
      expect(await verbs(view.id)).toContain("failed");
    });

    it("grades abandoned attempts in the sweep once deadline and grace are over", async () => {
      const failing = await abandoned("100001", 2);
      const passing = await abandoned("100002", 12);
      t.clock.now = T0 + LIMIT + GRACE - 1;
      expect(await t.exam.sweep()).toBe(0);
      expect(await verbs(failing.id)).toEqual(["initialized"]);
      t.clock.now = T0 + LIMIT + GRACE;
      expect(await t.exam.sweep()).toBe(2);
      expect(await t.exam.sweep()).toBe(0);
      const failed = await verbs(failing.id);
      expect(failed.filter((v) => v === "answered")).toHaveLength(12);
      expect(failed.slice(-3)).toEqual(["failed", "completed", "terminated"]);
      expect((await statementsOf(failing.id)).at(-3)?.timestamp).toBe(
        new Date(T0 + LIMIT).toISOString(),
      );
      // Reports see the fail without the learner ever coming back.
      const fails = await t.db.sql.all<{ n: number }>(
        "SELECT COUNT(*) AS n FROM learning_events WHERE registration = ? AND kind = 'exam' AND verb = 'failed'",
        [failing.id],
      );
      expect(Number(fails[0]?.n)).toBe(1);
      const user = await t.accounts.userByNumber("100002");
      const certificates = await t.exams.certificatesOf(user?.id ?? "");
      expect(certificates.map((c) => [c.kind, c.attemptId])).toEqual([["exam", passing.id]]);
    });

    it("grades each attempt exactly once when several instances sweep at once", async () => {
      const views = await Promise.all(
        ["100001", "100002", "100003", "100004", "100005", "100006"].map((p, i) =>
          abandoned(p, i % 2 === 0 ? 12 : 3),
        ),
      );
      t.clock.now = T0 + LIMIT + GRACE;
      const instances = [t.service(), t.service(), t.service()];
      const graded = await Promise.all(instances.map((s) => s.sweep()));
      expect(graded.reduce((a, b) => a + b, 0)).toBe(6);
      for (const view of views) {
        const record = await verbs(view.id);
        expect(record).toHaveLength(1 + 12 + 3);
        expect(record.filter((v) => v === "passed" || v === "failed")).toHaveLength(1);
      }
      const certificates = await t.db.sql.all<{ n: number }>(
        "SELECT COUNT(*) AS n FROM certificates WHERE kind = 'exam'",
      );
      expect(Number(certificates[0]?.n)).toBe(3);
    });

    it("never leaves a closed attempt without its record: a failed write keeps it open for the next sweep", async () => {
      const view = await abandoned("100001", 12);
      t.clock.now = T0 + LIMIT + GRACE;
      let calls = 0;
      const flaky = t.service(async (tx, statements) => {
        calls += 1;
        await t.recorder(tx, statements.slice(0, 3)); // half the record is written…
        throw new Error("the LRS store failed mid-way"); // …then the write fails
      });
      const errors: unknown[] = [];
      const log = console.error;
      console.error = (...args: unknown[]) => errors.push(args);
      try {
        expect(await flaky.sweep()).toBe(0);
      } finally {
        console.error = log;
      }
      expect(calls).toBe(1);
      expect(errors).toHaveLength(1);
      // Rolled back as a whole: still open, no result, no partial statements, no certificate.
      const stored = await t.exams.get(view.id);
      expect(stored?.submittedAt).toBeNull();
      expect(stored?.result).toBeNull();
      expect(await verbs(view.id)).toEqual(["initialized"]);
      expect(await t.exams.certificatesOf(stored?.learnerId ?? "")).toEqual([]);
      // The next sweep (a healthy instance) completes it.
      expect(await t.exam.sweep()).toBe(1);
      expect(await verbs(view.id)).toHaveLength(16);
    });

    it("derives statement ids from the attempt, so writing the record again stores nothing new", async () => {
      const view = await abandoned("100001", 12);
      t.clock.now = T0 + LIMIT + GRACE;
      await t.exam.sweep();
      const stored = await t.exams.get(view.id);
      if (!stored?.result) throw new Error("not graded");
      const actor = {
        objectType: "Agent",
        account: { homePage: ORIGIN, name: "100001" },
        name: "Қызметкер 100001",
      };
      const ctx = { origin: ORIGIN, actor, attempt: stored };
      const again = [
        initializedStatement(ctx),
        ...resultStatements(ctx, stored.result, T0 + LIMIT, 0.8),
      ];
      expect(again.map((s) => s.id).sort()).toEqual(
        (await statementsOf(view.id)).map((s) => s.id).sort(),
      );
      await t.db.sql.transaction((tx) => t.recorder(tx, again));
      expect(await statementsOf(view.id)).toHaveLength(16);
    });
  });
}
