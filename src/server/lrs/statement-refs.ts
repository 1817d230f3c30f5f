// Statements stored before the statement they target (Communication 2.1.3.s3, 2.1.4.s1.b2): when
// the target arrives, every statement that targets it, directly or through a chain, must
// become findable by the target's filters too, and a voiding one voids it. The `ref` column
// (indexed where set) says which statement each StatementRef statement targets.
import type { Sql } from "../db/sql.ts";
import { MAX_REF_CHAIN } from "./statement-index.ts";

export interface Referrer {
  seq: number;
  id: string;
  /** The referrer voids its target (verb voided). */
  voiding: boolean;
}

type Row = { seq: number | string; id: string; ref: string; voids: string | null };

async function referrersIn(tx: Sql, targets: readonly string[]): Promise<Map<string, Referrer[]>> {
  const found = new Map<string, Referrer[]>();
  for (let i = 0; i < targets.length; i += 500) {
    const chunk = targets.slice(i, i + 500);
    const rows = await tx.all<Row>(
      `SELECT seq, id, ref, voids FROM lrs_statements WHERE ref IN (${chunk.map(() => "?").join(", ")})`,
      chunk,
    );
    for (const r of rows) {
      const list = found.get(r.ref) ?? [];
      list.push({ seq: Number(r.seq), id: r.id, voiding: r.voids !== null });
      found.set(r.ref, list);
    }
  }
  return found;
}

/**
 * Who targets whom, for one insert transaction: the stored statements targeting the batch's
 * ids (read once, up front: one indexed query for the whole batch, usually finding nothing),
 * plus the batch's own StatementRef statements as they are inserted.
 */
export class Referrers {
  private readonly tx: Sql;
  private readonly known: Map<string, Referrer[]>;
  private readonly batch = new Map<string, Referrer[]>();

  private constructor(tx: Sql, known: Map<string, Referrer[]>) {
    this.tx = tx;
    this.known = known;
  }

  static async of(tx: Sql, ids: readonly string[]): Promise<Referrers> {
    const found = await referrersIn(tx, ids);
    for (const id of ids) if (!found.has(id)) found.set(id, []);
    return new Referrers(tx, found);
  }

  /** Whether a stored voiding statement targets `id` (it arrived before its target). */
  voidedBeforehand(id: string): boolean {
    return (this.known.get(id) ?? []).some((r) => r.voiding);
  }

  /** Records a statement of this batch that targets `target`. */
  add(target: string, referrer: Referrer): void {
    const list = this.batch.get(target) ?? [];
    list.push(referrer);
    this.batch.set(target, list);
  }

  private async direct(id: string): Promise<Referrer[]> {
    if (!this.known.has(id)) this.known.set(id, (await referrersIn(this.tx, [id])).get(id) ?? []);
    return [...(this.known.get(id) ?? []), ...(this.batch.get(id) ?? [])];
  }

  /** The seqs of every statement targeting `id`, directly or through a chain of them. */
  async closure(id: string): Promise<number[]> {
    const seqs = new Set<number>();
    let level = [id];
    const visited = new Set(level);
    for (let depth = 0; depth < MAX_REF_CHAIN && level.length > 0; depth++) {
      const next: string[] = [];
      for (const target of level) {
        for (const r of await this.direct(target)) {
          seqs.add(r.seq);
          if (!visited.has(r.id)) {
            visited.add(r.id);
            next.push(r.id);
          }
        }
      }
      level = next;
    }
    return [...seqs];
  }
}
