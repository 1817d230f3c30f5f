// The exam through the platform API, with a controllable clock: nothing of the key leaks
// before grading, the deadline is enforced by the server, and nobody reads another's attempt.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sqliteDatabase } from "../helpers/databases.ts";
import { examSetup, T0, type View } from "./setup.ts";

let t: Awaited<ReturnType<typeof examSetup>>;

beforeEach(async () => {
  t = await examSetup(sqliteDatabase);
});
afterEach(async () => t.close());

async function answerAll(cookie: string, view: View, right: (i: number) => boolean) {
  for (const [i, item] of view.items.entries()) {
    const r = await t.answer(cookie, view, item, right(i) ? t.keyOf(item) : t.wrongOf(item));
    expect(r.status).toBe(204);
  }
}

const verbName = (s: { verb: { id: string } }) => s.verb.id.split("/").pop();

describe("exam API", () => {
  it("sends items without keys, feedback or correctness, every option shuffled per attempt", async () => {
    const cookie = await t.session("100001");
    const response = await t.call("/exam/attempts", cookie, "POST");
    const text = await response.text();
    expect(text).not.toMatch(/correct|feedback|explanation|"bank"/u);
    const view = JSON.parse(text) as View;
    expect(view.items).toHaveLength(12);
    expect(new Set(view.items.map((i) => Number(i.id.slice(1, 3)))).size).toBe(9);
    const status = await (await t.call("/exam", cookie)).json();
    expect(status.openAttempt.id).toBe(view.id);
    // Only the initialized statement exists before grading; it carries no item content.
    const before = await t.recorded();
    expect(before.map(verbName)).toEqual(["initialized"]);
    expect(JSON.stringify(before)).not.toMatch(/STEM-|KEY-TEXT/u);
  });

  it("keeps one open attempt per learner and resumes it after a reload", async () => {
    const cookie = await t.session("100001");
    const view = await t.start(cookie);
    expect((await t.call("/exam/attempts", cookie, "POST")).status).toBe(409);
    const first = view.items[0];
    if (!first) throw new Error("no items");
    await t.answer(cookie, view, first, t.wrongOf(first));
    const again = (await (await t.call(`/exam/attempts/${view.id}`, cookie)).json()) as View;
    expect(again.answers).toEqual({ [first.id]: [t.wrongOf(first)] });
    // The same ids come back on resume: the learner's saved answers still mean the same.
    expect(again.items).toEqual(view.items);
  });

  it("does not let a learner read, answer or submit another learner's attempt", async () => {
    const owner = await t.session("100001");
    const other = await t.session("100002");
    const view = await t.start(owner);
    const first = view.items[0];
    if (!first) throw new Error("no items");
    expect((await t.call(`/exam/attempts/${view.id}`, other)).status).toBe(404);
    expect((await t.answer(other, view, first, t.keyOf(first))).status).toBe(404);
    expect((await t.call(`/exam/attempts/${view.id}/submit`, other, "POST")).status).toBe(404);
    expect((await t.call(`/exam/attempts/${view.id}/result`, other)).status).toBe(404);
    expect((await t.call("/exam/attempts", "", "POST")).status).toBe(401);
  });

  it("refuses answers once the deadline and its grace are over, and submits at the deadline", async () => {
    const cookie = await t.session("100001");
    const view = await t.start(cookie);
    await answerAll(cookie, view, () => true);
    t.clock.now += 30 * 60_000 + 30_000;
    const first = view.items[0];
    if (!first) throw new Error("no items");
    const late = await t.answer(cookie, view, first, t.wrongOf(first));
    expect(late.status).toBe(409);
    expect((await late.json()).message).toMatch(/time for this attempt is over/u);
    const submit = await t.call(`/exam/attempts/${view.id}/submit`, cookie, "POST");
    expect(submit.status).toBe(409);
    const result = await (await t.call(`/exam/attempts/${view.id}/result`, cookie)).json();
    expect(result).toMatchObject({
      correct: 12,
      total: 12,
      passed: true,
      submittedAt: new Date(T0 + 30 * 60_000).toISOString(),
    });
  });

  it("auto-submits an abandoned attempt when the learner comes back", async () => {
    const cookie = await t.session("100001");
    const view = await t.start(cookie);
    await answerAll(cookie, view, (i) => i < 3);
    t.clock.now += 2 * 60 * 60_000;
    const back = await t.session("100001"); // two idle hours ended the first session
    const status = await (await t.call("/exam", back)).json();
    expect(status.openAttempt).toBeNull();
    expect(status.lastAttempt).toMatchObject({ id: view.id, passed: false, scaled: 0.25 });
    expect(status.retakeAfter).toBe(new Date(T0 + 30 * 60_000 + 24 * 3600_000).toISOString());
  });

  it("grades on the server, hides the key in the result and records the xAPI result", async () => {
    const cookie = await t.session("100001");
    const view = await t.start(cookie);
    await answerAll(cookie, view, (i) => i !== 0);
    t.clock.now += 10 * 60_000;
    const response = await t.call(`/exam/attempts/${view.id}/submit`, cookie, "POST");
    const text = await response.text();
    expect(text).not.toMatch(/KEY-TEXT/u);
    for (const item of view.items) expect(text).not.toContain(t.keyOf(item));
    const result = JSON.parse(text);
    expect(result).toMatchObject({ correct: 11, total: 12, passed: true });
    expect(result.clausesToReview).toHaveLength(1);

    const record = await t.recorded();
    const verbs = record.map(verbName);
    expect(verbs.filter((v) => v === "answered")).toHaveLength(12);
    expect(verbs.slice(-3)).toEqual(["passed", "completed", "terminated"]);
    const verdict = record.at(-3);
    expect(verdict?.result?.score?.scaled).toBeCloseTo(11 / 12);
    expect(verdict?.result?.duration).toBe("PT10M");
    expect(verdict?.context?.registration).toBe(view.id);
    expect(verdict?.authority).toMatchObject({ account: { name: "adal-exam-service" } });
    // The learner may read these now: no stem, no option text, no key pattern, no choices.
    expect(JSON.stringify(record)).not.toMatch(/STEM-|KEY-TEXT|correctResponsesPattern|choices/u);

    const verify = await t.api.request(`/certificates/${result.certificate.code}`);
    expect(await verify.json()).toMatchObject({
      kind: "exam",
      fullName: "Қызметкер 100001",
      valid: true,
      validUntil: new Date(t.clock.now + 365 * 24 * 3600_000).toISOString(),
    });
    expect((await t.api.request("/certificates/ADAL-2222-2222-2222")).status).toBe(404);
    // The same certificate as a PDF document, for anyone with the code; Kazakh or Russian.
    const pdf = await t.api.request(`/certificates/${result.certificate.code}/pdf?lang=ru`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toContain(`adal-${result.certificate.code}.pdf`);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    expect(
      (await t.api.request(`/certificates/${result.certificate.code}/pdf?lang=en`)).status,
    ).toBe(400);
    expect((await t.api.request("/certificates/ADAL-2222-2222-2222/pdf")).status).toBe(404);
    const status = await (await t.call("/exam", cookie)).json();
    expect(status.nextDue).toBe(new Date(t.clock.now + 365 * 24 * 3600_000).toISOString());
  });

  it("makes a failed learner wait for the cool-down", async () => {
    const cookie = await t.session("100001");
    const view = await t.start(cookie);
    await answerAll(cookie, view, () => false);
    await t.call(`/exam/attempts/${view.id}/submit`, cookie, "POST");
    t.clock.now += 23 * 3600_000;
    const fresh = await t.session("100001"); // the first session has expired meanwhile
    const early = await t.call("/exam/attempts", fresh, "POST");
    expect(early.status).toBe(409);
    expect((await early.json()).message).toMatch(/retake the exam after/u);
    t.clock.now += 3600_000;
    expect((await t.call("/exam/attempts", fresh, "POST")).status).toBe(201);
  });

  it("makes a passed learner wait for the cool-down too", async () => {
    const cookie = await t.session("100001");
    const view = await t.start(cookie);
    await answerAll(cookie, view, () => true);
    const passed = await t.call(`/exam/attempts/${view.id}/submit`, cookie, "POST");
    expect((await passed.json()).passed).toBe(true);
    const status = await (await t.call("/exam", cookie)).json();
    expect(status.retakeAfter).toBe(new Date(t.clock.now + 24 * 3600_000).toISOString());
    const again = await t.call("/exam/attempts", cookie, "POST");
    expect(again.status).toBe(409);
    expect((await again.json()).message).toMatch(/retake the exam after/u);
    t.clock.now += 24 * 3600_000;
    const fresh = await t.session("100001");
    expect((await t.call("/exam/attempts", fresh, "POST")).status).toBe(201);
  });

  it("projects the graded attempt for reports in the same transaction", async () => {
    const cookie = await t.session("100001");
    const view = await t.start(cookie);
    await answerAll(cookie, view, () => true);
    await t.call(`/exam/attempts/${view.id}/submit`, cookie, "POST");
    const rows = await t.db.sql.all<{ n: number }>(
      "SELECT COUNT(*) AS n FROM learning_events WHERE registration = ? AND kind = 'exam-item'",
      [view.id],
    );
    expect(Number(rows[0]?.n)).toBe(12);
    // The server keeps each answer in the bank's ids (a, b, c) for distractor analysis.
    const answers = await t.db.sql.all<{ bank_response: string; success: number }>(
      "SELECT bank_response, success FROM exam_item_answers WHERE attempt_id = ?",
      [view.id],
    );
    expect(answers).toHaveLength(12);
    for (const a of answers) {
      expect(a.bank_response).toMatch(/^[abc]$/u);
      expect(Number(a.success)).toBe(1);
    }
  });
});
