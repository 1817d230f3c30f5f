import { describe, expect, it } from "vitest";
import { learnerWriteRefusal } from "../../../src/server/platform/learner-rules.ts";

const origin = "https://adal.test";
const me = { homePage: origin, name: "100001" };
const actor = { objectType: "Agent", account: me, name: "Ерлан Сейітов" };
const answered = {
  actor,
  verb: { id: "http://adlnet.gov/expapi/verbs/answered" },
  object: { id: `${origin}/xapi/activities/quiz-item/p02-gift` },
  context: { contextActivities: { parent: [{ id: `${origin}/xapi/activities/quiz/practice/2` }] } },
};

describe("learnerWriteRefusal", () => {
  it("lets a learner record their own practice answers", () => {
    expect(learnerWriteRefusal(answered, me)).toBeNull();
    expect(
      learnerWriteRefusal(
        { ...answered, verb: { id: "http://adlnet.gov/expapi/verbs/completed" } },
        me,
      ),
    ).toBeNull();
  });

  it("refuses statements about someone else or with another identifier", () => {
    expect(
      learnerWriteRefusal(
        { ...answered, actor: { ...actor, account: { homePage: origin, name: "100002" } } },
        me,
      ),
    ).toMatch(/themselves/u);
    expect(
      learnerWriteRefusal(
        {
          ...answered,
          actor: { ...actor, account: { homePage: "https://other", name: "100001" } },
        },
        me,
      ),
    ).toMatch(/themselves/u);
    expect(
      learnerWriteRefusal({ ...answered, actor: { objectType: "Group", account: me } }, me),
    ).toMatch(/themselves/u);
    expect(
      learnerWriteRefusal({ ...answered, actor: { ...actor, mbox: "mailto:x@y.kz" } }, me),
    ).toMatch(/themselves/u);
  });

  it("refuses passed, failed and voiding", () => {
    for (const verb of ["passed", "failed", "voided"]) {
      expect(
        learnerWriteRefusal(
          { ...answered, verb: { id: `http://adlnet.gov/expapi/verbs/${verb}` } },
          me,
        ),
      ).toMatch(/may not record the verb/u);
    }
  });

  it("refuses anything touching the exam, as object, context or inside a sub-statement", () => {
    const exam = `${origin}/xapi/activities/exam/annual-refresher`;
    expect(
      learnerWriteRefusal(
        {
          ...answered,
          verb: { id: "http://adlnet.gov/expapi/verbs/completed" },
          object: { id: exam },
        },
        me,
      ),
    ).toMatch(/exam service/u);
    expect(
      learnerWriteRefusal(
        { ...answered, context: { contextActivities: { parent: { id: exam } } } },
        me,
      ),
    ).toMatch(/exam service/u);
    expect(
      learnerWriteRefusal(
        {
          ...answered,
          object: {
            objectType: "SubStatement",
            actor,
            verb: answered.verb,
            object: { id: `${origin}/xapi/activities/exam/item/x02-a` },
          },
        },
        me,
      ),
    ).toMatch(/exam service/u);
  });

  it("refuses lesson and quiz IRIs that smuggle the exam's path in a query or fragment", () => {
    const completed = { id: "http://adlnet.gov/expapi/verbs/completed" };
    for (const id of [
      `${origin}/xapi/activities/lesson/1?/xapi/activities/exam/annual-refresher`,
      `${origin}/xapi/activities/quiz/x#/xapi/activities/exam/item/x02-service-model-ignored`,
      `${origin}/xapi/activities/lesson/../exam/annual-refresher`,
      `${origin}/xapi/activities/lesson/1?next=%2Fxapi%2Factivities%2Fexam%2Fannual-refresher`,
    ]) {
      expect(learnerWriteRefusal({ ...answered, verb: completed, object: { id } }, me), id).toMatch(
        /exam service/u,
      );
      expect(
        learnerWriteRefusal(
          { ...answered, context: { contextActivities: { parent: [{ id }] } } },
          me,
        ),
        id,
      ).toMatch(/exam service/u);
    }
  });
});
