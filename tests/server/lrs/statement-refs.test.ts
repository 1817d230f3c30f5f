// Filter conditions for StatementRefs (Communication 2.1.3.s3, 2.1.4.s1.b2) on both databases:
// a statement targeting another is found by every non-time filter that finds its target,
// recursively, whether it was stored before or after its target, in one batch or concurrently;
// time filters still apply to the targeting statement itself.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases } from "../helpers/databases.ts";
import { ORIGIN, statement, testLrs, xapiHeaders } from "../helpers/lrs.ts";

const PASSED = "http://adlnet.gov/expapi/verbs/passed";
const CONFIRMED = "https://adal.test/xapi/verbs/confirmed";
const VOIDED = "http://adlnet.gov/expapi/verbs/voided";

for (const database of databases) {
  describe(`StatementRef filters on ${database.name}`, () => {
    let lrs: Awaited<ReturnType<typeof testLrs>>;
    let all: string;
    beforeAll(async () => {
      lrs = await testLrs(database);
      all = await lrs.basic(["all"]);
    });
    afterAll(async () => lrs.close());

    const post = async (body: unknown) => {
      const response = await lrs.app.request("/xapi/statements", {
        method: "POST",
        headers: xapiHeaders(all),
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(200);
      return (await response.json()) as string[];
    };
    const found = async (query: Record<string, string>) => {
      const params = new URLSearchParams({ ...query, limit: "50" });
      const response = await lrs.app.request(`/xapi/statements?${params}`, {
        headers: xapiHeaders(all),
      });
      expect(response.status).toBe(200);
      return ((await response.json()).statements as { id: string }[]).map((s) => s.id).sort();
    };
    /** "Ben passed explosives training" with an instructor and a parent, all new each time. */
    const scene = () => {
      const ben = { mbox: `mailto:ben-${randomUUID()}@police.kz` };
      const instructor = { mbox: `mailto:i-${randomUUID()}@police.kz` };
      const training = `${ORIGIN}/xapi/activities/explosives-${randomUUID()}`;
      const course = `${ORIGIN}/xapi/activities/course-${randomUUID()}`;
      const registration = randomUUID();
      const verb = `${PASSED}?${randomUUID()}`;
      const id = randomUUID();
      const target = statement({
        id,
        actor: ben,
        verb: { id: verb },
        object: { id: training },
        context: { registration, instructor, contextActivities: { parent: [{ id: course }] } },
      });
      const filters = {
        verb: { verb },
        registration: { registration },
        activity: { activity: training },
        agent: { agent: JSON.stringify(ben) },
        relatedAgent: { agent: JSON.stringify(instructor), related_agents: "true" },
        relatedActivity: { activity: course, related_activities: "true" },
      };
      return { target, id, ben, filters };
    };
    const confirms = (target: string, actor = { mbox: "mailto:andrew@police.kz" }) => ({
      ...statement({
        actor,
        verb: { id: CONFIRMED },
        object: { objectType: "StatementRef", id: target },
      }),
      id: randomUUID(),
    });
    const expectFoundByAll = async (
      filters: ReturnType<typeof scene>["filters"],
      ids: string[],
    ) => {
      for (const [name, query] of Object.entries(filters))
        expect(await found(query), name).toEqual([...ids].sort());
    };

    it("Communication 2.1.3.s3: a statement targeting another is found by its target's verb, registration, activity and agent filters (related_* too), recursively", async () => {
      const { target, id, filters } = scene();
      await post(target);
      const b = confirms(id);
      const c = confirms(b.id);
      await post([b, c]);
      await expectFoundByAll(filters, [id, b.id, c.id]);
      // Its own values still find it, and combine with its target's.
      const andrew = JSON.stringify({ mbox: "mailto:andrew@police.kz" });
      expect(await found({ verb: CONFIRMED, activity: filters.activity.activity })).toEqual(
        [b.id, c.id].sort(),
      );
      expect(await found({ agent: andrew, verb: filters.verb.verb })).toEqual([b.id, c.id].sort());
      expect(await found({ agent: andrew, verb: `${PASSED}?nothing` })).toEqual([]);
    });

    it("Communication 2.1.3.s3: statements stored before their target (alone, as a chain, in one batch) are found once it arrives", async () => {
      const first = scene();
      const early = confirms(first.id);
      await post(early);
      expect(await found(first.filters.verb)).toEqual([]);
      await post(first.target);
      await expectFoundByAll(first.filters, [first.id, early.id]);

      const second = scene();
      const middle = confirms(second.id);
      const top = confirms(middle.id);
      await post(top);
      await post(middle);
      await post(second.target);
      await expectFoundByAll(second.filters, [second.id, middle.id, top.id]);

      const third = scene();
      const one = confirms(third.id);
      const two = confirms(one.id);
      await post([two, one, third.target]);
      await expectFoundByAll(third.filters, [third.id, one.id, two.id]);
    });

    it("Communication 2.1.4.s1.b2: a voiding statement stored before its target is found by the target's filters; the target is not", async () => {
      const { target, id, filters } = scene();
      const [voider] = await post(
        statement({ verb: { id: VOIDED }, object: { objectType: "StatementRef", id } }),
      );
      await post(target);
      await expectFoundByAll(filters, [voider ?? ""]);
    });

    it("Communication 2.1.3.s3: since and until apply to the targeting statement itself", async () => {
      const { target, id, filters } = scene();
      await post(target);
      await new Promise((resolve) => setTimeout(resolve, 5));
      const between = new Date().toISOString();
      await new Promise((resolve) => setTimeout(resolve, 5));
      const b = confirms(id);
      await post(b);
      expect(await found({ ...filters.verb, since: between })).toEqual([b.id]);
      expect(await found({ ...filters.verb, until: between })).toEqual([id]);
    });

    it("Communication 2.1.3.s3: a target and statements targeting it, sent at the same time, always end up found together", async () => {
      const scenes = Array.from({ length: 6 }, () => scene());
      const referrers = scenes.map((s) => confirms(s.id));
      const chained = referrers.map((r) => confirms(r.id));
      await Promise.all(
        scenes.flatMap((s, i) => [post(chained[i]), post(s.target), post(referrers[i])]),
      );
      for (const [i, s] of scenes.entries())
        expect(await found(s.filters.verb)).toEqual(
          [s.id, referrers[i]?.id ?? "", chained[i]?.id ?? ""].sort(),
        );
    });
  });
}
