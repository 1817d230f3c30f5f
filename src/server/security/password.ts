// Password and secret hashing with scrypt (memory-hard; built into Node, no native addon).
// Stored form: `scrypt$<N>$<r>$<p>$<salt b64>$<hash b64>`, so the cost can be raised without
// invalidating existing hashes: a sign-in that verifies an older, cheaper hash stores a new
// one at the current cost (needsRehash).
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/**
 * People's passwords: OWASP's recommendation for scrypt (N=2^17, r=8, p=1), 128 MiB and about
 * 0.4 s of one core per hash. Tests inject a cheaper cost (AccountStore's `passwordCost`),
 * never production code.
 */
export const PASSWORD_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };

/**
 * Credential secrets are 192 random bits, which no stretching makes harder to guess; they get
 * the former cost, enough to keep a leaked table from being replayed, without 128 MiB per
 * verification (which the credential store caches anyway).
 */
export const SECRET_COST: ScryptCost = { N: 2 ** 14, r: 8, p: 1 };

/** The costliest parameters a stored hash may ask for (a corrupt row must not exhaust memory). */
const MAX_N = 2 ** 20;
const KEY_LENGTH = 32;

function derive(secret: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      secret.normalize("NFC"),
      salt,
      KEY_LENGTH,
      // scrypt needs 128·N·r bytes; maxmem must be above it or Node refuses.
      { N: cost.N, r: cost.r, p: cost.p, maxmem: 128 * cost.N * cost.r + 32 * 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

export async function hashPassword(
  secret: string,
  cost: ScryptCost = PASSWORD_COST,
): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(secret, salt, cost);
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

/** The parameters of a stored hash, or null when it is not one of ours. */
function parse(stored: string): { cost: ScryptCost; salt: string; hash: string } | null {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (scheme !== "scrypt" || !salt || !hash) return null;
  const valid =
    Number.isInteger(cost.N) && cost.N > 1 && cost.N <= MAX_N && (cost.N & (cost.N - 1)) === 0;
  if (!valid || !(cost.r >= 1 && cost.r <= 32) || !(cost.p >= 1 && cost.p <= 16)) return null;
  return { cost, salt, hash };
}

/** Constant-time check of a secret against a stored hash; false for any malformed hash. */
export async function verifyPassword(secret: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const expected = Buffer.from(parsed.hash, "base64");
  const actual = await derive(secret, Buffer.from(parsed.salt, "base64"), parsed.cost);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** True when a stored hash is cheaper than `cost` in any parameter: hash it again. */
export function needsRehash(stored: string, cost: ScryptCost = PASSWORD_COST): boolean {
  const parsed = parse(stored);
  if (!parsed) return true;
  return parsed.cost.N < cost.N || parsed.cost.r < cost.r || parsed.cost.p < cost.p;
}

/** A random URL-safe token (session ids, generated passwords, credential keys). */
export function randomToken(bytes = 24): string {
  return randomBytes(bytes).toString("base64url");
}
