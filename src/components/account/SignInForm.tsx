import { useState } from "preact/hooks";
import { ApiFailure, callApi, type Me } from "./api.ts";

export interface SignInStrings {
  number: string;
  password: string;
  submit: string;
  wrong: string;
  locked: string;
  tooMany: string;
  offline: string;
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

/** Sign-in with personnel number and password; a first sign-in asks for a new password. */
export default function SignInForm({ strings, home }: Props) {
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const [current, setCurrent] = useState<string | null>(null);

  const next = () => {
    const target = new URLSearchParams(location.search).get("next");
    location.assign(target?.startsWith("/") && !target.startsWith("//") ? target : home);
  };

  const explain = (e: unknown) => {
    if (!(e instanceof ApiFailure)) return strings.offline;
    if (e.code === "locked") return strings.locked;
    if (e.code === "rate-limited") return strings.tooMany;
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
      if (me.user.mustChangePassword) setCurrent(password);
      else next();
    } catch (e) {
      setError(explain(e));
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
      await callApi("/password", { method: "POST", body: { current, next: fresh } });
      next();
    } catch (e) {
      setError(explain(e));
    } finally {
      setBusy(false);
    }
  };

  const message = (
    <p class="form-error" role="alert" id="form-error">
      {error}
    </p>
  );

  if (current !== null) {
    return (
      <form class="stack-form" onSubmit={onChange} aria-describedby="form-error">
        <h2>{strings.changeTitle}</h2>
        <p>{strings.changeIntro}</p>
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
