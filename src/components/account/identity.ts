// The learner's own statement of who they are, for a site pointed at another LRS without an
// xAPI launch (a static host has no sign-in). Kept on this device only and shown everywhere
// as unverified: nobody checked it, and the LRS records whatever name it is given.
import type { LearnerActor } from "../../lib/xapi/activities.ts";

const KEY = "adal.declared.v1";

export interface DeclaredIdentity {
  fullName: string;
  personnelNumber: string;
  declaredAt: string;
}

export const PERSONNEL_NUMBER = /^[0-9A-Za-z-]{1,40}$/u;

export function declaredIdentity(): DeclaredIdentity | null {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? "null") as DeclaredIdentity | null;
    return value && PERSONNEL_NUMBER.test(value.personnelNumber) ? value : null;
  } catch {
    return null;
  }
}

/** Why the given name or number cannot be used ("name", "number"), or null. */
export function identityProblem(
  fullName: string,
  personnelNumber: string,
): "name" | "number" | null {
  const name = fullName.trim().replace(/\s+/gu, " ");
  if (name.length < 3 || name.length > 200 || !/\p{L}/u.test(name)) return "name";
  if (!PERSONNEL_NUMBER.test(personnelNumber.trim())) return "number";
  return null;
}

export function declareIdentity(fullName: string, personnelNumber: string): DeclaredIdentity {
  const identity = {
    fullName: fullName.trim().replace(/\s+/gu, " "),
    personnelNumber: personnelNumber.trim(),
    declaredAt: new Date().toISOString(),
  };
  localStorage.setItem(KEY, JSON.stringify(identity));
  window.dispatchEvent(new CustomEvent("adal:identity"));
  return identity;
}

export function forgetDeclared(): void {
  localStorage.removeItem(KEY);
  window.dispatchEvent(new CustomEvent("adal:identity"));
}

/** The xAPI actor of a declared identity: an account on this site, named by the learner. */
export function declaredActor(identity: DeclaredIdentity): LearnerActor {
  return {
    objectType: "Agent",
    account: { homePage: location.origin, name: identity.personnelNumber },
    name: identity.fullName,
  };
}
