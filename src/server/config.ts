import { z } from "zod";

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
  /** Public origin (account homePage of learners, links in certificates). */
  ADAL_ORIGIN: z.string().url().optional(),
  ADAL_DEMO_PASSWORD: z.string().min(8).optional(),
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
  const result = configSchema.safeParse(env);
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
