// Statements on the shared SQL port: immutable inserts (same id + same content is a no-op,
// different content a 409), voiding, and the filtered, paged queries of GET /statements.
import { LOCK_SPACE, lockNames } from "../db/lock.ts";
import type { Sql, SqlValue } from "../db/sql.ts";
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
  collectIndexRows,
  type IndexRows,
  insertIndexRows,
  newIndexRows,
} from "./statement-index.ts";
import { isVoiding, voidedTargets } from "./voiding.ts";

export interface StatementQuery {
  agent?: string | undefined;
  verb?: string | undefined;
  activity?: string | undefined;
  registration?: string | undefined;
  relatedActivities?: boolean;
  relatedAgents?: boolean;
  since?: string | undefined;
  until?: string | undefined;
  limit: number;
  ascending?: boolean;
  /** Paging cursor: the last seq already returned. */
  after?: number | undefined;
  /** statements/read/mine: only statements with this authority. */
  authority?: string | undefined;
  /** Policy restriction: only statements whose actor/object is one of these agents. */
  agentsAnyOf?: readonly string[] | undefined;
}

export interface QueryPage {
  statements: Statement[];
  /** Cursor for the next page, or null when this is the last one. */
  next: number | null;
}

type StatementRow = { seq: number | string; body: string };

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
    const targets = statements.filter(isVoiding).map((s) => (s.object as { id: string }).id);
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
      // PostgreSQL: a statement and the one voiding it may arrive in two transactions at
      // once; both lock the target's id, so the second sees the first and voids correctly.
      await lockNames(tx, LOCK_SPACE.statement, [...ids, ...targets]);
      const voidedLater = await voidedTargets(tx, ids);
      const stored: Statement[] = [];
      const voidedOnArrival: Statement[] = [];
      const rows = newIndexRows();
      const definitions = new Map<string, ActivityDefinition>();
      for (const statement of statements) {
        const voided = !isVoiding(statement) && voidedLater.has(statement.id ?? "");
        if (!(await this.insertOne(tx, statement, rows, voided))) continue;
        (voided ? voidedOnArrival : stored).push(statement);
        if (isVoiding(statement)) voidedLater.add((statement.object as { id: string }).id);
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

  /** Inserts one statement; false when the same statement was already stored (a resend). */
  private async insertOne(
    tx: Sql,
    statement: Statement,
    rows: IndexRows,
    voidedOnArrival: boolean,
  ): Promise<boolean> {
    const id = statement.id ?? "";
    const object = statement.object as { objectType?: string; id?: string };
    let voids: string | null = null;
    if (isVoiding(statement) && object.id) {
      const target = await tx.get<{ verb: string }>(
        "SELECT verb FROM lrs_statements WHERE id = ?",
        [object.id],
      );
      if (target?.verb === VOIDED_VERB)
        throw new XapiError(
          400,
          `Statement ${id} tries to void a voiding statement (${object.id}).`,
        );
      voids = object.id;
    }
    const authority = statement.authority ? agentIfi(statement.authority) : null;
    // The common case, a new id, costs one statement; only a clash reads the stored one.
    const row = await tx.get<{ seq: number | string }>(
      `INSERT INTO lrs_statements (id, body, verb, registration, stored, authority, voids, voided)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING RETURNING seq`,
      [
        id,
        JSON.stringify(statement),
        statement.verb.id,
        statement.context?.registration?.toLowerCase() ?? null,
        statement.stored ?? "",
        authority,
        voids,
        voidedOnArrival ? 1 : 0,
      ],
    );
    if (!row) {
      const existing = await tx.get<{ body: string }>(
        "SELECT body FROM lrs_statements WHERE id = ?",
        [id],
      );
      if (existing && sameStatement(JSON.parse(existing.body) as Statement, statement))
        return false;
      throw new XapiError(
        409,
        `Statement ${id} already exists with different content; statements are immutable.`,
      );
    }
    const seq = Number(row.seq);
    if (voids)
      await tx.run("UPDATE lrs_statements SET voided = 1 WHERE id = ? AND verb <> ?", [
        voids,
        VOIDED_VERB,
      ]);

    await collectIndexRows(tx, statement, seq, rows);
    if (statement.actor.objectType !== "Group") {
      const ifi = agentIfi(statement.actor);
      if (ifi) rows.people.set(ifi, JSON.stringify(statement.actor as Agent));
    }
    return true;
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

  async query(q: StatementQuery): Promise<QueryPage> {
    // The most selective filter drives the query from its index (agent or activity side
    // table, else registration or verb on the statements table); the others are checks.
    const from: string[] = ["lrs_statements s"];
    const where: string[] = ["s.voided = 0"];
    const params: SqlValue[] = [];
    let order = "s.seq";
    const related = (flag: boolean | undefined) => (flag ? "IN (0, 1)" : "= 0");
    if (q.agent) {
      from.unshift("lrs_statement_agents a");
      where.unshift(`a.ifi = ? AND a.related ${related(q.relatedAgents)} AND s.seq = a.seq`);
      params.push(q.agent);
      order = "a.seq";
    }
    if (q.activity) {
      const driving = !q.agent;
      if (driving) {
        from.unshift("lrs_statement_activities t");
        where.unshift(
          `t.activity = ? AND t.related ${related(q.relatedActivities)} AND s.seq = t.seq`,
        );
        order = "t.seq";
      } else {
        where.push(
          `EXISTS (SELECT 1 FROM lrs_statement_activities t WHERE t.activity = ? AND t.related ${related(q.relatedActivities)} AND t.seq = s.seq)`,
        );
      }
      params.push(q.activity);
    }
    const tail: SqlValue[] = [];
    const add = (clause: string, value: SqlValue) => {
      where.push(clause);
      tail.push(value);
    };
    if (q.verb) add("s.verb = ?", q.verb);
    if (q.registration) add("s.registration = ?", q.registration.toLowerCase());
    if (q.since) add("s.stored > ?", q.since);
    if (q.until) add("s.stored <= ?", q.until);
    if (q.authority) add("s.authority = ?", q.authority);
    if (q.agentsAnyOf) {
      const list = q.agentsAnyOf.length > 0 ? q.agentsAnyOf : ["\u0000none"];
      where.push(
        `EXISTS (SELECT 1 FROM lrs_statement_agents r WHERE r.related = 0 AND r.seq = s.seq AND r.ifi IN (${list.map(() => "?").join(", ")}))`,
      );
      tail.push(...list);
    }
    if (q.after !== undefined) add(`${order} ${q.ascending ? ">" : "<"} ?`, q.after);
    const rows = await this.sql.all<StatementRow>(
      `SELECT s.seq, s.body FROM ${from.join(", ")} WHERE ${where.join(" AND ")} ORDER BY ${order} ${q.ascending ? "ASC" : "DESC"} LIMIT ?`,
      [...params, ...tail, q.limit + 1],
    );
    const page = rows.slice(0, q.limit);
    return {
      statements: page.map((r) => JSON.parse(r.body) as Statement),
      next: rows.length > q.limit ? Number(page.at(-1)?.seq) : null,
    };
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
