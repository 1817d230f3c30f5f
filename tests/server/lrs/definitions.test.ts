// Canonical activity definitions (Data 2.4.4.1, Communication 2.5 Activities Resource,
// XAPI-00169) and the "define" scope (Communication 4.2: without it "Activity definitions will
// not be updated"), on both databases.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases } from "../helpers/databases.ts";
import { ORIGIN, statement, testLrs, xapiHeaders } from "../helpers/lrs.ts";

for (const database of databases) {
  describe(`activity definitions on ${database.name}`, () => {
    let lrs: Awaited<ReturnType<typeof testLrs>>;
    let all: string;
    beforeAll(async () => {
      lrs = await testLrs(database);
      all = await lrs.basic(["all"]);
    });
    afterAll(async () => lrs.close());

    const post = (body: unknown, auth = all) =>
      lrs.app.request("/xapi/statements", {
        method: "POST",
        headers: xapiHeaders(auth),
        body: JSON.stringify(body),
      });
    const definition = async (id: string) =>
      (
        await (
          await lrs.app.request(`/xapi/activities?activityId=${encodeURIComponent(id)}`, {
            headers: xapiHeaders(all),
          })
        ).json()
      ).definition;
    const newActivity = () => `${ORIGIN}/xapi/activities/quiz-item/p02-${randomUUID()}`;

    it("Data 2.4.4.1: a new definition merges language maps into the canonical one instead of replacing it", async () => {
      const id = newActivity();
      await post(
        statement({
          object: {
            id,
            definition: {
              name: { "kk-KZ": "Сыйлық" },
              description: { "kk-KZ": "Сипаттама" },
              type: "http://adlnet.gov/expapi/activities/cmi.interaction",
              interactionType: "choice",
              choices: [
                { id: "yes", description: { "kk-KZ": "Иә" } },
                { id: "no", description: { "kk-KZ": "Жоқ" } },
              ],
            },
          },
        }),
      );
      await post(
        statement({
          object: {
            id,
            definition: {
              name: { ru: "Подарок" },
              interactionType: "choice",
              choices: [{ id: "yes", description: { ru: "Да" } }, { id: "no" }],
            },
          },
        }),
      );
      expect(await definition(id)).toEqual({
        name: { "kk-KZ": "Сыйлық", ru: "Подарок" },
        description: { "kk-KZ": "Сипаттама" },
        type: "http://adlnet.gov/expapi/activities/cmi.interaction",
        interactionType: "choice",
        choices: [
          { id: "yes", description: { "kk-KZ": "Иә", ru: "Да" } },
          { id: "no", description: { "kk-KZ": "Жоқ" } },
        ],
      });
    });

    it("Communication 2.5: definitions of context activities and of a SubStatement's activities are kept too", async () => {
      const parent = newActivity();
      const inner = newActivity();
      await post(
        statement({
          object: {
            objectType: "SubStatement",
            actor: { mbox: "mailto:sub@police.kz" },
            verb: { id: "http://adlnet.gov/expapi/verbs/answered" },
            object: { id: inner, definition: { name: { "kk-KZ": "Ішкі" } } },
          },
          context: {
            contextActivities: { parent: [{ id: parent, definition: { name: { ru: "Тест" } } }] },
          },
        }),
      );
      expect(await definition(parent)).toEqual({ name: { ru: "Тест" } });
      expect(await definition(inner)).toEqual({ name: { "kk-KZ": "Ішкі" } });
    });

    it("Communication 4.2 scope define: credentials without it store the statement but do not (re)define the activity", async () => {
      const id = newActivity();
      const writer = await lrs.basic(["statements/write"]);
      const definer = await lrs.basic(["statements/write", "define"]);
      expect(
        (await post(statement({ object: { id, definition: { name: { ru: "Чужое" } } } }), writer))
          .status,
      ).toBe(200);
      expect(await definition(id)).toBeUndefined();
      await post(
        statement({ object: { id, definition: { name: { "kk-KZ": "Дұрыс" } } } }),
        definer,
      );
      await post(
        statement({ object: { id, definition: { name: { "kk-KZ": "Қате" }, type: "x:y" } } }),
        writer,
      );
      expect(await definition(id)).toEqual({ name: { "kk-KZ": "Дұрыс" } });
    });

    it("learner sessions have no define scope: a learner's statement cannot redefine an activity", async () => {
      const id = `${ORIGIN}/xapi/activities/lesson/${randomUUID()}`;
      await post(statement({ object: { id, definition: { name: { "kk-KZ": "Сабақ" } } } }));
      const cookie = await lrs.addPerson(`7${Date.now() % 100000}`, "learner");
      const me = (await (await lrs.app.request("/api/me", { headers: { Cookie: cookie } })).json())
        .actor;
      const response = await lrs.app.request("/xapi/statements", {
        method: "POST",
        headers: {
          Cookie: cookie,
          "X-Experience-API-Version": "1.0.3",
          "Content-Type": "application/json",
        },
        body: JSON.stringify(
          statement({ actor: me, object: { id, definition: { name: { "kk-KZ": "Бұзылған" } } } }),
        ),
      });
      expect(response.status).toBe(200);
      expect(await definition(id)).toEqual({ name: { "kk-KZ": "Сабақ" } });
    });
  });
}
