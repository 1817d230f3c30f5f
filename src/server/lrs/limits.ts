// Size limits of the LRS (Communication 3.2: 413 past a limit; 3.2.s3.b16: the LRS "MUST be
// configurable to accept Attachments, Statements or documents of any reasonable size"). Each
// limit has an environment variable (config.ts); a 413 names the limit and its variable.

export interface LrsLimits {
  /** Largest JSON body: a statement, a batch, or a document (State, profiles). */
  jsonBytes: number;
  /** Largest multipart/mixed statements request (statements plus attachments). */
  multipartBytes: number;
  /**
   * Largest form body of the alternate request syntax: it carries a JSON body percent-encoded
   * (up to three bytes per byte) plus the headers; the content inside is then held to the
   * JSON limit like any other body.
   */
  formBytes: number;
  /** Most statements in one POST. */
  batch: number;
  /** Most statements in one page of GET /statements, and the page when no limit is asked. */
  pageMax: number;
}

const MiB = 1024 * 1024;

/**
 * 8 MiB of JSON holds a batch of 1,000 ordinary statements (about 1.2 KB each) with room to
 * spare. Bodies are held in memory while they are checked, so the limits also bound the memory
 * a request can take.
 */
export const DEFAULT_LIMITS: LrsLimits = {
  jsonBytes: 8 * MiB,
  multipartBytes: 32 * MiB,
  formBytes: 3 * 8 * MiB + 64 * 1024,
  batch: 1000,
  pageMax: 1000,
};

/** The environment variable that sets each limit (named in 413 messages and the README). */
export const LIMIT_VARIABLES: Record<keyof LrsLimits, string> = {
  jsonBytes: "ADAL_LRS_MAX_JSON_BYTES",
  multipartBytes: "ADAL_LRS_MAX_MULTIPART_BYTES",
  formBytes: "ADAL_LRS_MAX_FORM_BYTES",
  batch: "ADAL_LRS_MAX_BATCH",
  pageMax: "ADAL_LRS_MAX_PAGE",
};

/** Highest page size a cursor may carry, whatever the configuration (config.ts caps it too). */
export const PAGE_CAP = 10_000;

/** "8388608 bytes (8 MiB)" */
export function describeBytes(bytes: number): string {
  const mib = bytes / MiB;
  const rounded =
    mib >= 1 ? `${Number(mib.toFixed(1))} MiB` : `${Number((bytes / 1024).toFixed(1))} KiB`;
  return `${bytes} bytes (${rounded})`;
}

/**
 * The limits in force: the defaults, with every configured value in their place. The form
 * limit follows a configured JSON limit unless it is configured itself.
 */
export function resolveLimits(
  configured: { [K in keyof LrsLimits]?: number | undefined } = {},
): LrsLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(limits) as (keyof LrsLimits)[]) {
    const value = configured[key];
    if (value !== undefined) limits[key] = value;
  }
  if (configured.formBytes === undefined && configured.jsonBytes !== undefined)
    limits.formBytes = 3 * configured.jsonBytes + 64 * 1024;
  return limits;
}
