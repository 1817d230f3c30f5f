// The outbox indicator's content: what waits on this device, why it waits, and what the
// learner can do about it (sign in again, change the password, save set-aside records to a
// file for the administrator, send them again, delete them). Plain DOM: it is on every page.

import { numericDateTime } from "../../lib/format/dates.ts";
import type { Stop } from "../../lib/tracking/deliver.ts";
import { formatMegabytes } from "../../lib/tracking/limits.ts";
import type { OutboxCounts } from "../../lib/tracking/queue.ts";
import { signInPath } from "../account/api.ts";
import type { RejectedStatement } from "./outbox.ts";

export interface OutboxStrings {
  unsent: string;
  offline: string;
  expired: string;
  expiredNone: string;
  signinAgain: string;
  relaunch: string;
  credential: string;
  password: string;
  changePassword: string;
  forbidden: string;
  refusedHeld: string;
  blocked: string;
  others: string;
  rejected: string;
  details: string;
  detailsTitle: string;
  reasonTooLarge: string;
  reasonRefused: string;
  save: string;
  retry: string;
  discard: string;
  discardConfirm: string;
  close: string;
  launchInvalid: string;
}

export interface OutboxModel {
  online: boolean;
  counts: OutboxCounts;
  stop: Stop | null;
  blocked: string | null;
  /** Nobody is signed in and the last session ended without signing out. */
  expired: boolean;
  /** This is the sign-in page: its form already says why to sign in, so no link back to it. */
  signingIn: boolean;
  mode: "session" | "launch" | "credential";
  refusedReason: string;
  rejected: RejectedStatement[];
  launchProblem: string | null;
  open: boolean;
  actions: {
    toggle(): void;
    retry(ids: string[]): void;
    discard(ids: string[]): void;
  };
}

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/gu, (all, name: string) =>
    values[name] === undefined ? all : String(values[name]),
  );

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** The LRS's reason, marked as English (Adal's LRS and most others answer in English). */
const reason = (text: string) => el("span", { lang: "en" }, text);

function line(text: string, ...extra: (Node | string)[]): HTMLParagraphElement {
  // `{reason}` is replaced by a node so the server's words keep their language.
  const [before, after] = text.split("{reason}");
  return el(
    "p",
    {},
    before ?? "",
    ...(after === undefined ? [] : extra.splice(0, 1)),
    after ?? "",
    ...extra,
  );
}

function link(text: string, href: string): HTMLAnchorElement {
  return el("a", { href }, text);
}

function button(text: string, onClick: () => void, className = "link-button"): HTMLButtonElement {
  const b = el("button", { type: "button", className }, text);
  b.addEventListener("click", onClick);
  return b;
}

function rejectedItem(s: RejectedStatement, strings: OutboxStrings): HTMLLIElement {
  const st = s.statement as {
    verb?: { display?: Record<string, string> };
    object?: { id?: string; definition?: { name?: Record<string, string> } };
    timestamp?: string;
  };
  const verb = st.verb?.display?.["kk-KZ"] ?? st.verb?.display?.["en-US"] ?? "";
  const object = st.object?.definition?.name?.["kk-KZ"] ?? st.object?.id ?? "";
  const when = st.timestamp ? numericDateTime(new Date(st.timestamp)) : "";
  const why =
    s.reason === "too-large"
      ? fill(strings.reasonTooLarge, { size: formatMegabytes(s.bytes) })
      : fill(strings.reasonRefused, { status: s.status || "—" });
  return el(
    "li",
    {},
    el("span", { lang: "kk" }, [verb, object].filter(Boolean).join(": ")),
    when ? ` (${when}). ` : ". ",
    // The LRS's own words help the administrator; a too-large record needs none.
    s.reason === "too-large" ? why : line(why, reason(s.message)),
  );
}

function download(items: RejectedStatement[]): void {
  const body = JSON.stringify(
    items.map(({ statement, reason: why, status, message, rejectedAt }) => ({
      statement,
      reason: why,
      status,
      message,
      rejectedAt: new Date(rejectedAt).toISOString(),
    })),
    null,
    2,
  );
  const url = URL.createObjectURL(new Blob([body], { type: "application/json" }));
  const a = el("a", {
    href: url,
    download: `adal-rejected-${new Date().toISOString().slice(0, 10)}.json`,
  });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

let shown = "";

/** The indicator's lines for this state; none when nothing waits and nothing is wrong. */
export function outboxLines(strings: OutboxStrings, m: OutboxModel): HTMLElement[] {
  const { counts, stop } = m;
  const lines: HTMLElement[] = [];
  if (m.launchProblem) lines.push(line(fill(strings.launchInvalid, { what: m.launchProblem })));
  if (counts.mine > 0) {
    const text = fill(strings.unsent, { n: counts.mine });
    lines.push(line(m.online ? text : `${strings.offline} ${text}`));
  }
  // On the sign-in page the form's own notice says the session ended and that the records wait.
  if (stop?.kind === "signin" && m.mode !== "session")
    lines.push(
      line(fill(m.mode === "launch" ? strings.relaunch : strings.credential, { n: counts.mine })),
    );
  else if (stop?.kind === "signin" && !m.signingIn)
    lines.push(
      line(
        fill(strings.expired, { n: counts.mine }),
        " ",
        link(strings.signinAgain, signInPath("expired")),
      ),
    );
  else if (stop?.kind !== "signin" && m.expired && !m.signingIn) {
    const text = counts.of > 0 ? fill(strings.expired, { n: counts.of }) : strings.expiredNone;
    lines.push(line(text, " ", link(strings.signinAgain, signInPath("expired"))));
  }
  if (stop?.kind === "password")
    lines.push(
      line(
        fill(strings.password, { n: counts.mine }),
        " ",
        link(strings.changePassword, signInPath("password")),
      ),
    );
  if (stop?.kind === "forbidden")
    lines.push(line(fill(strings.forbidden, { n: counts.mine }), reason(stop.message)));
  else if (counts.refusedMine > 0)
    lines.push(line(fill(strings.refusedHeld, { n: counts.refusedMine }), reason(m.refusedReason)));
  if (m.blocked) lines.push(line(fill(strings.blocked, { origin: m.blocked })));
  const others = counts.others - (m.expired ? counts.of : 0);
  if (others > 0) lines.push(line(fill(strings.others, { n: others })));
  if (m.rejected.length > 0) {
    lines.push(
      line(
        fill(strings.rejected, { n: m.rejected.length }),
        " ",
        button(m.open ? strings.close : strings.details, m.actions.toggle),
      ),
    );
    if (m.open) {
      const ids = m.rejected.map((r) => r.id);
      const retryable = m.rejected.filter((r) => r.reason !== "too-large").map((r) => r.id);
      lines.push(
        el(
          "div",
          { className: "outbox-details" },
          el("h2", {}, strings.detailsTitle),
          el("ul", {}, ...m.rejected.map((r) => rejectedItem(r, strings))),
          el(
            "p",
            { className: "outbox-actions" },
            button(strings.save, () => download(m.rejected)),
            ...(retryable.length > 0
              ? [button(strings.retry, () => m.actions.retry(retryable))]
              : []),
            button(strings.discard, () => {
              if (window.confirm(strings.discardConfirm)) m.actions.discard(ids);
            }),
          ),
        ),
      );
    }
  }
  return lines;
}

/**
 * Whether the indicator has anything to show, known without its strings (which load only
 * then): the same lines, made with blank text.
 */
export function outboxHasNews(m: OutboxModel): boolean {
  const blank = new Proxy({}, { get: () => "" }) as OutboxStrings;
  return outboxLines(blank, m).length > 0;
}

export function renderOutbox(box: HTMLElement, lines: HTMLElement[]): void {
  // Re-render only when something changed, so keyboard focus inside stays where it is.
  const signature = lines.map((l) => l.outerHTML).join("");
  if (signature === shown) return;
  const focused = box.contains(document.activeElement) ? document.activeElement?.textContent : null;
  shown = signature;
  box.replaceChildren(...lines);
  box.hidden = lines.length === 0;
  if (focused) {
    for (const b of box.querySelectorAll<HTMLElement>("button, a"))
      if (b.textContent === focused) {
        b.focus();
        break;
      }
  }
}
