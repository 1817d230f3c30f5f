// The course certificate is earned from the learner's own LRS record: every lesson read to the
// end, and every section's practice quiz completed with a good enough round AND every one of
// its items answered. Lessons alone are not enough (that was how eleven `completed` statements
// posted by hand used to earn it), nor 22 hand-written `completed` statements with any score.
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PRACTICE_SCORE_FOR_COURSE } from "../../../src/lib/progress/course.ts";
import { activityIds } from "../../../src/lib/xapi/activities.ts";
import { lessonStatement } from "../../../src/lib/xapi/lesson.ts";
import { quizCompletedStatement } from "../../../src/lib/xapi/quiz.ts";
import { migrate } from "../../../src/server/db/migrate.ts";
import { examMigrations } from "../../../src/server/exam/schema.ts";
import { ExamStore } from "../../../src/server/exam/store.ts";
import { prepareStatement } from "../../../src/server/xapi/prepare.ts";
import type { Statement } from "../../../src/server/xapi/types.ts";
import { databases, type TestDatabase } from "../helpers/databases.ts";
import { examSetup, ORIGIN, PRACTICE } from "./setup.ts";

let t: Awaited<ReturnType<typeof examSetup>>;

const actor = (number: string) => ({
  objectType: "Agent" as const,
  account: { homePage: ORIGIN, name: number },
});
const sections = Array.from({ length: 11 }, (_, i) => i + 1);
const timestamp = "2026-11-20T10:00:00.000Z";

/** Stores statements as the learner's browser would have sent them through the session. */
async function browserSent(statements: object[]) {
  const authority = {
    objectType: "Agent" as const,
    account: { homePage: ORIGIN, name: "adal-platform" },
  };
  await t.statements.insert(
    statements.map((s) =>
      prepareStatement(s as Statement, { stored: timestamp, authority, version: "1.0.3" }),
    ),
  );
}

const lessons = (number: string, which = sections) =>
  which.map((section) =>
    lessonStatement({
      id: randomUUID(),
      actor: actor(number),
      origin: ORIGIN,
      section,
      title: `${section}-сабақ`,
      verb: "completed",
      timestamp,
    }),
  );
/** A completed round per section, `correct` of 5 right (3 of 5 is the threshold, 60 %). */
const rounds = (number: string, which = sections, correct = 3) =>
  which.map((section) =>
    quizCompletedStatement({
      id: randomUUID(),
      actor: actor(number),
      origin: ORIGIN,
      section,
      correct,
      total: 5,
      durationMs: 60_000,
      timestamp,
    }),
  );
/** The `answered` statement of each practice item of the sections, as the player sends it. */
const answers = (number: string, which = sections, origin = ORIGIN) =>
  which.flatMap((section) =>
    (PRACTICE.get(section) ?? []).map((item) => ({
      id: randomUUID(),
      actor: actor(number),
      verb: { id: "http://adlnet.gov/expapi/verbs/answered" },
      object: { objectType: "Activity", id: activityIds.quizItem(origin, item) },
      result: { response: "a", success: true },
      timestamp,
    })),
  );
const quizzes = (number: string, which = sections) => [
  ...rounds(number, which),
  ...answers(number, which),
];
const QUIZ_RULE = "(every question answered, a round of at least 60 %)";

for (const database of databases)
  describe(`the course certificate on ${database.name}`, () => tests(database));

function tests(database: TestDatabase) {
  beforeEach(async () => {
    t = await examSetup(database);
  });
  afterEach(async () => t.close());

  it("is refused with eleven completed lessons and no practice quizzes", async () => {
    await browserSent(lessons("100001"));
    const cookie = await t.session("100001");
    const refused = await t.call("/certificates/course", cookie, "POST");
    expect(refused.status).toBe(409);
    expect((await refused.json()).message).toBe(
      `Finish the whole course first; still to complete: the practice quizzes of sections 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 ${QUIZ_RULE}.`,
    );
  });

  it("names what is missing, lessons and quizzes, and ignores other people's and other sites' records", async () => {
    await browserSent([
      ...lessons("100001", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
      ...quizzes("100001", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
      ...lessons("100002"),
      ...quizzes("100002"),
      {
        ...rounds("100001", [11])[0],
        object: {
          objectType: "Activity",
          id: "https://elsewhere.example/xapi/activities/quiz/practice/11",
        },
      },
    ]);
    const cookie = await t.session("100001");
    const refused = await t.call("/certificates/course", cookie, "POST");
    expect((await refused.json()).message).toBe(
      `Finish the whole course first; still to complete: lesson 11; the practice quiz of section 11 ${QUIZ_RULE}.`,
    );
  });

  it("is refused for hand-written rounds without an answer to every item", async () => {
    // The forgery of the audit: 22 `completed` statements, any score, no answers.
    await browserSent([...lessons("100001"), ...rounds("100001", sections, 5)]);
    const cookie = await t.session("100001");
    const forged = await t.call("/certificates/course", cookie, "POST");
    expect(forged.status).toBe(409);
    expect((await forged.json()).error).toBe("course-incomplete");
    // Answers to every item, except section 4's given on another site and one of section 5's;
    // another learner's answers do not count either.
    await browserSent([
      ...answers("100001", [1, 2, 3, 6, 7, 8, 9, 10, 11]),
      ...answers("100001", [4], "https://elsewhere.example"),
      ...answers("100001", [5]).slice(1),
      ...answers("100002", [4, 5]),
    ]);
    const refused = await t.call("/certificates/course", cookie, "POST");
    expect((await refused.json()).message).toBe(
      `Finish the whole course first; still to complete: the practice quizzes of sections 4, 5 ${QUIZ_RULE}.`,
    );
    await browserSent(answers("100001", [4, 5]));
    expect((await t.call("/certificates/course", cookie, "POST")).status).toBe(200);
  });

  it(`is refused while a quiz's best round is below ${PRACTICE_SCORE_FOR_COURSE * 100} %`, async () => {
    const others = sections.filter((s) => s !== 6);
    await browserSent([
      ...lessons("100002"),
      ...answers("100002"),
      ...rounds("100002", others, 3),
      ...rounds("100002", [6], 2),
    ]);
    const cookie = await t.session("100002");
    const low = await t.call("/certificates/course", cookie, "POST");
    expect((await low.json()).message).toBe(
      `Finish the whole course first; still to complete: the practice quiz of section 6 ${QUIZ_RULE}.`,
    );
    await browserSent(rounds("100002", [6], 3));
    expect((await t.call("/certificates/course", cookie, "POST")).status).toBe(200);
  });

  it("is issued once every lesson and practice quiz is completed, and only once", async () => {
    await browserSent([...lessons("100001"), ...quizzes("100001")]);
    const cookie = await t.session("100001");
    const issued = await t.call("/certificates/course", cookie, "POST");
    expect(issued.status).toBe(200);
    const { code } = await issued.json();
    const again = await (await t.call("/certificates/course", cookie, "POST")).json();
    expect(again.code).toBe(code);
    const verify = await (await t.api.request(`/certificates/${code}`)).json();
    expect(verify).toMatchObject({ kind: "course", fullName: "Қызметкер 100001", valid: true });
  });

  it("is issued once under concurrent requests: one code for all of them", async () => {
    await browserSent([...lessons("100001"), ...quizzes("100001")]);
    const cookie = await t.session("100001");
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => t.call("/certificates/course", cookie, "POST")),
    );
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const codes = new Set(await Promise.all(answers.map(async (r) => (await r.json()).code)));
    expect(codes.size).toBe(1);
    const rows = await t.db.sql.all("SELECT code FROM certificates WHERE kind = 'course'");
    expect(rows).toHaveLength(1);
  });

  it("migration 4 keeps duplicates issued before verifiable and the earliest as the one", async () => {
    const { sql, close } = await database.open();
    try {
      await migrate(sql, "exam", examMigrations.slice(0, 3));
      for (const [code, at] of [
        ["ADAL-BBBB-BBBB-BBBB", "2026-01-01T10:00:00.000Z"],
        ["ADAL-AAAA-AAAA-AAAA", "2026-01-01T10:00:00.500Z"],
        ["ADAL-CCCC-CCCC-CCCC", "2026-01-01T10:00:00.000Z"],
      ] as const)
        await sql.run(
          "INSERT INTO certificates (code, user_id, kind, issued_at) VALUES (?, 'u1', 'course', ?)",
          [code, at],
        );
      await migrate(sql, "exam", examMigrations);
      const store = new ExamStore(sql);
      expect((await store.courseCertificate("u1"))?.code).toBe("ADAL-BBBB-BBBB-BBBB");
      expect((await store.certificate("ADAL-AAAA-AAAA-AAAA"))?.kind).toBe("course");
      const again = await store.addCourseCertificate({
        code: "ADAL-DDDD-DDDD-DDDD",
        userId: "u1",
        kind: "course",
        issuedAt: "2026-02-01T10:00:00.000Z",
        validUntil: null,
        score: null,
        attemptId: null,
      });
      expect(again.code).toBe("ADAL-BBBB-BBBB-BBBB");
    } finally {
      await close();
    }
  });
}
