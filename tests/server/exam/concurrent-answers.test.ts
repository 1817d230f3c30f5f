// Answers saved at the same moment (two tabs, two devices, a burst after a reconnect) are all
// kept: each item's answer is its own row, upserted only while the attempt is open. And the
// answers of attempts open when the database is upgraded survive the move to that table.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrate } from "../../../src/server/db/migrate.ts";
import { examMigrations } from "../../../src/server/exam/schema.ts";
import { ExamStore } from "../../../src/server/exam/store.ts";
import { databases } from "../helpers/databases.ts";
import { examSetup, type View } from "./setup.ts";

for (const database of databases) {
  describe(`concurrent exam answers on ${database.name}`, () => {
    let t: Awaited<ReturnType<typeof examSetup>>;
    beforeEach(async () => {
      t = await examSetup(database);
    });
    afterEach(async () => t.close());

    it("keeps all 12 answers saved at once, and grades every one of them", async () => {
      const cookie = await t.session("100001");
      const view = await t.start(cookie);
      expect(view.items).toHaveLength(12);
      const saves = await Promise.all(
        view.items.map((item) => t.answer(cookie, view, item, t.keyOf(item))),
      );
      expect(saves.map((r) => r.status)).toEqual(view.items.map(() => 204));
      const resumed = (await (await t.call(`/exam/attempts/${view.id}`, cookie)).json()) as View;
      expect(Object.keys(resumed.answers).sort()).toEqual(view.items.map((i) => i.id).sort());
      for (const item of view.items) expect(resumed.answers[item.id]).toEqual([t.keyOf(item)]);
      const result = await (
        await t.call(`/exam/attempts/${view.id}/submit`, cookie, "POST")
      ).json();
      expect(result).toMatchObject({ correct: 12, total: 12 });
    });

    it("keeps the last of two changes of one item and refuses saves after grading", async () => {
      const cookie = await t.session("100001");
      const view = await t.start(cookie);
      const [item] = view.items;
      if (!item) throw new Error("no items");
      await t.answer(cookie, view, item, t.wrongOf(item));
      await t.answer(cookie, view, item, t.keyOf(item));
      const resumed = (await (await t.call(`/exam/attempts/${view.id}`, cookie)).json()) as View;
      expect(resumed.answers[item.id]).toEqual([t.keyOf(item)]);
      const racing = await Promise.all([
        t.call(`/exam/attempts/${view.id}/submit`, cookie, "POST"),
        ...view.items.slice(1).map((i) => t.answer(cookie, view, i, t.keyOf(i))),
      ]);
      const [submitted, ...answers] = racing;
      const result = await submitted?.json();
      // Every answer acknowledged (204) was graded; every other one was refused (409).
      const saved = answers.filter((r) => r.status === 204).length;
      expect(answers.every((r) => r.status === 204 || r.status === 409)).toBe(true);
      expect(result.correct).toBe(1 + saved);
    });
  });

  describe(`exam migration 3 on ${database.name}`, () => {
    it("moves the answers of open attempts into exam_answers", async () => {
      const { sql, close } = await database.open();
      try {
        await migrate(sql, "exam", examMigrations.slice(0, 2));
        const items = JSON.stringify([{ itemId: "x02-a", options: [{ id: "AAAA", bank: "a" }] }]);
        for (const [id, submitted] of [
          ["open-1", null],
          ["done-1", "2026-01-01T10:00:00.000Z"],
        ] as const)
          await sql.run(
            "INSERT INTO exam_attempts (id, user_id, started_at, deadline, items, answers, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
              id,
              `user-${id}`,
              "2026-01-01T09:00:00.000Z",
              "2026-01-01T09:30:00.000Z",
              items,
              JSON.stringify({ "x02-a": ["AAAA"], "x03-b": ["BBBB", "CCCC"] }),
              submitted,
            ],
          );
        expect(await migrate(sql, "exam", examMigrations)).toBe(examMigrations.length - 2);
        const store = new ExamStore(sql);
        const open = await store.get("open-1");
        expect(open?.answers).toEqual({ "x02-a": ["AAAA"], "x03-b": ["BBBB", "CCCC"] });
        expect(await store.saveAnswer("open-1", "x02-a", ["DDDD"])).toBe(true);
        expect((await store.get("open-1"))?.answers["x02-a"]).toEqual(["DDDD"]);
        // An attempt handed in before keeps its answers where they were, and takes no more.
        expect((await store.get("done-1"))?.answers["x03-b"]).toEqual(["BBBB", "CCCC"]);
        expect(await store.saveAnswer("done-1", "x02-a", ["DDDD"])).toBe(false);
      } finally {
        await close();
      }
    });
  });
}
