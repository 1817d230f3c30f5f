// The projection is derived data: it can always be rebuilt from the statements the LRS keeps
// (`adal reports rebuild`), e.g. after an upgrade that changes its shape or after ADAL_ORIGIN
// changed (every row is keyed on the origin of the learners' accounts). report_meta records
// which origin and projection version the rows were built for, so a stale projection is shown
// as such instead of silently giving wrong figures.
import type { Sql } from "../db/sql.ts";
import { PROJECTION_VERSION } from "./schema.ts";
import { type ProjectionOptions, ReportProjection } from "./store.ts";

export interface ProjectionState {
  /** Null when the rows match this origin and version; otherwise why they do not. */
  stale: string | null;
}

async function meta(sql: Sql): Promise<Map<string, string>> {
  const rows = await sql.all<{ key: string; value: string }>("SELECT key, value FROM report_meta");
  return new Map(rows.map((r) => [r.key, r.value]));
}

async function stamp(sql: Sql, origin: string): Promise<void> {
  await sql.transaction(async (tx) => {
    await tx.run("DELETE FROM report_meta");
    await tx.run("INSERT INTO report_meta (key, value) VALUES ('origin', ?), ('version', ?)", [
      origin,
      String(PROJECTION_VERSION),
    ]);
  });
}

/**
 * Checks (at start-up) that the projection was built for this origin and version. A database
 * without statements is stamped as current; one whose statements predate the projection is not.
 */
export async function projectionState(sql: Sql, origin: string): Promise<ProjectionState> {
  const m = await meta(sql);
  if (m.size === 0) {
    const any = await sql.get("SELECT 1 AS one FROM lrs_statements LIMIT 1");
    if (!any) {
      await stamp(sql, origin);
      return { stale: null };
    }
    return { stale: "The report tables were built by an older version of Adal." };
  }
  if (m.get("version") !== String(PROJECTION_VERSION))
    return {
      stale: `The report tables are of version ${m.get("version")}, not ${PROJECTION_VERSION}.`,
    };
  if (m.get("origin") !== origin)
    return { stale: `The report tables were built for ${m.get("origin")}, not ${origin}.` };
  return { stale: null };
}

/**
 * Rebuilds the projection from every statement that is not voided, in the order the LRS stored
 * them (so attempt numbers come out as they did live). Works in pages, each its own
 * transaction; run it while the server is stopped, or reports fill in as it goes.
 */
export async function rebuildProjection(
  sql: Sql,
  origin: string,
  options: ProjectionOptions & { page?: number; onProgress?: (statements: number) => void },
): Promise<{ statements: number; projected: number }> {
  const page = options.page ?? 2000;
  const projection = new ReportProjection(sql, origin, options);
  await projection.clear();
  let after = 0;
  let statements = 0;
  let projected = 0;
  for (;;) {
    const rows = await sql.all<{ seq: number | string; body: string }>(
      "SELECT seq, body FROM lrs_statements WHERE seq > ? AND voided = 0 ORDER BY seq LIMIT ?",
      [after, page],
    );
    if (rows.length === 0) break;
    after = Number(rows.at(-1)?.seq);
    const parsed = rows.map((r) => JSON.parse(r.body) as Record<string, unknown>);
    projected += await projection.ingest(parsed);
    statements += rows.length;
    options.onProgress?.(statements);
  }
  await stamp(sql, origin);
  return { statements, projected };
}
