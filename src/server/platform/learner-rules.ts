// What a learner's own browser may write to the LRS with their session. The rules are pure so
// the LRS policy, the tests and the docs agree: own actor only, nothing about the exam (only
// the server records exam events), no voiding, no authority of their own. Which activities are
// the exam's is decided by the shared classifier (src/lib/xapi/activity-kind.ts), the same one
// the reports use, so that no IRI the reports would count as the exam gets through here.
import { mentionsExam } from "../../lib/xapi/activity-kind.ts";

const FORBIDDEN_VERBS = new Set([
  "http://adlnet.gov/expapi/verbs/passed",
  "http://adlnet.gov/expapi/verbs/failed",
  "http://adlnet.gov/expapi/verbs/voided",
]);

interface Account {
  homePage: string;
  name: string;
}

type Json = Record<string, unknown>;

function activityIds(statement: Json): string[] {
  const ids: string[] = [];
  const object = statement.object as Json | undefined;
  if (object && (object.objectType === undefined || object.objectType === "Activity"))
    ids.push(String(object.id));
  if (object?.objectType === "SubStatement") ids.push(...activityIds(object));
  const context = statement.context as Json | undefined;
  const groups = (context?.contextActivities ?? {}) as Record<string, unknown>;
  for (const value of Object.values(groups)) {
    for (const activity of Array.isArray(value) ? value : [value])
      ids.push(String((activity as Json)?.id));
  }
  return ids;
}

function sameAccount(actor: unknown, account: Account): boolean {
  const a = actor as Json | undefined;
  const acc = a?.account as Json | undefined;
  return (
    !!a &&
    (a.objectType === undefined || a.objectType === "Agent") &&
    a.mbox === undefined &&
    a.mbox_sha1sum === undefined &&
    a.openid === undefined &&
    acc?.homePage === account.homePage &&
    acc?.name === account.name
  );
}

/** Why a learner may not write this statement, or null when they may. */
export function learnerWriteRefusal(statement: unknown, learner: Account): string | null {
  const s = statement as Json;
  if (!sameAccount(s?.actor, learner)) {
    return "A learner may only record statements about themselves (actor = their own account).";
  }
  const verb = (s.verb as Json | undefined)?.id;
  if (typeof verb === "string" && FORBIDDEN_VERBS.has(verb)) {
    return `A learner may not record the verb ${verb}; results are recorded by the platform.`;
  }
  if (activityIds(s).some((id) => mentionsExam(id, learner.homePage))) {
    return "Exam events are recorded by the exam service only.";
  }
  return null;
}
