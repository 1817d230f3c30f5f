// How the exam service writes its xAPI record: straight into the LRS's store (no HTTP), under
// its own authority, inside the caller's transaction (the one that grades the attempt), with
// the result statement signed when a signing key is configured.
import type { Sql } from "../db/sql.ts";
import { type InsertHook, StatementStore } from "../lrs/statement-store.ts";
import type { AttachmentPart } from "../xapi/multipart.ts";
import { prepareStatement } from "../xapi/prepare.ts";
import type { Statement } from "../xapi/types.ts";
import { isResultStatement, type StatementSigner } from "./signing.ts";

export function examAuthority(origin: string) {
  return {
    objectType: "Agent" as const,
    account: { homePage: origin, name: "adal-exam-service" },
    name: "Adal exam service",
  };
}

export function examRecorder(options: {
  origin: string;
  clock: () => Date;
  /** Keeps the reporting projection in the same transaction as the statements. */
  hook?: InsertHook | undefined;
  sign?: StatementSigner | null | undefined;
}): (tx: Sql, statements: object[]) => Promise<void> {
  const authority = examAuthority(options.origin);
  return async (tx, raw) => {
    const stored = options.clock().toISOString();
    const parts: AttachmentPart[] = [];
    const prepared = (raw as Statement[]).map((s) => {
      let statement = s;
      if (options.sign && isResultStatement(s)) {
        const signed = options.sign(s);
        statement = signed.statement;
        parts.push(...signed.parts);
      }
      return prepareStatement(statement, { stored, authority, version: "2.0.0" });
    });
    await new StatementStore(tx, options.hook).insert(prepared, parts);
  };
}
