// A small known history whose report figures are computed by hand in reports.test.ts.
import { randomUUID } from "node:crypto";

export const ORIGIN = "https://adal.test";
export const NOW = new Date("2026-11-25T12:00:00Z");
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

function statement(
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
    ...extra,
  };
}

const CLAUSES: Record<string, string> = { "x02-i1": "2.13", "x03-i2": "3.2", "x04-i3": "4.1" };

function attempt(
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
      ...(clause ? { extensions: { "https://adal.kz/xapi/extensions/clauses": [clause] } } : {}),
    },
  });
  return [
    ...answers.map(([item, success, response]) =>
      statement(person, "answered", `exam/item/${item}`, at, {
        result: { success, response },
        ...context(CLAUSES[item]),
      }),
    ),
    statement(person, passed ? "passed" : "failed", "exam/annual-refresher", at, {
      result: { success: passed, score: { scaled }, duration: "PT12M30S" },
      ...context(),
    }),
  ];
}

export function history() {
  const lessons = (person: string, sections: number[], days: number) =>
    sections.flatMap((n) => [
      statement(person, "experienced", `lesson/${n}`, ago(days)),
      statement(person, "completed", `lesson/${n}`, ago(days)),
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
        ["x03-i2", false, "c"],
        ["x04-i3", true, "c"],
      ],
      false,
      1 / 3,
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
    statement("L1", "answered", "quiz-item/p02-gift", ago(41), {
      result: { success: false, response: "a" },
      context: { extensions: { "https://adal.kz/xapi/extensions/clauses": ["2.13"] } },
    }),
    statement("L2", "answered", "quiz-item/p02-gift", ago(3), {
      result: { success: true, response: "b" },
      context: { extensions: { "https://adal.kz/xapi/extensions/clauses": ["2.13"] } },
    }),
    // Not ours: another platform's account and a foreign activity are ignored.
    {
      ...statement("L1", "completed", "lesson/5", ago(1)),
      actor: { account: { homePage: "https://other", name: "L1" } },
    },
  ];
}
