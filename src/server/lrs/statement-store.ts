// Statements on the shared SQL port: immutable inserts (same id + same content is a no-op,
// different content a 409), voiding, and the filtered, paged queries of GET /statements.
import { LOCK_SPACE, lockNames } from "../db/lock.ts";
import type { Sql } from "../db/sql.ts";
import { agentIfi } from "../xapi/agents.ts";
import { sameStatement } from "../xapi/compare.ts";
import { statementDefinitions } from "../xapi/definitions.ts";
import { XapiError } from "../xapi/errors.ts";
import { type AttachmentPart, allAttachments } from "../xapi/multipart.ts";
import type { ActivityDefinition, Agent, Statement } from "../xapi/types.ts";
import { VOIDED_VERB } from "../xapi/validate.ts";
import { mergeDefinitions, readDefinitions } from "./activity-store.ts";
import { beginWrite } from "./consistency.ts";
import {
  addRows,
  collectMatches,
  type IndexRows,
  insertIndexRows,
  newIndexRows,
  refTarget,
} from "./statement-index.ts";
import { type QueryPage, queryStatements, type StatementQuery } from "./statement-query.ts";
import { Referrers } from "./statement-refs.ts";
import { isVoiding } from "./voiding.ts";

export type { QueryPage, StatementQuery } from "./statement-query.ts";

/** What the store tells its insert hook besides the statements (added fields stay optional). */
export interface InsertInfo {
  /**
   * Statements stored by this insert that a voiding statement already in the LRS voids: they
   * arrived after the statement voiding them. They are stored (and found by
   * voidedStatementId) but never visible, and are NOT among the hook's `stored` statements.
   */
  voidedOnArrival: readonly Statement[];
}

/**
 * Work that must commit with the statements it is given, in the same transaction (the
 * reporting projection): a crash can then never keep a statement and lose its projection.
 * `stored` holds the newly stored statements that are visible (resends of stored statements
 * and statements voided on arrival are left out).
 */
export type InsertHook = (
  tx: Sql,
  stored: readonly Statement[],
  info?: InsertInfo,
) => Promise<void>;

export interface InsertOptions {
  /**
   * May these statements create or update the canonical activity definitions? Only
   * credentials with the "define" (or "all") scope may; server code inserting its own
   * statements leaves it at the default, true.
   */
  define?: boolean;
}

export class StatementStore {
  readonly sql: Sql;
  private readonly onInsert: InsertHook | undefined;

  constructor(sql: Sql, onInsert?: InsertHook) {
    this.sql = sql;
    this.onInsert = onInsert;
  }

  /** Stores prepared statements and their attachments (and the hook's rows), all or nothing. */
  async insert(
    statements: readonly Statement[],
    attachments: readonly AttachmentPart[] = [],
    options: InsertOptions = {},
  ): Promise<Statement[]> {
    const ids = statements.map((s) => s.id ?? "");
    if (new Set(ids).size !== ids.length)
      throw new XapiError(400, "The batch contains the same statement id twice.");
    const targets = statements.map(refTarget).filter((t): t is string => t !== null);
    // Registered before the first await, so no reader can see a Consistent-Through past a
    // `stored` that is still being written (consistency.ts).
    const earliest = statements.map((s) => s.stored ?? "").sort()[0];
    const done = earliest ? beginWrite(earliest) : () => undefined;
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          return await this.write(statements, attachments, options, ids, targets);
        } catch (error) {
          // A backstop: the store takes its rows and locks in one order, but the insert hook
          // (e.g. the reports projection) writes tables of its own. PostgreSQL aborts one of
          // two deadlocked transactions (40P01) or a serialization conflict (40001); the
          // aborted one rolled back entirely, so running it again is safe.
          const code = (error as { code?: unknown }).code;
          if (attempt >= 3 || (code !== "40P01" && code !== "40001")) throw error;
          console.warn(
            `LRS insert: ${code === "40P01" ? "deadlock" : "serialization conflict"}, retrying`,
          );
        }
      }
    } finally {
      done();
    }
  }

  private write(
    statements: readonly Statement[],
    attachments: readonly AttachmentPart[],
    options: InsertOptions,
    ids: string[],
    targets: string[],
  ): Promise<Statement[]> {
    return this.sql.transaction(async (tx) => {
      // PostgreSQL: a statement and one targeting it (voiding it, or to be found by its
      // filters) may arrive in two transactions at once; both lock the target's id, so the
      // second sees the first (statement-index.ts locks deeper targets as it reaches them).
      const locked = new Set([...ids, ...targets]);
      await lockNames(tx, LOCK_SPACE.statement, [...locked]);
      const referrers = await Referrers.of(tx, ids);
      const voidedLater = new Set(ids.filter((id) => referrers.voidedBeforehand(id)));
      const stored: Statement[] = [];
      const voidedOnArrival: Statement[] = [];
      const rows = newIndexRows();
      const definitions = new Map<string, ActivityDefinition>();
      for (const statement of statements) {
        const voided = !isVoiding(statement) && voidedLater.has(statement.id ?? "");
        const seq = await this.insertOne(tx, statement, voided);
        if (seq === null) continue;
        (voided ? voidedOnArrival : stored).push(statement);
        const matches = await collectMatches(tx, statement, locked);
        addRows(rows, seq, matches);
        // Statements stored before this one that target it are found by its filters too.
        for (const referrer of await referrers.closure(statement.id ?? ""))
          addRows(rows.late, referrer, matches);
        const target = refTarget(statement);
        if (target !== null)
          referrers.add(target, { seq, id: statement.id ?? "", voiding: isVoiding(statement) });
        if (isVoiding(statement) && target !== null) voidedLater.add(target);
        this.person(statement, rows);
        if (options.define !== false) statementDefinitions(statement, definitions);
      }
      await insertIndexRows(tx, rows);
      await mergeDefinitions(tx, definitions);
      // Only the parts of statements stored now: a resent statement changes nothing
      // (Communication 2.1.1.s2.b2), not even the attachment data it carries again.
      const wanted = new Set(
        [...stored, ...voidedOnArrival].flatMap((s) =>
          allAttachments(s).map((a) => a.sha2.toLowerCase()),
        ),
      );
      for (const a of attachments) {
        if (!wanted.has(a.sha2.toLowerCase())) continue;
        await tx.run(
          "INSERT INTO lrs_attachments (sha2, content_type, body) VALUES (?, ?, ?) ON CONFLICT (sha2) DO NOTHING",
          [a.sha2.toLowerCase(), a.contentType, a.body],
        );
      }
      if ((stored.length > 0 || voidedOnArrival.length > 0) && this.onInsert)
        await this.onInsert(tx, stored, { voidedOnArrival });
      return [...stored, ...voidedOnArrival];
    });
  }

  /** Inserts one statement; its seq, or null when it was already stored (a resend). */
  private async insertOne(
    tx: Sql,
    statement: Statement,
    voidedOnArrival: boolean,
  ): Promise<number | null> {
    const id = statement.id ?? "";
    const target = refTarget(statement);
    let voids: string | null = null;
    if (isVoiding(statement) && target !== null) {
      const stored = await tx.get<{ verb: string }>(
        "SELECT verb FROM lrs_statements WHERE id = ?",
        [target],
      );
      if (stored?.verb === VOIDED_VERB)
        throw new XapiError(400, `Statement ${id} tries to void a voiding statement (${target}).`);
      voids = target;
    }
    const authority = statement.authority ? agentIfi(statement.authority) : null;
    // The common case, a new id, costs one statement; only a clash reads the stored one.
    const row = await tx.get<{ seq: number | string }>(
      `INSERT INTO lrs_statements (id, body, verb, registration, stored, authority, voids, voided, ref)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING RETURNING seq`,
      [
        id,
        JSON.stringify(statement),
        statement.verb.id,
        statement.context?.registration?.toLowerCase() ?? null,
        statement.stored ?? "",
        authority,
        voids,
        voidedOnArrival ? 1 : 0,
        target,
      ],
    );
    if (!row) {
      const existing = await tx.get<{ body: string }>(
        "SELECT body FROM lrs_statements WHERE id = ?",
        [id],
      );
      if (existing && sameStatement(JSON.parse(existing.body) as Statement, statement)) return null;
      throw new XapiError(
        409,
        `Statement ${id} already exists with different content; statements are immutable.`,
      );
    }
    if (voids)
      await tx.run("UPDATE lrs_statements SET voided = 1 WHERE id = ? AND verb <> ?", [
        voids,
        VOIDED_VERB,
      ]);
    return Number(row.seq);
  }

  /** The actor as a person of the Agents resource (Groups are not people). */
  private person(statement: Statement, rows: IndexRows): void {
    if (statement.actor.objectType === "Group") return;
    const ifi = agentIfi(statement.actor);
    if (ifi) rows.people.set(ifi, JSON.stringify(statement.actor as Agent));
  }

  /** One statement by id; voided ones only through `voided: true` (voidedStatementId). */
  async get(id: string, voided: boolean): Promise<Statement | null> {
    const row = await this.sql.get<{ body: string; voided: number }>(
      "SELECT body, voided FROM lrs_statements WHERE id = ?",
      [id.toLowerCase()],
    );
    if (!row || Number(row.voided) === 1) {
      if (!row || !voided) return null;
      return JSON.parse(row.body) as Statement;
    }
    return voided ? null : (JSON.parse(row.body) as Statement);
  }

  query(q: StatementQuery): Promise<QueryPage> {
    return queryStatements(this.sql, q);
  }

  async attachments(sha2s: readonly string[]): Promise<AttachmentPart[]> {
    const parts: AttachmentPart[] = [];
    for (const sha2 of new Set(sha2s.map((s) => s.toLowerCase()))) {
      const row = await this.sql.get<{ content_type: string; body: Uint8Array }>(
        "SELECT content_type, body FROM lrs_attachments WHERE sha2 = ?",
        [sha2],
      );
      if (row) parts.push({ sha2, contentType: row.content_type, body: new Uint8Array(row.body) });
    }
    return parts;
  }

  async agentByIfi(ifi: string): Promise<Agent | null> {
    const row = await this.sql.get<{ agent: string }>(
      "SELECT agent FROM lrs_agents WHERE ifi = ?",
      [ifi],
    );
    return row ? (JSON.parse(row.agent) as Agent) : null;
  }

  async activityDefinition(id: string): Promise<ActivityDefinition | null> {
    return (await readDefinitions(this.sql, [id])).get(id) ?? null;
  }

  /** The canonical definitions of these activities (those the LRS has one for). */
  activityDefinitions(ids: Iterable<string>): Promise<Map<string, ActivityDefinition>> {
    return readDefinitions(this.sql, ids);
  }
}
