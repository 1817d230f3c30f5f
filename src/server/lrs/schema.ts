import type { Migration } from "../db/migrate.ts";
import type { Sql } from "../db/sql.ts";
import { documentKeyHash, documentPlaceHash } from "./document-keys.ts";

/**
 * The LRS's tables. Statements keep their full stored JSON plus plain, indexed columns for the
 * filters of GET /statements; agents and activities a statement mentions are indexed in side
 * tables with a `related` flag (0 = actor/object, the `agent`/`activity` filters; 1 = any other
 * place, reached only with related_agents/related_activities). `seq` orders and pages results.
 */
export const lrsMigrations: Migration[] = [
  {
    version: 1,
    statements: (dialect) => {
      const serial =
        dialect === "postgres" ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT";
      const blob = dialect === "postgres" ? "BYTEA" : "BLOB";
      return [
        `CREATE TABLE lrs_statements (
          seq ${serial},
          id TEXT NOT NULL UNIQUE,
          body TEXT NOT NULL,
          verb TEXT NOT NULL,
          registration TEXT,
          stored TEXT NOT NULL,
          authority TEXT,
          voided INTEGER NOT NULL DEFAULT 0,
          voids TEXT
        )`,
        "CREATE INDEX lrs_statements_verb ON lrs_statements (verb, seq)",
        "CREATE INDEX lrs_statements_registration ON lrs_statements (registration, seq)",
        "CREATE INDEX lrs_statements_stored ON lrs_statements (stored)",
        "CREATE INDEX lrs_statements_authority ON lrs_statements (authority, seq)",
        `CREATE TABLE lrs_statement_agents (
          seq BIGINT NOT NULL,
          ifi TEXT NOT NULL,
          related INTEGER NOT NULL,
          PRIMARY KEY (ifi, related, seq)
        )`,
        `CREATE TABLE lrs_statement_activities (
          seq BIGINT NOT NULL,
          activity TEXT NOT NULL,
          related INTEGER NOT NULL,
          PRIMARY KEY (activity, related, seq)
        )`,
        `CREATE TABLE lrs_attachments (
          sha2 TEXT PRIMARY KEY,
          content_type TEXT NOT NULL,
          body ${blob} NOT NULL
        )`,
        `CREATE TABLE lrs_documents (
          kind TEXT NOT NULL,
          activity TEXT NOT NULL,
          agent TEXT NOT NULL,
          registration TEXT NOT NULL,
          doc_id TEXT NOT NULL,
          content_type TEXT NOT NULL,
          body ${blob} NOT NULL,
          etag TEXT NOT NULL,
          updated TEXT NOT NULL,
          PRIMARY KEY (kind, activity, agent, registration, doc_id)
        )`,
        `CREATE TABLE lrs_activities (
          id TEXT PRIMARY KEY,
          definition TEXT NOT NULL
        )`,
        `CREATE TABLE lrs_agents (
          ifi TEXT PRIMARY KEY,
          agent TEXT NOT NULL
        )`,
        `CREATE TABLE lrs_credentials (
          key TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          secret_hash TEXT NOT NULL,
          scopes TEXT NOT NULL,
          created_at TEXT NOT NULL,
          revoked_at TEXT
        )`,
      ];
    },
  },
  {
    // SQLite: the index side tables become WITHOUT ROWID, so each row is one B-tree insert
    // (its primary key) instead of two (the rowid table and the key's index). PostgreSQL has
    // no rowid; nothing changes there.
    version: 2,
    statements: (dialect) =>
      dialect === "postgres"
        ? []
        : [
            ...rebuildWithoutRowid(
              "lrs_statement_agents",
              "seq BIGINT NOT NULL, ifi TEXT NOT NULL, related INTEGER NOT NULL, PRIMARY KEY (ifi, related, seq)",
              "seq, ifi, related",
            ),
            ...rebuildWithoutRowid(
              "lrs_statement_activities",
              "seq BIGINT NOT NULL, activity TEXT NOT NULL, related INTEGER NOT NULL, PRIMARY KEY (activity, related, seq)",
              "seq, activity, related",
            ),
            ...rebuildWithoutRowid(
              "lrs_agents",
              "ifi TEXT PRIMARY KEY, agent TEXT NOT NULL",
              "ifi, agent",
            ),
          ],
  },
  {
    // A statement may arrive after the statement voiding it: each insert looks up whether a
    // stored voiding statement targets its id. Partial, so it holds only voiding statements.
    version: 3,
    statements: [
      "CREATE INDEX lrs_statements_voids ON lrs_statements (voids) WHERE voids IS NOT NULL",
    ],
  },
  {
    // Documents are keyed by hashes of their place (document-keys.ts): the full key may be
    // longer than a PostgreSQL index entry holds. The table is rebuilt with the hashes
    // computed for every stored document.
    version: 4,
    statements: (dialect) => [
      `CREATE TABLE lrs_documents_v4 (
        key_hash TEXT PRIMARY KEY,
        place_hash TEXT NOT NULL,
        kind TEXT NOT NULL,
        activity TEXT NOT NULL,
        agent TEXT NOT NULL,
        registration TEXT NOT NULL,
        doc_id TEXT NOT NULL,
        content_type TEXT NOT NULL,
        body ${dialect === "postgres" ? "BYTEA" : "BLOB"} NOT NULL,
        etag TEXT NOT NULL,
        updated TEXT NOT NULL
      )`,
    ],
    run: rehashDocuments,
  },
];

async function rehashDocuments(tx: Sql): Promise<void> {
  const keys = await tx.all<{
    kind: string;
    activity: string;
    agent: string;
    registration: string;
    doc_id: string;
  }>("SELECT kind, activity, agent, registration, doc_id FROM lrs_documents");
  for (const k of keys) {
    await tx.run(
      `INSERT INTO lrs_documents_v4 (key_hash, place_hash, kind, activity, agent, registration, doc_id, content_type, body, etag, updated)
       SELECT ?, ?, kind, activity, agent, registration, doc_id, content_type, body, etag, updated
       FROM lrs_documents WHERE kind = ? AND activity = ? AND agent = ? AND registration = ? AND doc_id = ?`,
      [
        documentKeyHash(k.kind, k.activity, k.agent, k.registration, k.doc_id),
        documentPlaceHash(k.kind, k.activity, k.agent),
        k.kind,
        k.activity,
        k.agent,
        k.registration,
        k.doc_id,
      ],
    );
  }
  await tx.run("DROP TABLE lrs_documents");
  await tx.run("ALTER TABLE lrs_documents_v4 RENAME TO lrs_documents");
  await tx.run("CREATE INDEX lrs_documents_place ON lrs_documents (place_hash, registration)");
}

function rebuildWithoutRowid(table: string, columns: string, names: string): string[] {
  return [
    `CREATE TABLE ${table}_new (${columns}) WITHOUT ROWID`,
    `INSERT INTO ${table}_new (${names}) SELECT ${names} FROM ${table}`,
    `DROP TABLE ${table}`,
    `ALTER TABLE ${table}_new RENAME TO ${table}`,
  ];
}
