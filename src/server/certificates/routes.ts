// /api/certificates/…: the course certificate for a signed-in learner, and for anyone the
// check of a certificate by its code, as data (the /verify page) or as a PDF document.
import type { Hono } from "hono";
import type { AccountStore } from "../accounts/store.ts";
import type { PracticeItems } from "../banks/practice.ts";
import { issueCourseCertificate } from "../exam/course-certificate.ts";
import type { ExamStore } from "../exam/store.ts";
import type { StatementStore } from "../lrs/statement-store.ts";
import { ApiError, type PlatformHelpers } from "../platform/api-helpers.ts";
import { certificatePdf } from "./pdf.ts";

const CODE = /^ADAL(?:-[2-9A-HJ-NP-Z]{4}){3}$/u;

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
  /** The zone a certificate's dates are written in (ADAL_TIMEZONE). */
  timeZone: string;
}) {
  const { exams, accounts, statements, practice, clock, origin, timeZone } = deps;

  async function find(raw: string) {
    const code = raw.toUpperCase();
    const certificate = CODE.test(code) ? await exams.certificate(code) : null;
    if (!certificate) throw new ApiError(404, "not-found", "No certificate has this code.");
    const person = await accounts.userById(certificate.userId);
    return { ...certificate, fullName: person?.fullName ?? "" };
  }

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
      const certificate = await find(c.req.param("code"));
      const now = clock().toISOString();
      return c.json({
        code: certificate.code,
        kind: certificate.kind,
        fullName: certificate.fullName,
        issuedAt: certificate.issuedAt,
        validUntil: certificate.validUntil,
        valid: certificate.validUntil === null || certificate.validUntil > now,
      });
    });

    api.get("/certificates/:code/pdf", async (c) => {
      const lang = c.req.query("lang") ?? "kk";
      if (lang !== "kk" && lang !== "ru")
        throw new ApiError(400, "bad-request", 'lang must be "kk" or "ru".');
      const certificate = await find(c.req.param("code"));
      const pdf = await certificatePdf(
        { ...certificate, verifyUrl: `${origin}/verify/${certificate.code}` },
        lang,
        timeZone,
      );
      return c.body(new Uint8Array(pdf).buffer, 200, {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="adal-${certificate.code}.pdf"`,
        "Cache-Control": "no-store",
      });
    });
  };
}
