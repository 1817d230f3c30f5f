// The outbox indicator's strings for the page's language, loaded on demand (see tracking.ts).
import { trackingKk, trackingRu } from "../../i18n/tracking.ts";
import { formatMegabytes, LRS_JSON_LIMIT_BYTES } from "../../lib/tracking/limits.ts";
import type { OutboxStrings } from "./outbox-view.ts";

export function outboxStrings(lang: string): OutboxStrings {
  const t = lang === "ru" ? trackingRu : trackingKk;
  return {
    unsent: t["tracking.unsent"],
    offline: t["tracking.offline"],
    expired: t["tracking.expired"],
    expiredNone: t["tracking.expiredNone"],
    signinAgain: t["tracking.signinAgain"],
    relaunch: t["tracking.relaunch"],
    credential: t["tracking.credential"],
    password: t["tracking.password"],
    changePassword: t["tracking.changePassword"],
    forbidden: t["tracking.forbidden"],
    refusedHeld: t["tracking.refusedHeld"],
    blocked: t["tracking.blocked"],
    others: t["tracking.others"],
    rejected: t["tracking.rejected"],
    details: t["tracking.details"],
    detailsTitle: t["tracking.detailsTitle"],
    reasonTooLarge: t["tracking.reasonTooLarge"].replace(
      "{limit}",
      formatMegabytes(LRS_JSON_LIMIT_BYTES),
    ),
    reasonRefused: t["tracking.reasonRefused"],
    save: t["tracking.save"],
    retry: t["tracking.retry"],
    discard: t["tracking.discard"],
    discardConfirm: t["tracking.discardConfirm"],
    close: t["tracking.close"],
    launchInvalid: t["tracking.launchInvalid"],
  };
}
