// A learner who kept everything the attempt showed (each item's stem and the text behind
// every per-attempt option id, and their own answers) reads all they can afterwards, from the
// exam API and from the LRS with their session, and tries to rebuild keys from it: which of
// their answers were right. They must find nothing per item (the score and the clauses to
// review are the result they are meant to see). Officers and admins still read the per-item
// record of the people they supervise; an officer who sits the exam does not read their own.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { examItemActivityId, examStatementId } from "../../../src/server/exam/statements.ts";
import { databases } from "../helpers/databases.ts";
import { examSetup, ORIGIN, type View } from "./setup.ts";

const ANSWERED = "http://adlnet.gov/expapi/verbs/answered";

for (const database of databases) {
  describe(`exam keys after grading on ${database.name}`, () => {
    let t: Awaited<ReturnType<typeof examSetup>>;
    beforeEach(async () => {
      t = await examSetup(database, {
        people: ["100001", "800001", "900001"],
        roles: { "800001": "officer", "900001": "admin" },
      });
    });
    afterEach(async () => t.close());

    const xapi = (cookie: string, query: string) =>
      t.app.request(`/xapi/${query}`, {
        headers: { Cookie: cookie, "X-Experience-API-Version": "1.0.3" },
      });

    /** Sits an attempt, 7 right and 5 wrong, keeping what the screen showed. */
    async function sit(cookie: string) {
      const view = await t.start(cookie);
      const seen = new Map<string, string>(); // per-attempt option id → option text
      for (const item of view.items) for (const o of item.options) seen.set(o.id, o.text);
      const mine = new Map<string, string>(); // item → the option id I chose
      for (const [i, item] of view.items.entries()) {
        const option = i < 7 ? t.keyOf(item) : t.wrongOf(item);
        mine.set(item.id, option);
        expect((await t.answer(cookie, view, item, option)).status).toBe(204);
      }
      const result = await (
        await t.call(`/exam/attempts/${view.id}/submit`, cookie, "POST")
      ).json();
      expect(result.correct).toBe(7);
      return { view, seen, mine };
    }

    /** Everything the session can read about the attempt afterwards, as one text. */
    async function readable(cookie: string, view: View): Promise<string> {
      const bodies: string[] = [];
      const api = ["/exam", `/exam/attempts/${view.id}`, `/exam/attempts/${view.id}/result`];
      for (const path of api) bodies.push(await (await t.call(path, cookie)).text());
      const me = JSON.stringify({
        objectType: "Agent",
        account: { homePage: ORIGIN, name: "100001" },
      });
      const queries = [
        "statements",
        "statements?format=canonical",
        `statements?registration=${view.id}`,
        `statements?verb=${encodeURIComponent(ANSWERED)}`,
        `statements?agent=${encodeURIComponent(me)}&related_activities=true&limit=1`,
        ...view.items.flatMap((item) => [
          `statements?activity=${encodeURIComponent(examItemActivityId(ORIGIN, item.id))}`,
          `statements?statementId=${examStatementId(view.id, `answered/${item.id}`)}`,
          `activities?activityId=${encodeURIComponent(examItemActivityId(ORIGIN, item.id))}`,
        ]),
      ];
      for (const query of queries) {
        let response = await xapi(cookie, query);
        bodies.push(await response.clone().text());
        // Follow every page.
        for (let more = (await response.json()).more; more; more = (await response.json()).more) {
          response = await xapi(cookie, more.replace("/xapi/", ""));
          bodies.push(await response.clone().text());
        }
      }
      return bodies.join("\n");
    }

    it("leaves a learner nothing to rebuild a key from", async () => {
      const cookie = await t.session("100001");
      const { view, seen, mine } = await sit(cookie);
      const text = await readable(cookie, view);
      // The attack: an option id (which stands for a text only in this attempt) next to a
      // success flag. None of the attempt's option ids is readable any more, so no answer,
      // right or wrong, can be tied to its text.
      const rebuilt = [...seen.keys()].filter((id) => text.includes(id));
      expect(rebuilt).toEqual([]);
      expect(text).not.toMatch(/KEY-TEXT|STEM-|"success":(true|false),"response"/u);
      // Not one per-item statement, by any query, nor by its (derivable) id.
      expect(text).not.toContain('"verb":{"id":"http://adlnet.gov/expapi/verbs/answered"');
      for (const item of view.items) expect(mine.get(item.id)).toBeDefined();
      // What the learner is meant to see is there: score, verdict, clauses to review.
      const after = await (await t.call(`/exam/attempts/${view.id}`, cookie)).json();
      expect(after).toEqual({
        id: view.id,
        submitted: true,
        result: expect.objectContaining({ correct: 7, total: 12, passed: false }),
      });
      expect(after.result.clausesToReview).toHaveLength(5);
    });

    it("keeps the per-item record for officers, admins and reports, but not for one's own attempt", async () => {
      const learner = await t.session("100001");
      const { view } = await sit(learner);
      const officer = await t.session("800001");
      const own = await sit(officer);
      const answered = async (cookie: string, registration: string) =>
        (
          await (
            await xapi(
              cookie,
              `statements?registration=${registration}&verb=${encodeURIComponent(ANSWERED)}`,
            )
          ).json()
        ).statements.length;
      expect(await answered(officer, view.id)).toBe(12);
      expect(await answered(officer, own.view.id)).toBe(0);
      const admin = await t.session("900001");
      expect(await answered(admin, view.id)).toBe(12);
      expect(await answered(admin, own.view.id)).toBe(12);
      // The statements are all in the LRS.
      const stored = await t.statements.query({ registration: view.id, verb: ANSWERED, limit: 50 });
      expect(stored.statements).toHaveLength(12);
    });
  });
}
