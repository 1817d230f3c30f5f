// A small known history whose report figures are computed by hand in reports.test.ts.
// Exam statements carry the exam service's authority, as the real exam writes them; the
// statements at the end must all be ignored (other platform, forged exam results, IRIs that
// smuggle the exam's path in a query or fragment).
import { randomUUID } from "node:crypto";
import type { PracticeCatalogue } from "../../../src/server/banks/practice.ts";

export const ORIGIN = "https://adal.test";
export const NOW = new Date("2026-11-25T12:00:00Z");
const DAY = 86_400_000;
export const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

export const EXAM_AUTHORITY = {
  objectType: "Agent",
  account: { homePage: ORIGIN, name: "adal-exam-service" },
};
const PLATFORM = { objectType: "Agent", account: { homePage: ORIGIN, name: "adal-platform" } };
const CLAUSES = "https://adal.kz/xapi/extensions/clauses";

export function statement(
  person: string,
  verb: string,
  path: string,
  at: string,
  extra: Record<string, unknown> = {},
) {
  return {
    id: randomUUID(),
    actor: { objectType: "Agent", account: { homePage: ORIGIN, name: person }, name: person },
    verb: { id: `http://adlnet.gov/expapi/verbs/${verb}` },
    object: { objectType: "Activity", id: `${ORIGIN}/xapi/activities/${path}` },
    timestamp: at,
    stored: at,
    authority: PLATFORM,
    ...extra,
  };
}

/** The practice banks as far as the fixture needs them: the one item it practises. */
export const PRACTICE: PracticeCatalogue = new Map([
  ["p02-gift", { section: 2, clauses: ["2.13"], stem: "Stem of p02-gift" }],
]);

const ITEM_CLAUSES: Record<string, string> = { "x02-i1": "2.13", "x03-i2": "3.2", "x04-i3": "4.1" };

/** One exam attempt as the exam service records it: initialized, answered × 3, verdict. */
export function attempt(
  person: string,
  at: string,
  answers: [string, boolean, string][],
  passed: boolean,
  scaled: number,
) {
  const registration = randomUUID();
  const context = (clause?: string) => ({
    context: {
      registration,
      ...(clause ? { extensions: { [CLAUSES]: [clause] } } : {}),
    },
  });
  const exam = { authority: EXAM_AUTHORITY };
  const started = new Date(Date.parse(at) - 750_000).toISOString();
  return [
    statement(person, "initialized", "exam/annual-refresher", started, { ...context(), ...exam }),
    ...answers.map(([item, success, response]) =>
      statement(person, "answered", `exam/item/${item}`, at, {
        result: { success, response },
        ...context(ITEM_CLAUSES[item]),
        ...exam,
      }),
    ),
    statement(person, passed ? "passed" : "failed", "exam/annual-refresher", at, {
      result: { success: passed, score: { scaled }, duration: "PT12M30S" },
      ...context(),
      ...exam,
    }),
  ];
}

const practice = (
  person: string,
  success: boolean,
  response: string,
  days: number,
  tags = ["2.13"],
) =>
  statement(person, "answered", "quiz-item/p02-gift", ago(days), {
    result: { success, response },
    context: { extensions: { [CLAUSES]: tags } },
  });

/** The statements that must not count, however they are dressed up. */
export function poison() {
  const forged = `${ORIGIN}/xapi/activities/lesson/1?/xapi/activities/exam/annual-refresher`;
  const fragment = `${ORIGIN}/xapi/activities/quiz/x#/xapi/activities/exam/item/x02-i1`;
  return [
    // Another platform's account with the same personnel number.
    {
      ...statement("L1", "completed", "lesson/5", ago(1)),
      actor: { account: { homePage: "https://other", name: "L1" } },
    },
    // A "pass" on an IRI that only mentions the exam in its query.
    { ...statement("L2", "passed", "lesson/1", ago(1)), object: { id: forged } },
    { ...statement("L2", "completed", "lesson/1", ago(1)), object: { id: forged } },
    // An answer whose fragment names an exam item.
    {
      ...statement("L2", "answered", "quiz/x", ago(1), {
        result: { success: false, response: "a" },
        context: { registration: randomUUID(), extensions: { [CLAUSES]: ["2.13"] } },
      }),
      object: { id: fragment },
    },
    // Exam results under anyone's authority but the exam service's.
    statement("L2", "passed", "exam/annual-refresher", ago(1), {
      result: { success: true, score: { scaled: 1 } },
      context: { registration: randomUUID() },
    }),
    statement("L2", "answered", "exam/item/x02-i1", ago(1), {
      result: { success: false, response: "a" },
      context: { registration: randomUUID(), extensions: { [CLAUSES]: ["2.13"] } },
      authority: { objectType: "Agent", account: { homePage: ORIGIN, name: "a-tool-key" } },
    }),
    // A practice answer on an item that no bank has, tagged with a clause of the learner's choice.
    statement("L2", "answered", "quiz-item/p02-invented", ago(1), {
      result: { success: false, response: "a" },
      context: { extensions: { [CLAUSES]: ["2.13"] } },
    }),
    // An exam id practised as if it were a practice item.
    statement("L2", "answered", "quiz-item/x02-i1", ago(1), {
      result: { success: false, response: "a" },
      context: { extensions: { [CLAUSES]: ["2.13"] } },
    }),
  ];
}

export function history() {
  const lessons = (person: string, sections: number[], days: number) =>
    sections.flatMap((n) => [
      statement(person, "experienced", `lesson/${n}`, ago(days)),
      statement(person, "completed", `lesson/${n}`, ago(days), { result: { duration: "PT30S" } }),
    ]);
  return [
    ...lessons("L1", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 40),
    ...lessons("L2", [1, 2], 2),
    statement("L3", "experienced", "lesson/3", ago(20)),
    ...attempt(
      "L1",
      ago(10),
      [
        ["x02-i1", true, "b"],
        ["x03-i2", true, "a"],
        ["x04-i3", true, "c"],
      ],
      true,
      1,
    ),
    ...attempt(
      "L2",
      ago(5),
      [
        ["x02-i1", true, "b"],
        ["x03-i2", false, "b"],
        ["x04-i3", true, "c"],
      ],
      false,
      2 / 3,
    ),
    ...attempt(
      "L3",
      ago(30),
      [
        ["x02-i1", false, "a"],
        ["x03-i2", false, ""],
        ["x04-i3", true, "c"],
      ],
      false,
      1 / 3,
    ),
    // L3's retake after the failure: a second attempt of the cycle.
    ...attempt(
      "L3",
      ago(28),
      [
        ["x02-i1", true, "b"],
        ["x03-i2", false, "c"],
        ["x04-i3", true, "c"],
      ],
      false,
      2 / 3,
    ),
    ...attempt(
      "L4",
      ago(350),
      [
        ["x02-i1", true, "b"],
        ["x03-i2", true, "a"],
        ["x04-i3", false, "a[,]c"],
      ],
      true,
      2 / 3,
    ),
    // Out of scope (unit X): must never show in U's figures.
    ...attempt(
      "L5",
      ago(3),
      [
        ["x02-i1", false, "a"],
        ["x03-i2", false, "b"],
        ["x04-i3", false, "a"],
      ],
      false,
      0,
    ),
    practice("L1", false, "a", 41),
    practice("L1", true, "b", 40), // L1's second answer to the same item
    // Tagged by the learner's device with other clauses: the bank's clause (2.13) counts.
    practice("L2", true, "b", 3, ["9.1", "2.1"]),
    {
      ...statement("L2", "completed", "quiz/practice/2", ago(3), {
        result: { success: true, score: { scaled: 1 }, duration: "PT1M5S" },
      }),
    },
  ];
}
