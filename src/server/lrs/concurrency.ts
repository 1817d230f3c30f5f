// The concurrency rules of the document resources (xAPI 1.0.3 Communication 3.1; 2.0 / IEEE
// 9274.1.1 "Concurrency"), per version and resource, and the RFC 7232 evaluation of If-Match
// and If-None-Match against the current document. Pure: the store calls it under a lock.
import { XapiError } from "../xapi/errors.ts";
import type { XapiVersion } from "../xapi/version.ts";

export type DocumentKind = "state" | "activity-profile" | "agent-profile";

export interface Preconditions {
  ifMatch?: string | undefined;
  ifNoneMatch?: string | undefined;
}

export interface ConcurrencyRules {
  /** A PUT without If-Match/If-None-Match over an existing document is refused with 409. */
  conflictWithoutPrecondition: boolean;
  /** A PUT without If-Match/If-None-Match that would create a document is refused with 428. */
  preconditionToCreate: boolean;
}

/**
 * 1.0.3: "The State Resource will permit PUT, POST and DELETE requests without concurrency
 * headers"; a PUT without either header over an existing Agent or Activity Profile is 409.
 * 2.0: the State Resource is under concurrency control too (409 over an existing document),
 * and a Learning Record Provider must send If-Match or If-None-Match with every PUT to the
 * Agent and Activity Profile Resources, so such a PUT without either header is 428 (RFC 6585).
 * POST and DELETE never require a precondition; when one is sent it is honoured (412).
 */
export function concurrencyRules(kind: DocumentKind, version: XapiVersion): ConcurrencyRules {
  const profile = kind !== "state";
  if (version === "1.0.3")
    return { conflictWithoutPrecondition: profile, preconditionToCreate: false };
  return { conflictWithoutPrecondition: true, preconditionToCreate: profile };
}

/** Lenient rules for callers that do not speak a version (the behaviour of 1.0.3). */
export const DEFAULT_RULES = (kind: DocumentKind): ConcurrencyRules =>
  concurrencyRules(kind, "1.0.3");

const tags = (header: string) => header.split(",").map((t) => t.trim());

/**
 * RFC 7232 sections 3.1 and 3.2 for a state-changing method: If-Match passes when the document
 * exists and ("*" or) its ETag is listed (strong comparison, so a W/ tag never matches);
 * If-None-Match passes when the document does not exist or ("*" aside) its ETag is not listed.
 */
export function checkPreconditions(
  currentEtag: string | null,
  p: Preconditions,
  method: "PUT" | "POST" | "DELETE",
  rules: ConcurrencyRules,
): void {
  if (p.ifMatch !== undefined) {
    const list = tags(p.ifMatch);
    if (currentEtag === null || !(list.includes("*") || list.includes(currentEtag))) {
      throw new XapiError(
        412,
        currentEtag === null
          ? "If-Match: the document does not exist (any more); nothing was changed."
          : "If-Match does not match the document's current ETag; fetch it again, then retry with its ETag.",
      );
    }
  }
  if (p.ifNoneMatch !== undefined && currentEtag !== null) {
    const list = tags(p.ifNoneMatch);
    if (list.includes("*") || list.includes(currentEtag)) {
      throw new XapiError(412, "If-None-Match: the document already exists; nothing was changed.");
    }
  }
  if (method !== "PUT" || p.ifMatch !== undefined || p.ifNoneMatch !== undefined) return;
  if (currentEtag !== null && rules.conflictWithoutPrecondition) {
    throw new XapiError(
      409,
      "The document already exists and the request has neither If-Match nor If-None-Match: fetch the document to check its current state, then send If-Match with its ETag to replace it.",
    );
  }
  if (currentEtag === null && rules.preconditionToCreate) {
    throw new XapiError(
      428,
      'xAPI 2.0 requires a precondition on PUT to this resource: send "If-None-Match: *" to create the document (or If-Match with its ETag to replace it).',
    );
  }
}
