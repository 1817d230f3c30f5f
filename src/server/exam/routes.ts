// /api/exam/… for learners (any signed-in person takes the exam) and /api/certificates/<code>
// for anyone who needs to check a certificate. Errors are HttpErrors, answered by the API.
import type { Hono } from "hono";
import { z } from "zod";
import type { AccountStore } from "../accounts/store.ts";
import type { PracticeItems } from "../banks/practice.ts";
import type { StatementStore } from "../lrs/statement-store.ts";
import { ApiError, type PlatformHelpers } from "../platform/api-helpers.ts";
import { issueCourseCertificate } from "./course-certificate.ts";
import type { ExamService } from "./service.ts";
import type { ExamStore } from "./store.ts";

// Option ids are the attempt's own (10 base32 characters); older open attempts used a, b, c.
const answerBody = z.strictObject({
  options: z.array(z.string().regex(/^[A-Za-z0-9]{1,16}$/u)).max(10),
});
const CODE = /^ADAL(?:-[2-9A-HJ-NP-Z]{4}){3}$/u;

export function examRoutes(exam: ExamService) {
  return (api: Hono, { requireUser }: PlatformHelpers) => {
    api.get("/exam", async (c) => c.json(await exam.status(await requireUser(c))));
    api.post("/exam/attempts", async (c) => c.json(await exam.start(await requireUser(c)), 201));
    api.get("/exam/attempts/:id", async (c) =>
      c.json(await exam.view(await requireUser(c), c.req.param("id"))),
    );
    api.put("/exam/attempts/:id/answers/:item", async (c) => {
      const user = await requireUser(c);
      const parsed = answerBody.safeParse(await c.req.json().catch(() => null));
      if (!parsed.success)
        throw new ApiError(
          400,
          "invalid-body",
          'Send {"options": [<option ids of the attempt>]} as JSON.',
        );
      await exam.answer(user, c.req.param("id"), c.req.param("item"), parsed.data.options);
      return c.body(null, 204);
    });
    api.post("/exam/attempts/:id/submit", async (c) =>
      c.json(await exam.submit(await requireUser(c), c.req.param("id"))),
    );
    api.get("/exam/attempts/:id/result", async (c) =>
      c.json(await exam.result(await requireUser(c), c.req.param("id"))),
    );
  };
}

/** Certificates: the course certificate for a signed-in learner, and public verification. */
export function certificateRoutes(deps: {
  exams: ExamStore;
  accounts: AccountStore;
  /** The LRS's statements: the course certificate is earned from the learner's own record. */
  statements: StatementStore;
  /** The practice banks' items per section, or why they could not be read. */
  practice: PracticeItems | { problem: string };
  clock: () => Date;
  origin: string;
}) {
  const { exams, accounts, statements, practice, clock, origin } = deps;
  return (api: Hono, { requireUser }: PlatformHelpers) => {
    api.post("/certificates/course", async (c) => {
      const user = await requireUser(c);
      // Without the banks nobody could be checked for having answered every item.
      if ("problem" in practice)
        throw new ApiError(
          409,
          "course-unavailable",
          `Course certificates are not available: ${practice.problem}`,
        );
      const certificate = await issueCourseCertificate(
        statements,
        exams,
        origin,
        practice,
        user,
        clock(),
      );
      return c.json({ code: certificate.code });
    });

    api.get("/certificates/:code", async (c) => {
      const code = c.req.param("code").toUpperCase();
      const certificate = CODE.test(code) ? await exams.certificate(code) : null;
      if (!certificate) throw new ApiError(404, "not-found", "No certificate has this code.");
      const person = await accounts.userById(certificate.userId);
      const now = clock().toISOString();
      return c.json({
        code: certificate.code,
        kind: certificate.kind,
        fullName: person?.fullName ?? "",
        issuedAt: certificate.issuedAt,
        validUntil: certificate.validUntil,
        valid: certificate.validUntil === null || certificate.validUntil > now,
      });
    });
  };
}
