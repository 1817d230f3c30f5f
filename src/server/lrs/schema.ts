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
  {
    // StatementRef filtering (Communication 2.1.3.s3): every non-time filter gets a side table
    // (verb and registration join agents and activities), so a statement targeting another
    // holds its target's values as rows of its own; `ref` (indexed where set) says whom a
    // statement targets, so a target arriving later finds the statements waiting for it.
    // Existing chains are completed here, late targets included. The verb and registration
    // indexes of lrs_statements give way to the side tables, the voids index to the ref one.
    version: 5,
    statements: (dialect) => {
      const withoutRowid = dialect === "sqlite" ? " WITHOUT ROWID" : "";
      const json = (path: "objectType" | "id") =>
        dialect === "sqlite"
          ? `json_extract(body, '$.object.${path}')`
          : `(body::jsonb -> 'object' ->> '${path}')`;
      const chain = `WITH RECURSIVE chain(seq, target) AS (
          SELECT seq, ref FROM lrs_statements WHERE ref IS NOT NULL
          UNION
          SELECT c.seq, t.ref FROM chain c JOIN lrs_statements t ON t.id = c.target WHERE t.ref IS NOT NULL
        )`;
      const fromChain = "FROM chain c JOIN lrs_statements t ON t.id = c.target";
      return [
        "ALTER TABLE lrs_statements ADD COLUMN ref TEXT",
        `UPDATE lrs_statements SET ref = lower(${json("id")})
         WHERE body LIKE '%StatementRef%' AND ${json("objectType")} = 'StatementRef'`,
        "CREATE INDEX lrs_statements_ref ON lrs_statements (ref) WHERE ref IS NOT NULL",
        "DROP INDEX lrs_statements_voids",
        `CREATE TABLE lrs_statement_verbs (
          verb TEXT NOT NULL, seq BIGINT NOT NULL, PRIMARY KEY (verb, seq))${withoutRowid}`,
        `CREATE TABLE lrs_statement_registrations (
          registration TEXT NOT NULL, seq BIGINT NOT NULL, PRIMARY KEY (registration, seq))${withoutRowid}`,
        "INSERT INTO lrs_statement_verbs (verb, seq) SELECT verb, seq FROM lrs_statements",
        `INSERT INTO lrs_statement_registrations (registration, seq)
         SELECT registration, seq FROM lrs_statements WHERE registration IS NOT NULL`,
        `${chain} INSERT INTO lrs_statement_verbs (verb, seq)
         SELECT t.verb, c.seq ${fromChain} WHERE 1 = 1 ON CONFLICT DO NOTHING`,
        `${chain} INSERT INTO lrs_statement_registrations (registration, seq)
         SELECT t.registration, c.seq ${fromChain} WHERE t.registration IS NOT NULL ON CONFLICT DO NOTHING`,
        `${chain} INSERT INTO lrs_statement_agents (seq, ifi, related)
         SELECT c.seq, a.ifi, a.related ${fromChain} JOIN lrs_statement_agents a ON a.seq = t.seq
         WHERE 1 = 1 ON CONFLICT DO NOTHING`,
        `${chain} INSERT INTO lrs_statement_activities (seq, activity, related)
         SELECT c.seq, a.activity, a.related ${fromChain} JOIN lrs_statement_activities a ON a.seq = t.seq
         WHERE 1 = 1 ON CONFLICT DO NOTHING`,
        "DROP INDEX lrs_statements_verb",
        "DROP INDEX lrs_statements_registration",
      ];
    },
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
