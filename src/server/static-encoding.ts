// Compressed copies and validators of the site's files. Officers read on phones over poor
// connections: text files go out brotli- or gzip-compressed (the search index shrinks from
// ~160 KB to ~36 KB), and every file carries an ETag so that a revalidation (pages are served
// `no-cache`) costs a 304 instead of the whole page.
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

export type Encoding = "br" | "gzip" | "identity";

/** Files smaller than this gain too little from compression to be worth a variant. */
const MIN_BYTES = 1024;

const COMPRESSIBLE = /^(?:text\/|application\/(?:json|xml|manifest\+json)|image\/svg\+xml)/u;

export interface EncodedFile {
  etag: string;
  variants: Partial<Record<Encoding, Uint8Array>> & { identity: Uint8Array };
}

/** The file's ETag and, for text types, its brotli and gzip copies (computed off the main thread). */
export async function encodeFile(body: Uint8Array, type: string): Promise<EncodedFile> {
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`;
  const variants: EncodedFile["variants"] = { identity: body };
  if (body.byteLength >= MIN_BYTES && COMPRESSIBLE.test(type)) {
    const [br, gzipped] = await Promise.all([
      brotli(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
        },
      }),
      gz(body, { level: 9 }),
    ]);
    if (br.byteLength < body.byteLength) variants.br = new Uint8Array(br);
    if (gzipped.byteLength < body.byteLength) variants.gzip = new Uint8Array(gzipped);
  }
  return { etag, variants };
}

/**
 * The encoding to answer with: the client's most preferred one that a copy exists for,
 * brotli before gzip on a tie (RFC 9110 §12.5.3; `q=0` refuses a coding).
 */
export function chooseEncoding(
  acceptEncoding: string | undefined,
  available: readonly Encoding[],
): Encoding {
  const weights = new Map<string, number>();
  for (const part of (acceptEncoding ?? "").split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const weight = q ? Number(q.slice(2)) : 1;
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (coding: Encoding) => weights.get(coding) ?? weights.get("*") ?? 0;
  let best: Encoding = "identity";
  let bestWeight = 0;
  for (const coding of ["br", "gzip"] as const) {
    if (!available.includes(coding)) continue;
    const weight = weightOf(coding);
    if (weight > bestWeight) {
      best = coding;
      bestWeight = weight;
    }
  }
  return best;
}

/** Whether an If-None-Match header names this ETag (weak comparison, RFC 9110 §13.1.2). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  return ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//u, "") === etag);
}
