import type { AttemptResultView, ExamStrings } from "./types.ts";

interface Props {
  result: AttemptResultView;
  strings: ExamStrings;
  /** Locale prefix for links: "" or "/ru". */
  prefix: string;
}

/** The verdict and the clauses to study again; the correct options are never shown. */
export function ExamResult({ result, strings, prefix }: Props) {
  const percent = Math.round(result.scaled * 100);
  return (
    <section class={`exam-result ${result.passed ? "passed" : "failed"}`} aria-live="polite">
      <h2>{result.passed ? strings.passed : strings.failed}</h2>
      <p>
        {strings.score}: {result.correct} / {result.total} ({percent} %)
      </p>
      {result.certificate && (
        <p>
          <a
            class="button"
            href={`${prefix}/certificate/?code=${encodeURIComponent(result.certificate.code)}`}
          >
            {strings.certificate}
          </a>
        </p>
      )}
      <h3>{strings.review}</h3>
      {result.clausesToReview.length === 0 ? (
        <p>{strings.noReview}</p>
      ) : (
        <ul class="review-list">
          {result.clausesToReview.map((clause) => {
            const [section] = clause.split(".");
            return (
              <li key={clause}>
                <a href={`${prefix}/lessons/${section}/#clause-${clause.replace(".", "-")}`}>
                  {clause}
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
