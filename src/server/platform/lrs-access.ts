// The platform's hook into the LRS: a signed-in person's session is an LRS principal, and the
// policy limits it to what the learner rules allow. Officers read their units' statements;
// admins read everything; learners only their own.
//
// A session is honoured only for requests from the platform's own pages (foreign-request.ts).

import { PASSWORD_CHANGE_REQUIRED, sessionUser } from "../accounts/auth.ts";
import type { AccountStore, User } from "../accounts/store.ts";
import { examAuthority } from "../exam/record.ts";
import { EXAM_VERBS } from "../exam/statements.ts";
import type { Principal, PrincipalResolver, StatementPolicy } from "../lrs/principal.ts";
import { agentIfi } from "../xapi/agents.ts";
import { XapiError } from "../xapi/errors.ts";
import { learnerActor, learnerIfi } from "./actor.ts";
import { foreignRequest } from "./foreign-request.ts";
import { learnerWriteRefusal } from "./learner-rules.ts";
import { tokenFromRequest } from "./session.ts";

const PREFIX = "session:";

export function sessionResolver(
  accounts: AccountStore,
  origin: string,
  clock: () => Date,
): PrincipalResolver {
  return async (request) => {
    const token = tokenFromRequest(request);
    if (!token) return null;
    const foreign = foreignRequest(request, origin);
    if (foreign) throw new XapiError(403, foreign, "cross-origin");
    const user = await sessionUser(accounts, token, clock());
    if (!user) return null;
    if (user.mustChangePassword) {
      const { code, messages } = PASSWORD_CHANGE_REQUIRED;
      throw new XapiError(403, `${messages.kk} / ${messages.ru}`, code);
    }
    const actor = learnerActor(user, origin);
    return {
      kind: "session",
      id: `${PREFIX}${user.id}`,
      name: user.fullName,
      scopes: ["statements/write", "statements/read", "state"],
      // The platform vouches for what a signed-in learner's browser records.
      authority: {
        objectType: "Agent",
        account: { homePage: origin, name: "adal-platform" },
        name: "Adal platform",
      },
      actor,
    };
  };
}

export function platformPolicy(accounts: AccountStore, origin: string): StatementPolicy {
  const userOf = async (p: Principal): Promise<User | null> =>
    p.kind === "session" ? accounts.userById(p.id.slice(PREFIX.length)) : null;
  return {
    canWrite(principal, statement) {
      if (principal.kind !== "session" || !principal.actor?.account) return null;
      return learnerWriteRefusal(statement, principal.actor.account);
    },
    async readableAgents(principal) {
      if (principal.kind !== "session") return null;
      const user = await userOf(principal);
      if (!user) return [];
      if (user.role === "admin") return null;
      if (user.role === "officer") {
        const units = await accounts.unitTree(await accounts.officerUnits(user.id));
        const people = await accounts.usersInUnits(units);
        return [...new Set([user, ...people].map((u) => learnerIfi(u.personnelNumber, origin)))];
      }
      return [learnerIfi(user.personnelNumber, origin)];
    },
    // The exam service's per-item `answered` statements say which items a person got right;
    // with the option texts seen during the attempt they rebuild keys (every key, for
    // two-option items). Nobody reads their own through a session; officers and admins still
    // read those of the people they supervise, and the reports use them.
    withheld(principal) {
      if (principal.kind !== "session" || !principal.actor) return null;
      return {
        authority: agentIfi(examAuthority(origin)) ?? "",
        verb: EXAM_VERBS.answered.id,
        agents: [agentIfi(principal.actor) ?? ""],
      };
    },
    canUseDocuments(principal, ifi) {
      if (principal.kind !== "session" || !principal.actor?.account) return true;
      return ifi === learnerIfi(principal.actor.account.name, origin);
    },
  };
}
