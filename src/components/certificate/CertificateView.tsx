import { useEffect, useState } from "preact/hooks";
import { longDate } from "../../lib/format/long-date.ts";
import { ApiFailure, callApi } from "../account/api.ts";

interface Certificate {
  code: string;
  kind: "exam" | "course";
  fullName: string;
  issuedAt: string;
  validUntil: string | null;
  valid: boolean;
}

export type CertificateStrings = Record<
  | "examTitle"
  | "courseTitle"
  | "awardedTo"
  | "examWhat"
  | "courseWhat"
  | "examEvidence"
  | "courseEvidence"
  | "issued"
  | "validUntil"
  | "code"
  | "verifyAt"
  | "genuine"
  | "expired"
  | "notFound"
  | "enterCode"
  | "check"
  | "print"
  | "pdf",
  string
>;

interface Props {
  strings: CertificateStrings;
  /** "certificate": printable document; "verify": a check anyone can run. */
  mode: "certificate" | "verify";
}

function codeFromUrl(): string {
  const query = new URLSearchParams(location.search).get("code");
  const path = /\/verify\/([A-Za-z0-9-]+)\/?$/u.exec(location.pathname)?.[1];
  return (query ?? path ?? "").toUpperCase();
}

export default function CertificateView({ strings, mode }: Props) {
  // Empty while rendered at build time; the code is read from the URL in the browser.
  const [code, setCode] = useState("");
  const [state, setState] = useState<{ certificate?: Certificate; missing?: boolean }>({});
  const day = (iso: string) => longDate(new Date(iso), document.documentElement.lang);

  useEffect(() => setCode(codeFromUrl()), []);

  useEffect(() => {
    if (!code) return;
    callApi<Certificate>(`/certificates/${encodeURIComponent(code)}`)
      .then((certificate) => setState({ certificate }))
      .catch((e) => setState({ missing: e instanceof ApiFailure && e.status === 404 }));
  }, [code]);

  const form = (
    <form method="get" class="stack-form">
      <label for="code">{strings.enterCode}</label>
      <input
        id="code"
        name="code"
        defaultValue={code}
        pattern="[Aa][Dd][Aa][Ll](-[A-Za-z0-9]{4}){3}"
        required
      />
      <button type="submit" class="button">
        {strings.check}
      </button>
    </form>
  );
  if (!code) return form;
  if (state.missing)
    return (
      <div>
        {form}
        <p role="alert">{strings.notFound}</p>
      </div>
    );
  const c = state.certificate;
  if (!c) return <p aria-busy="true">…</p>;

  const verifyUrl = `${location.origin}/verify/${c.code}`;
  return (
    <article class={`certificate ${mode}`}>
      {mode === "verify" && (
        <p class={c.valid ? "verdict ok" : "verdict expired"} role="status">
          {c.valid ? strings.genuine : strings.expired}
        </p>
      )}
      <h2>{c.kind === "exam" ? strings.examTitle : strings.courseTitle}</h2>
      <p>{strings.awardedTo}</p>
      <p class="certificate-name">{c.fullName}</p>
      <p>{c.kind === "exam" ? strings.examWhat : strings.courseWhat}</p>
      {/* Who vouches for the result: the server (exam) or the learner's device (course). */}
      <p class="certificate-evidence">
        {c.kind === "exam" ? strings.examEvidence : strings.courseEvidence}
      </p>
      <dl>
        <dt>{strings.issued}</dt>
        <dd>{day(c.issuedAt)}</dd>
        {c.validUntil && <dt>{strings.validUntil}</dt>}
        {c.validUntil && <dd>{day(c.validUntil)}</dd>}
        <dt>{strings.code}</dt>
        <dd>
          <code>{c.code}</code>
        </dd>
      </dl>
      <p class="certificate-verify">
        {strings.verifyAt} <a href={verifyUrl}>{verifyUrl}</a>
      </p>
      {mode === "certificate" && (
        <p class="no-print">
          <button type="button" class="button" onClick={() => window.print()}>
            {strings.print}
          </button>
          <a
            class="button"
            href={`/api/certificates/${encodeURIComponent(c.code)}/pdf?lang=${document.documentElement.lang === "ru" ? "ru" : "kk"}`}
            download
          >
            {strings.pdf}
          </a>
        </p>
      )}
    </article>
  );
}
