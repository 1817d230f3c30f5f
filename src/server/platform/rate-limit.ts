// A fixed-window counter per key (client address): enough to blunt password guessing from
// one place, on top of the per-account lockout. In memory: one process, reset on restart.

export class RateLimiter {
  readonly limit: number;
  readonly windowMs: number;
  private readonly hits = new Map<string, { start: number; count: number }>();

  constructor(limit: number, windowMs: number) {
    this.limit = limit;
    this.windowMs = windowMs;
  }

  /** Counts a hit; returns the seconds to wait when over the limit, else 0. */
  hit(key: string, now: number): number {
    const entry = this.hits.get(key);
    if (!entry || now - entry.start >= this.windowMs) {
      this.hits.set(key, { start: now, count: 1 });
      if (this.hits.size > 10_000) this.sweep(now);
      return 0;
    }
    entry.count += 1;
    return entry.count > this.limit ? Math.ceil((entry.start + this.windowMs - now) / 1000) : 0;
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.hits)
      if (now - entry.start >= this.windowMs) this.hits.delete(key);
  }
}
