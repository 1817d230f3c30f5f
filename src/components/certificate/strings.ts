import type { translator } from "../../i18n/index.ts";
import type { CertificateStrings } from "./CertificateView.tsx";

export function certificateStrings(t: ReturnType<typeof translator>): CertificateStrings {
  const keys = [
    "examTitle",
    "courseTitle",
    "awardedTo",
    "examWhat",
    "courseWhat",
    "examEvidence",
    "courseEvidence",
    "issued",
    "validUntil",
    "code",
    "verifyAt",
    "genuine",
    "expired",
    "notFound",
    "enterCode",
    "check",
    "print",
    "pdf",
  ] as const;
  return Object.fromEntries(keys.map((k) => [k, t(`certificate.${k}`)])) as CertificateStrings;
}
