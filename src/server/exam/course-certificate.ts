// The certificate of completion of the onboarding course: issued once all 11 lessons are read
// to the end, as the LRS recorded it (reporting projection), and only once per person.
import type { User } from "../accounts/store.ts";
import type { Sql } from "../db/sql.ts";
import { ApiError } from "../platform/api.ts";
import { certificateCode } from "./service.ts";
import type { ExamStore } from "./store.ts";

export async function completedLessons(sql: Sql, personnelNumber: string): Promise<number[]> {
  const rows = await sql.all<{ section: number }>(
    "SELECT DISTINCT section FROM learning_events WHERE personnel_number = ? AND kind = 'lesson' AND verb = 'completed' ORDER BY section",
    [personnelNumber],
  );
  return rows.map((r) => Number(r.section));
}

export async function issueCourseCertificate(sql: Sql, exams: ExamStore, user: User, now: Date) {
  const existing = (await exams.certificatesOf(user.id)).find((c) => c.kind === "course");
  if (existing) return existing;
  const done = new Set(await completedLessons(sql, user.personnelNumber));
  const missing = Array.from({ length: 11 }, (_, i) => i + 1).filter((n) => !done.has(n));
  if (missing.length > 0) {
    throw new ApiError(
      409,
      "course-incomplete",
      `Finish every lesson first; still to complete: ${missing.join(", ")}.`,
    );
  }
  const certificate = {
    code: certificateCode(),
    userId: user.id,
    kind: "course" as const,
    issuedAt: now.toISOString(),
    validUntil: null,
    score: null,
    attemptId: null,
  };
  await exams.addCertificate(certificate);
  return certificate;
}
