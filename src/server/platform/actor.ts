import type { User } from "../accounts/store.ts";

/** The xAPI actor of a person: an account on this platform, named by personnel number. */
export function learnerActor(user: Pick<User, "personnelNumber" | "fullName">, origin: string) {
  return {
    objectType: "Agent" as const,
    account: { homePage: origin, name: user.personnelNumber },
    name: user.fullName,
  };
}

/** The agent-index key of that actor (same format as the LRS's `agentIfi`). */
export function learnerIfi(personnelNumber: string, origin: string): string {
  return `account:${origin}|${personnelNumber}`;
}
