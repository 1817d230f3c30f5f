// Voiding (Data 2.3.2, XAPI-00016..00018) when the voiding statement arrives before its target,
// in one batch or concurrently, on both databases; and what the insert hook is told.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type InsertInfo, StatementStore } from "../../../src/server/lrs/statement-store.ts";
import { prepareStatement } from "../../../src/server/xapi/prepare.ts";
import type { Statement } from "../../../src/server/xapi/types.ts";
import { databases } from "../helpers/databases.ts";
import { ORIGIN, statement, testLrs, xapiHeaders } from "../helpers/lrs.ts";

const VOIDED = "http://adlnet.gov/expapi/verbs/voided";
const voiding = (target: string) =>
  statement({ verb: { id: VOIDED }, object: { objectType: "StatementRef", id: target } });

for (const database of databases) {
  describe(`voiding before the target arrives on ${database.name}`, () => {
    let lrs: Awaited<ReturnType<typeof testLrs>>;
    let all: string;
    beforeAll(async () => {
      lrs = await testLrs(database);
      all = await lrs.basic(["all"]);
    });
    afterAll(async () => lrs.close());

    const post = (body: unknown) =>
      lrs.app.request("/xapi/statements", {
        method: "POST",
        headers: xapiHeaders(all),
        body: JSON.stringify(body),
      });
    const get = (query: string) =>
      lrs.app.request(`/xapi/statements${query}`, { headers: xapiHeaders(all) });
    const visible = async (id: string) => (await get(`?statementId=${id}`)).status === 200;
    const reachableAsVoided = async (id: string) =>
      (await get(`?voidedStatementId=${id}`)).status === 200;

    it("Data 2.3.2 (XAPI-00018): a target stored after its voiding statement is voided on arrival", async () => {
      const target = randomUUID();
      const activity = `${ORIGIN}/xapi/activities/late-${randomUUID()}`;
      const [voider] = await (await post(voiding(target))).json();
      expect((await post(statement({ id: target, object: { id: activity } }))).status).toBe(200);
      expect(await visible(target)).toBe(false);
      expect(await reachableAsVoided(target)).toBe(true);
      // The target's filters find the voiding statement, not the target (2.1.4.s1.b1, b2).
      const listed = await (await get(`?activity=${encodeURIComponent(activity)}`)).json();
      expect(listed.statements.map((s: { id: string }) => s.id)).toEqual([voider]);
      // A resend of the target changes nothing.
      expect((await post(statement({ id: target, object: { id: activity } }))).status).toBe(200);
      expect(await visible(target)).toBe(false);
    });

    it("Data 2.3.2: voiding statement and target in one batch, in either order", async () => {
      const [a, b] = [randomUUID(), randomUUID()];
      expect((await post([voiding(a), statement({ id: a })])).status).toBe(200);
      expect((await post([statement({ id: b }), voiding(b)])).status).toBe(200);
      for (const id of [a, b]) {
        expect(await visible(id)).toBe(false);
        expect(await reachableAsVoided(id)).toBe(true);
      }
    });

    it("Data 2.3.2 (XAPI-00016): a voiding statement arriving after one that voids it is not voided (it cannot be)", async () => {
      const late = randomUUID();
      expect((await post(voiding(late))).status).toBe(200);
      expect((await post({ ...voiding(randomUUID()), id: late })).status).toBe(200);
      expect(await visible(late)).toBe(true);
    });

    it("Data 2.3.2: racing pairs of (voiding statement, target) all end with the target voided", async () => {
      const targets = Array.from({ length: 8 }, () => randomUUID());
      const responses = await Promise.all(
        targets.flatMap((id) => [post(voiding(id)), post(statement({ id }))]),
      );
      expect(responses.map((r) => r.status)).toEqual(responses.map(() => 200));
      for (const id of targets) {
        expect(await visible(id)).toBe(false);
        expect(await reachableAsVoided(id)).toBe(true);
      }
    });

    it("the insert hook gets a statement voided on arrival in info.voidedOnArrival, not in stored", async () => {
      const seen: { stored: string[]; voided: string[] }[] = [];
      const store = new StatementStore(lrs.db.sql, async (_tx, stored, info?: InsertInfo) => {
        seen.push({
          stored: stored.map((s) => s.id ?? ""),
          voided: (info?.voidedOnArrival ?? []).map((s) => s.id ?? ""),
        });
      });
      const prepared = (raw: object) =>
        prepareStatement(raw as Statement, {
          stored: new Date().toISOString(),
          authority: { objectType: "Agent", mbox: "mailto:tool@police.kz" },
          version: "1.0.3",
        });
      const target = randomUUID();
      const voider = prepared(voiding(target));
      await store.insert([voider]);
      const other = prepared(statement());
      await store.insert([prepared(statement({ id: target })), other]);
      expect(seen).toEqual([
        { stored: [voider.id], voided: [] },
        { stored: [other.id], voided: [target] },
      ]);
    });
  });
}
