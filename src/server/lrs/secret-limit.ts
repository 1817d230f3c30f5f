// Failed secret checks of HTTP Basic credentials, limited. A wrong secret for an existing key
// costs a scrypt derivation (tens of milliseconds of CPU, by design), so without a limit anyone
// who knows a key, which is no secret, could keep the server's CPU busy for free. Failures are
// counted per key and client address (one client guessing) and per key (many addresses); past
// either limit the secret is not checked at all until the window ends: 429 with Retry-After
// (Communication 3.2.s3.b13). A secret already verified is recognised without scrypt
// (credentials.ts), so its own client keeps working while someone else is being refused.
// In memory: per process, forgotten on restart.

export interface SecretLimits {
  /** Failed checks of one key from one address per window. */
  perKeyAndAddress: number;
  /** Failed checks of one key from all addresses together per window. */
  perKey: number;
  windowMs: number;
}

export const DEFAULT_SECRET_LIMITS: SecretLimits = {
  perKeyAndAddress: 10,
  perKey: 60,
  windowMs: 60_000,
};

export class SecretCheckLimiter {
  readonly limits: SecretLimits;
  private readonly counts = new Map<string, { start: number; failures: number }>();

  constructor(limits: SecretLimits = DEFAULT_SECRET_LIMITS) {
    this.limits = limits;
  }

  private buckets(key: string, address: string | null): [string, number][] {
    return [
      [`${key}\n${address ?? "unknown"}`, this.limits.perKeyAndAddress],
      [key, this.limits.perKey],
    ];
  }

  /** Seconds until a secret of `key` from `address` may be checked again; 0 when it may now. */
  wait(key: string, address: string | null, now: number): number {
    let wait = 0;
    for (const [bucket, limit] of this.buckets(key, address)) {
      const entry = this.counts.get(bucket);
      if (entry && now - entry.start < this.limits.windowMs && entry.failures >= limit)
        wait = Math.max(wait, Math.ceil((entry.start + this.limits.windowMs - now) / 1000));
    }
    return wait;
  }

  /** Counts a failed check. */
  failed(key: string, address: string | null, now: number): void {
    for (const [bucket] of this.buckets(key, address)) {
      const entry = this.counts.get(bucket);
      if (!entry || now - entry.start >= this.limits.windowMs)
        this.counts.set(bucket, { start: now, failures: 1 });
      else entry.failures += 1;
    }
    if (this.counts.size > 10_000) {
      for (const [bucket, entry] of this.counts)
        if (now - entry.start >= this.limits.windowMs) this.counts.delete(bucket);
    }
  }
}
