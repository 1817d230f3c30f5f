// Keeps the reporting projection in step with the LRS: the statement store runs
// `projectionHook` inside each insert transaction (rows for new statements, rows removed for
// voided ones). Idempotent (resends are no-ops).
import { insertMany } from "../db/insert-many.ts";
import type { Sql } from "../db/sql.ts";
import type { InsertHook } from "../lrs/statement-store.ts";
import type { Statement } from "../xapi/types.ts";
import { VOIDED_VERB } from "../xapi/validate.ts";
import { projectStatement } from "./projection.ts";

/** The statement store's hook that projects what it stores, in the same transaction. */
export function projectionHook(origin: string): InsertHook {
  return async (tx: Sql, stored: readonly Statement[]) => {
    const projection = new ReportProjection(tx, origin);
    await projection.ingest(stored as unknown as Record<string, unknown>[]);
    const voided = stored
      .filter((s) => s.verb.id === VOIDED_VERB)
      .map((s) => String((s.object as { id?: string }).id));
    if (voided.length > 0) await projection.forget(voided);
  };
}

export class ReportProjection {
  readonly sql: Sql;
  readonly origin: string;

  constructor(sql: Sql, origin: string) {
    this.sql = sql;
    this.origin = origin;
  }

  async ingest(statements: readonly Record<string, unknown>[]): Promise<number> {
    const rows = statements.map((s) => projectStatement(s, this.origin)).filter((r) => r !== null);
    if (rows.length === 0) return 0;
    // Multi-row inserts: on PostgreSQL a batch then costs two round trips, not one per row.
    await this.sql.transaction(async (tx) => {
      await insertMany(
        tx,
        "INSERT INTO learning_events (statement_id, personnel_number, verb, kind, section, item_id, registration, success, scaled, response, duration_ms, ts)",
        " ON CONFLICT (statement_id) DO NOTHING",
        rows.map((r) => [
          r.statementId,
          r.personnelNumber,
          r.verb,
          r.kind,
          r.section,
          r.itemId,
          r.registration,
          r.success,
          r.scaled,
          r.response,
          r.durationMs,
          r.timestamp,
        ]),
      );
      await insertMany(
        tx,
        "INSERT INTO report_people (personnel_number)",
        " ON CONFLICT (personnel_number) DO NOTHING",
        [...new Set(rows.map((r) => r.personnelNumber))].map((p) => [p]),
      );
      await insertMany(
        tx,
        "INSERT INTO learning_event_clauses (statement_id, clause, personnel_number, verb, kind, success, ts)",
        " ON CONFLICT (statement_id, clause) DO NOTHING",
        rows.flatMap((r) =>
          [...new Set(r.clauses)].map((clause) => [
            r.statementId,
            clause,
            r.personnelNumber,
            r.verb,
            r.kind,
            r.success,
            r.timestamp,
          ]),
        ),
      );
    });
    return rows.length;
  }

  async forget(statementIds: readonly string[]): Promise<void> {
    await this.sql.transaction(async (tx) => {
      for (const id of statementIds) {
        await tx.run("DELETE FROM learning_event_clauses WHERE statement_id = ?", [id]);
        await tx.run("DELETE FROM learning_events WHERE statement_id = ?", [id]);
      }
    });
  }
}
