// The `more` cursor of GET /statements: the query of the first page (filters, format,
// attachments) plus the position reached, base64url-encoded JSON. It is untrusted input like
// any other parameter: decoded against a strict schema, so a crafted cursor is a 400 (never a
// 500) and can express nothing a client could not have asked for in the first request. The
// caller's access limits are applied on every page and are never part of the cursor.
import { z } from "zod";
import { XapiError } from "../xapi/errors.ts";
import type { StatementFormat } from "../xapi/format.ts";
import { isIri, isUuid } from "../xapi/validate.ts";
import { PAGE_CAP } from "./limits.ts";
import type { StatementQuery } from "./statement-store.ts";

export interface PageRequest {
  query: StatementQuery;
  format: StatementFormat;
  attachments: boolean;
}

const iri = z.string().refine(isIri);
const utc = z.string().refine((v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/u.test(v));

const cursorSchema = z
  .object({
    v: z.literal(1),
    format: z.enum(["exact", "ids", "canonical"]),
    attachments: z.boolean(),
    q: z
      .object({
        agent: z.string().min(1).max(2048).optional(),
        verb: iri.optional(),
        activity: iri.optional(),
        registration: z.string().refine(isUuid).optional(),
        relatedActivities: z.boolean().optional(),
        relatedAgents: z.boolean().optional(),
        since: utc.optional(),
        until: utc.optional(),
        limit: z.number().int().min(1).max(PAGE_CAP),
        ascending: z.boolean().optional(),
        after: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
      })
      .strict(),
  })
  .strict();

/** The cursor for the page after `after` (the last seq returned). */
export function encodeCursor(page: PageRequest, after: number): string {
  const q: Record<string, unknown> = { ...page.query, after };
  for (const key of Object.keys(q)) if (q[key] === undefined || q[key] === false) delete q[key];
  const json = JSON.stringify({ v: 1, format: page.format, attachments: page.attachments, q });
  return Buffer.from(json, "utf8").toString("base64url");
}

/** The page a `more` cursor asks for; its page size is held to today's `pageMax`. */
export function decodeCursor(more: string, pageMax: number): PageRequest {
  const invalid = () =>
    new XapiError(
      400,
      'The "more" cursor is not one this LRS issued (or it was altered); start again from the first page.',
    );
  if (more.length > 8192 || !/^[A-Za-z0-9_-]+$/u.test(more)) throw invalid();
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(more, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  const parsed = cursorSchema.safeParse(value);
  if (!parsed.success) throw invalid();
  const { q, format, attachments } = parsed.data;
  const query: StatementQuery = { limit: Math.min(q.limit, pageMax), after: q.after };
  for (const [key, v] of Object.entries(q))
    if (v !== undefined && key !== "limit") Object.assign(query, { [key]: v });
  return { query, format, attachments };
}
