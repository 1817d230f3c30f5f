// A fixed-window counter per key (client address): enough to blunt password spraying from one
// place, on top of the per-number back-off, which is the main defence. In memory: one
// process, reset on restart. Successful sign-ins give their hit back, so an office whose
// people all sign in through one NAT address is never locked out by its own colleagues.

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

  /** Takes back a hit that turned out harmless (the sign-in succeeded). */
  refund(key: string): void {
    const entry = this.hits.get(key);
    if (entry && entry.count > 0) entry.count -= 1;
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.hits)
      if (now - entry.start >= this.windowMs) this.hits.delete(key);
  }
}
