// X-Experience-API-Consistent-Through (Communication 2.1.3.s2.b5): the time before which every
// statement that has or will have a `stored` value is available. A statement's `stored` is
// read from the clock before its insert transaction commits, so while an insert is in flight,
// "now" would be too optimistic (on PostgreSQL a slow writer can commit an earlier `stored`
// after a reader was told it had everything up to now). The answer is therefore the earliest
// `stored` still being written by this process, or now when nothing is. Writes in flight in
// another server process sharing the database are not seen (docs/lrs.md), and an insert made
// inside a larger transaction (the exam's grading) counts until the insert returns, a moment
// before that transaction commits.

/** `stored` of each insert in progress in this process (all StatementStore instances). */
const inFlight = new Map<symbol, string>();

/** Marks a write of statements stored at `stored` (ISO, UTC) as in flight; call the result when it ends. */
export function beginWrite(stored: string): () => void {
  const token = Symbol("write");
  inFlight.set(token, stored);
  return () => inFlight.delete(token);
}

/** The Consistent-Through value at `now`. */
export function consistentThrough(now: Date): string {
  let earliest = now.toISOString();
  for (const stored of inFlight.values()) if (stored < earliest) earliest = stored;
  return earliest;
}
