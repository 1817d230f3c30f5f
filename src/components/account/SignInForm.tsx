import { useEffect, useState } from "preact/hooks";
import { ApiFailure, callApi, type Me, PASSWORD_CHANGE_REQUIRED } from "./api.ts";
import { retryMessage } from "./retry.ts";

export interface SignInStrings {
  number: string;
  password: string;
  submit: string;
  wrong: string;
  locked: string;
  lockedUntil: string;
  tooMany: string;
  tooManyWait: string;
  offline: string;
  expired: string;
  passwordRequired: string;
  currentPassword: string;
  currentWrong: string;
  newPassword: string;
  repeatPassword: string;
  changeTitle: string;
  changeIntro: string;
  changeSubmit: string;
  mismatch: string;
  weak: string;
}

interface Props {
  strings: SignInStrings;
  /** Where to go after signing in (locale home by default). */
  home: string;
}

/**
 * Sign-in with personnel number and password; a first sign-in (or the server's
 * `password-change-required`) asks for a new password. `?reason=expired` explains why the
 * learner is here again; `?reason=password` opens the change-password form directly.
 */
export default function SignInForm({ strings, home }: Props) {
  const [error, setError] = useState("");
  const [notice, setNotice] = useState("");
  const [busy, setBusy] = useState(false);
  // null: sign-in form; "": change form asking for the current password; else: the password
  // just used to sign in.
  const [current, setCurrent] = useState<string | null>(null);

  useEffect(() => {
    const reason = new URLSearchParams(location.search).get("reason");
    if (reason === "expired") setNotice(strings.expired);
    if (reason === "password") {
      setNotice(strings.passwordRequired);
      setCurrent("");
    }
  }, [strings]);

  const next = () => {
    const target = new URLSearchParams(location.search).get("next");
    location.assign(target?.startsWith("/") && !target.startsWith("//") ? target : home);
  };

  const explain = (e: unknown) => {
    if (!(e instanceof ApiFailure)) return strings.offline;
    if (e.status === 429) {
      // A locked account or too many attempts from here: say until when.
      const lang = document.documentElement.lang;
      return retryMessage(e, new Date(), lang === "ru" ? "ru-RU" : "kk-KZ", strings);
    }
    if (e.code === "wrong-password") return strings.currentWrong;
    if (e.code === "weak-password" || e.code === "same-password")
      return `${strings.weak} ${e.message}`;
    return strings.wrong;
  };

  const onSignIn = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const password = String(form.get("password") ?? "");
    setBusy(true);
    setError("");
    try {
      const me = await callApi<Me>("/session", {
        method: "POST",
        body: { personnelNumber: String(form.get("personnelNumber") ?? ""), password },
      });
      if (me.user.mustChangePassword) {
        setNotice("");
        setCurrent(password);
      } else next();
    } catch (e) {
      if (e instanceof ApiFailure && e.code === PASSWORD_CHANGE_REQUIRED) setCurrent(password);
      else setError(explain(e));
    } finally {
      setBusy(false);
    }
  };

  const onChange = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const fresh = String(form.get("next") ?? "");
    if (fresh !== String(form.get("repeat") ?? "")) {
      setError(strings.mismatch);
      return;
    }
    setBusy(true);
    setError("");
    try {
      await callApi("/password", {
        method: "POST",
        body: { current: current || String(form.get("current") ?? ""), next: fresh },
      });
      next();
    } catch (e) {
      if (e instanceof ApiFailure && e.status === 401) {
        // No session any more: back to signing in.
        setCurrent(null);
        setNotice(strings.expired);
      } else setError(explain(e));
    } finally {
      setBusy(false);
    }
  };

  const message = (
    <p class="form-error" role="alert" id="form-error">
      {error}
    </p>
  );
  const info = notice ? (
    <p class="form-notice" role="status">
      {notice}
    </p>
  ) : null;

  if (current !== null) {
    return (
      <form class="stack-form" onSubmit={onChange} aria-describedby="form-error">
        <h2>{strings.changeTitle}</h2>
        {info}
        <p>{strings.changeIntro}</p>
        {current === "" ? (
          <>
            <label for="current">{strings.currentPassword}</label>
            <input
              id="current"
              name="current"
              type="password"
              autocomplete="current-password"
              required
            />
          </>
        ) : null}
        <label for="next">{strings.newPassword}</label>
        <input
          id="next"
          name="next"
          type="password"
          autocomplete="new-password"
          minLength={10}
          required
        />
        <label for="repeat">{strings.repeatPassword}</label>
        <input
          id="repeat"
          name="repeat"
          type="password"
          autocomplete="new-password"
          minLength={10}
          required
        />
        {message}
        <button type="submit" class="button" disabled={busy}>
          {strings.changeSubmit}
        </button>
      </form>
    );
  }
  return (
    <form class="stack-form" onSubmit={onSignIn} aria-describedby="form-error">
      {info}
      <label for="personnelNumber">{strings.number}</label>
      <input
        id="personnelNumber"
        name="personnelNumber"
        autocomplete="username"
        inputMode="numeric"
        required
      />
      <label for="password">{strings.password}</label>
      <input
        id="password"
        name="password"
        type="password"
        autocomplete="current-password"
        required
      />
      {message}
      <button type="submit" class="button" disabled={busy}>
        {strings.submit}
      </button>
    </form>
  );
}
