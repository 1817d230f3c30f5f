import { isIP } from "node:net";
import { z } from "zod";

const empty = (value: unknown) => (value === "" ? undefined : value);

/** A size in bytes: 8388608, or with a binary unit, 8MiB / 512KiB / 1GiB (K, M, G also). */
function bytes(min: number, max: number) {
  return z.preprocess((value) => {
    if (typeof value !== "string" || value.trim() === "") return undefined;
    const m = /^(\d+)\s*(?:([KMG])(?:i?B)?)?$/iu.exec(value.trim());
    if (!m) return Number.NaN;
    const unit = { K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[(m[2] ?? "").toUpperCase()] ?? 1;
    return Number(m[1]) * unit;
  }, z
    .number({ message: "a size in bytes, e.g. 8388608 or 8MiB" })
    .int()
    .min(min, `at least ${min} bytes`)
    .max(max, `at most ${max} bytes`)
    .optional());
}

/** Server configuration from the environment, validated with messages that name the variable. */
export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4321),
  HOST: z.string().default("0.0.0.0"),
  /** PostgreSQL connection string; when unset or empty the embedded SQLite file is used. */
  DATABASE_URL: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.string().url().optional(),
  ),
  ADAL_DB: z.string().default("data/adal.sqlite"),
  /** NORMAL survives a crash or kill -9 of the process (WAL); FULL also a power cut. */
  ADAL_SQLITE_SYNC: z.enum(["NORMAL", "FULL"]).default("NORMAL"),
  ADAL_STATIC_DIR: z.string().default("dist"),
  ADAL_QUIZ_DIR: z.string().default("quizzes"),
  /**
   * The practice banks the site was built from (the build always reads quizzes/practice), so
   * that reports count answers only on items that exist, with their own clauses.
   */
  ADAL_PRACTICE_DIR: z.string().default("quizzes/practice"),
  /** Public origin (account homePage of learners, links in certificates). */
  ADAL_ORIGIN: z.string().url().optional(),
  ADAL_DEMO_PASSWORD: z.string().min(8).optional(),
  /**
   * On the first `npm start`, besides the demo people: this many synthetic learners with a
   * year of history (lessons, practice, exams), so a training officer's dashboard has
   * something to show. 0 for none.
   */
  ADAL_DEMO_HISTORY: z.coerce.number().int().min(0).max(20_000).default(150),
  /**
   * Addresses of reverse proxies (comma-separated IPs) whose X-Forwarded-For is believed for
   * the client address of the sign-in limit; from anyone else the header is ignored.
   */
  ADAL_TRUSTED_PROXIES: z.preprocess(
    (value) =>
      typeof value === "string"
        ? value
            .split(",")
            .map((a) => a.trim())
            .filter(Boolean)
        : [],
    z.array(
      z.string().refine((a) => isIP(a) !== 0, { message: "must be IP addresses, comma-separated" }),
    ),
  ),
  /** Minutes without a request after which a session ends (besides its 12-hour lifetime). */
  ADAL_SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(720).default(120),
  /** Seconds between sweeps that grade exam attempts past their deadline (0 = no sweep). */
  ADAL_SWEEP_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  /** PEM files of the key and X.509 certificate that sign exam results (JWS RS256); both or neither. */
  ADAL_SIGNING_KEY: z.preprocess(empty, z.string().optional()),
  ADAL_SIGNING_CERT: z.preprocess(empty, z.string().optional()),
  /**
   * LRS size limits (src/server/lrs/limits.ts; unset = the default): JSON bodies and
   * documents (8 MiB), multipart statements with attachments (32 MiB), alternate-syntax forms
   * (3 × the JSON limit), statements per batch (1,000), statements per page (1,000).
   */
  ADAL_LRS_MAX_JSON_BYTES: bytes(64 * 1024, 1024 ** 3),
  ADAL_LRS_MAX_MULTIPART_BYTES: bytes(64 * 1024, 4 * 1024 ** 3),
  ADAL_LRS_MAX_FORM_BYTES: bytes(64 * 1024, 4 * 1024 ** 3),
  ADAL_LRS_MAX_BATCH: z.preprocess(empty, z.coerce.number().int().min(1).max(100_000).optional()),
  ADAL_LRS_MAX_PAGE: z.preprocess(empty, z.coerce.number().int().min(1).max(10_000).optional()),
  /** IANA time zone of the reports' months, date filters and dates (Kazakhstan: Asia/Almaty). */
  ADAL_TIMEZONE: z
    .string()
    .default("Asia/Almaty")
    .refine(isTimeZone, "an IANA time zone such as Asia/Almaty or Asia/Aqtobe"),
});

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export type Config = z.infer<typeof configSchema> & { origin: string };

export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = configSchema
    .refine((c) => !c.ADAL_SIGNING_KEY === !c.ADAL_SIGNING_CERT, {
      path: ["ADAL_SIGNING_KEY"],
      message:
        "set ADAL_SIGNING_KEY and ADAL_SIGNING_CERT together (paths to PEM files), or neither",
    })
    .safeParse(env);
  if (!result.success) {
    const problems = result.error.issues
      .map((i) => `${i.path.join(".")}: ${i.message}`)
      .join("\n  ");
    throw new Error(`Invalid configuration:\n  ${problems}`);
  }
  const origin = (result.data.ADAL_ORIGIN ?? `http://localhost:${result.data.PORT}`).replace(
    /\/$/u,
    "",
  );
  return { ...result.data, origin };
}
