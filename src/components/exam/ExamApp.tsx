import { useEffect, useRef, useState } from "preact/hooks";
import { numericDateTime } from "../../lib/format/dates.ts";
import { ApiFailure, callApi } from "../account/api.ts";
import { ExamQuestion } from "./ExamQuestion.tsx";
import { ExamResult } from "./ExamResult.tsx";
import type {
  AttemptResultView,
  AttemptView,
  ExamStatus,
  ExamStrings,
  OpenAttempt,
} from "./types.ts";

interface Props {
  strings: ExamStrings;
  prefix: string;
  signInUrl: string;
}

type Screen =
  | { kind: "loading" }
  | { kind: "signed-out" }
  | { kind: "password-change" }
  | { kind: "status"; status: ExamStatus }
  | { kind: "attempt"; view: OpenAttempt; offset: number }
  | { kind: "result"; result: AttemptResultView }
  | { kind: "error"; message: string };

const pendingKey = (id: string) => `adal.exam.pending.${id}`;
const date = (iso: string) => numericDateTime(new Date(iso));

/** The annual exam: start or resume, answer with autosave, timer, submit, result. */
export default function ExamApp({ strings, prefix, signInUrl }: Props) {
  const [screen, setScreen] = useState<Screen>({ kind: "loading" });
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  const [index, setIndex] = useState(0);
  const [saving, setSaving] = useState<"saved" | "saving" | "unsaved">("saved");
  const [now, setNow] = useState(Date.now());
  const attemptId = screen.kind === "attempt" ? screen.view.id : null;
  const flushing = useRef(false);
  const handingIn = useRef(false);

  const fail = (e: unknown) => {
    if (e instanceof ApiFailure && e.status === 401) setScreen({ kind: "signed-out" });
    else if (e instanceof ApiFailure && e.code === "password-change-required")
      setScreen({ kind: "password-change" });
    else setScreen({ kind: "error", message: e instanceof Error ? e.message : strings.error });
  };

  const showResult = async (id: string) =>
    setScreen({
      kind: "result",
      result: await callApi<AttemptResultView>(`/exam/attempts/${id}/result`),
    });

  const open = async (id: string) => {
    const view = await callApi<AttemptView>(`/exam/attempts/${id}`);
    if (view.submitted) return setScreen({ kind: "result", result: view.result });
    const pending = JSON.parse(localStorage.getItem(pendingKey(id)) ?? "{}") as Record<
      string,
      string[]
    >;
    setAnswers({ ...view.answers, ...pending });
    setScreen({ kind: "attempt", view, offset: new Date(view.serverTime).getTime() - Date.now() });
  };

  useEffect(() => {
    callApi<ExamStatus>("/exam")
      .then((status) =>
        status.openAttempt ? open(status.openAttempt.id) : setScreen({ kind: "status", status }),
      )
      .catch(fail);
  }, []);

  // Answers not yet acknowledged by the server survive reloads and lost connections.
  const flush = async () => {
    if (!attemptId || flushing.current) return;
    const pending = JSON.parse(localStorage.getItem(pendingKey(attemptId)) ?? "{}") as Record<
      string,
      string[]
    >;
    const items = Object.keys(pending);
    if (items.length === 0) return setSaving("saved");
    flushing.current = true;
    setSaving("saving");
    try {
      for (const item of items) {
        await callApi(`/exam/attempts/${attemptId}/answers/${item}`, {
          method: "PUT",
          body: { options: pending[item] },
        });
        const left = JSON.parse(localStorage.getItem(pendingKey(attemptId)) ?? "{}") as Record<
          string,
          string[]
        >;
        if (JSON.stringify(left[item]) === JSON.stringify(pending[item])) delete left[item];
        localStorage.setItem(pendingKey(attemptId), JSON.stringify(left));
      }
      setSaving("saved");
    } catch (e) {
      setSaving("unsaved");
      if (e instanceof ApiFailure && e.status === 409) void showResult(attemptId).catch(fail);
    } finally {
      flushing.current = false;
    }
  };

  useEffect(() => {
    if (!attemptId) return;
    const tick = setInterval(() => {
      setNow(Date.now());
      void flush();
    }, 1000);
    return () => clearInterval(tick);
  }, [attemptId]);

  const choose = (item: string, options: string[]) => {
    if (!attemptId) return;
    setAnswers((a) => ({ ...a, [item]: options }));
    const pending = JSON.parse(localStorage.getItem(pendingKey(attemptId)) ?? "{}") as Record<
      string,
      string[]
    >;
    localStorage.setItem(pendingKey(attemptId), JSON.stringify({ ...pending, [item]: options }));
    void flush();
  };

  if (screen.kind === "loading") return <p aria-busy="true">…</p>;
  if (screen.kind === "signed-out")
    return (
      <p>
        <a class="button" href={signInUrl}>
          {strings.signIn}
        </a>
      </p>
    );
  if (screen.kind === "password-change")
    return (
      <p role="alert">
        {strings.passwordChange}{" "}
        <a class="button" href={signInUrl}>
          {strings.signIn}
        </a>
      </p>
    );
  if (screen.kind === "error") return <p role="alert">{screen.message || strings.error}</p>;
  if (screen.kind === "result")
    return <ExamResult result={screen.result} strings={strings} prefix={prefix} />;

  if (screen.kind === "status") {
    const { status } = screen;
    const start = async () => {
      try {
        const view = await callApi<AttemptView>("/exam/attempts", { method: "POST" });
        await open(view.id);
      } catch (e) {
        fail(e);
      }
    };
    return (
      <section class="exam-status">
        <p>
          {strings.rules
            .replace("{items}", String(status.items))
            .replace("{minutes}", String(status.timeLimitMinutes))
            .replace("{pass}", String(Math.round(status.passMark * 100)))}
        </p>
        {status.validUntil && (
          <p>
            {strings.validUntil} {date(status.validUntil)}
          </p>
        )}
        {status.nextDue && (
          <p>
            {strings.due} {date(status.nextDue)}
          </p>
        )}
        {status.retakeAfter ? (
          <p role="status">
            {strings.retakeAfter} {date(status.retakeAfter)}
          </p>
        ) : (
          <button type="button" class="button" onClick={start}>
            {strings.start}
          </button>
        )}
      </section>
    );
  }

  const { view, offset } = screen;
  const left = Math.max(0, new Date(view.deadline).getTime() - (now + offset));
  const item = view.items[index];
  const handIn = async () => {
    await flush();
    try {
      setScreen({
        kind: "result",
        result: await callApi<AttemptResultView>(`/exam/attempts/${view.id}/submit`, {
          method: "POST",
        }),
      });
    } catch (e) {
      if (e instanceof ApiFailure && e.status === 409) await showResult(view.id).catch(fail);
      else fail(e);
    }
  };
  if (left === 0) {
    // At the deadline the server still takes, for a few seconds, what is on its way: send the
    // last answers and hand the attempt in; whatever the server has is what gets graded.
    if (!handingIn.current) {
      handingIn.current = true;
      void handIn();
    }
    return <p role="alert">{strings.timeUp}</p>;
  }
  const submit = async () => {
    if (!window.confirm(strings.confirmSubmit)) return;
    await handIn();
  };
  const minutes = Math.floor(left / 60_000);
  const seconds = Math.floor((left % 60_000) / 1000);
  return (
    <section class="exam-attempt">
      <p class="exam-bar">
        <span role="timer" aria-live={left < 60_000 ? "assertive" : "off"}>
          {strings.timeLeft}: {minutes}:{String(seconds).padStart(2, "0")}
        </span>
        <span role="status">{strings[saving]}</span>
      </p>
      {item && (
        <ExamQuestion
          item={item}
          index={index}
          total={view.items.length}
          chosen={answers[item.id] ?? []}
          labels={strings}
          onChange={(options) => choose(item.id, options)}
        />
      )}
      <nav class="exam-nav" aria-label={strings.question}>
        <button type="button" disabled={index === 0} onClick={() => setIndex(index - 1)}>
          {strings.previous}
        </button>
        <ol class="exam-dots">
          {view.items.map((it, i) => (
            <li key={it.id}>
              <button
                type="button"
                aria-current={i === index ? "step" : undefined}
                class={answers[it.id]?.length ? "answered" : ""}
                onClick={() => setIndex(i)}
              >
                {i + 1}
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          disabled={index === view.items.length - 1}
          onClick={() => setIndex(index + 1)}
        >
          {strings.next}
        </button>
      </nav>
      <button type="button" class="button" onClick={submit}>
        {strings.submit}
      </button>
    </section>
  );
}
