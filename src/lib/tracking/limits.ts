// Size limits of what the browser sends to an LRS. The outbox refuses a statement above
// LRS_JSON_LIMIT_BYTES when it is recorded, and packs batches to stay under it: 1 MiB, which
// any LRS the site may be pointed at is expected to take (Adal's own takes 8 MiB by default,
// ADAL_LRS_MAX_JSON_BYTES; a smaller body limit there is met by splitting batches on 413).

/** Largest JSON body (one statement, a batch, a State document) the outbox sends: 1 MiB. */
export const LRS_JSON_LIMIT_BYTES = 1024 * 1024;
/** Most statements sent in one POST (the LRS takes up to 1,000; smaller batches retry cheaper). */
export const MAX_BATCH_STATEMENTS = 50;

const encoder = new TextEncoder();

/** Bytes of `value` as the JSON body the LRS receives (UTF-8). */
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).byteLength;
}

/**
 * Groups items, in order, into batches whose JSON array body (`[a,b,…]`) fits `maxBytes` and
 * holds at most `maxCount` items. An item larger than `maxBytes` on its own gets a batch of one
 * (the caller refuses it before sending).
 */
export function packBatches<T extends { bytes: number }>(
  items: readonly T[],
  maxBytes: number = LRS_JSON_LIMIT_BYTES,
  maxCount: number = MAX_BATCH_STATEMENTS,
): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let size = 2; // the brackets
  for (const item of items) {
    const added = item.bytes + (current.length > 0 ? 1 : 0);
    if (current.length > 0 && (size + added > maxBytes || current.length >= maxCount)) {
      batches.push(current);
      current = [];
      size = 2;
    }
    size += item.bytes + (current.length > 0 ? 1 : 0);
    current.push(item);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * Size in MiB for messages, at most one decimal, with the decimal comma of Kazakh and Russian
 * ("1", "1,5"). Not Intl: a browser without Kazakh locale data would print "1.5".
 */
export function formatMegabytes(bytes: number): string {
  return String(Math.round((bytes / (1024 * 1024)) * 10) / 10).replace(".", ",");
}
