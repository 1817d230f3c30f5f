// From the text of the bank files to banks, or to problems that name the file and the item.
// Pure (no file system): the checker (scripts/check-quizzes.ts) and the site's loader
// (src/components/quiz/banks.ts) read the files their own way and hand the texts here, so both
// accept and refuse exactly the same files.
import { parseDocument } from "yaml";
import type { z } from "zod";
import type { BankKind } from "./check-item.ts";
import {
  branchingItemSchema,
  branchOptionSchema,
  branchStepSchema,
  optionSchema,
  type QuizBank,
  quizBankSchema,
  singleItemSchema,
} from "./schema.ts";

/** A bank's file name: two-digit section, a lower-case slug, `.yaml` (or `.yml`). */
export const BANK_FILE = /^(\d{2})-[a-z0-9-]+\.ya?ml$/u;
/** Any YAML file: in a bank folder it must be a bank (or one of NOT_BANKS). */
export const YAML_FILE = /\.ya?ml$/iu;
/** YAML files of a bank folder that are not banks: the exam's settings. */
export const NOT_BANKS: Record<BankKind, readonly string[]> = {
  practice: [],
  exam: ["blueprint.yaml"],
};
export const SECTIONS = Array.from({ length: 11 }, (_, i) => i + 1);

export const baseName = (file: string) => file.split(/[\\/]/u).at(-1) ?? file;

/** The section a bank file name gives, or null if the name is not a bank's. */
export function fileSection(file: string): number | null {
  const m = BANK_FILE.exec(baseName(file));
  return m ? Number(m[1]) : null;
}

export type ParsedBank = { bank: QuizBank; problems: [] } | { bank: null; problems: string[] };

const EXPECTED: Record<string, string> = {
  string: "text in double quotes",
  number: "a number",
  boolean: "true or false",
  array: "a list",
  object: "a mapping (key: value lines)",
};

function kindOf(value: unknown): string {
  if (value === null) return "nothing (null)";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string")
    return `the text "${value.length > 30 ? `${value.slice(0, 30)}…` : value}"`;
  return `${typeof value} ${String(value)}`;
}

const keysOf = (schema: { shape: Record<string, unknown> }) => Object.keys(schema.shape);

function at(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** The keys allowed in the mapping at `path`, for an "unknown key" message. */
function allowedKeys(data: unknown, path: readonly PropertyKey[]): string[] {
  const names = path.filter((p) => typeof p === "string");
  const last = names.at(-1);
  if (path.length === 0) return keysOf(quizBankSchema);
  if (last === "items") {
    const item = at(data, path) as { type?: unknown } | undefined;
    return item?.type === "branching" ? keysOf(branchingItemSchema) : keysOf(singleItemSchema);
  }
  if (last === "steps") return keysOf(branchStepSchema);
  if (last === "options")
    return names.includes("steps") ? keysOf(branchOptionSchema) : keysOf(optionSchema);
  return [];
}

/** "item p02-gift: option 2" for ["items", 4, "options", 1, …]. */
function where(data: unknown, path: readonly PropertyKey[]): { place: string[]; field: string } {
  const place: string[] = [];
  let field = "";
  path.forEach((key, i) => {
    const parent = path[i - 1];
    if (typeof key !== "number") {
      field = String(key);
      return;
    }
    const value = at(data, path.slice(0, i + 1)) as { id?: unknown } | undefined;
    const id = typeof value?.id === "string" && value.id ? value.id : `#${key + 1}`;
    if (parent === "items") place.push(`item ${id}`);
    else if (parent === "steps") place.push(`step ${id}`);
    else if (parent === "options") place.push(`option ${key + 1}`);
    else place.push(`${String(parent)} entry ${key + 1}`);
    field = "";
  });
  return { place, field };
}

/** Zod's own messages ("Invalid input", "Too small: …") are replaced; the schema's are kept. */
const ZOD_DEFAULT = /^(?:Invalid|Too (?:small|big)|Unrecognized)/u;

/** One zod issue as a sentence an author can act on. */
export function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const { place, field } = where(data, issue.path);
  const value = at(data, issue.path);
  const name = field || (place.length > 0 ? "it" : "the bank");
  const say = (text: string) => [...place, text].join(": ");
  const discriminator =
    issue.code === "invalid_union" && "discriminator" in issue && issue.discriminator
      ? {
          name: issue.discriminator,
          options: ((issue as { options?: unknown[] }).options ?? []).join(", "),
        }
      : null;
  if (value === undefined && issue.code !== "unrecognized_keys" && field)
    return say(`${field} is missing${discriminator ? ` (one of ${discriminator.options})` : ""}`);
  if (!ZOD_DEFAULT.test(issue.message)) return say(issue.message);
  switch (issue.code) {
    case "unrecognized_keys": {
      const allowed = allowedKeys(data, issue.path);
      const keys = issue.keys.map((k) => `"${k}"`).join(", ");
      return say(
        `unknown key${issue.keys.length > 1 ? "s" : ""} ${keys}${allowed.length > 0 ? ` (allowed: ${allowed.join(", ")})` : ""}`,
      );
    }
    case "invalid_type":
      return say(
        `${name} must be ${EXPECTED[issue.expected] ?? issue.expected}, not ${kindOf(value)}`,
      );
    case "too_small":
      if (issue.origin === "string") return say(`${name} is empty or too short`);
      if (issue.origin === "array")
        return say(
          `${name} needs at least ${issue.minimum} entr${issue.minimum === 1 ? "y" : "ies"} (has ${Array.isArray(value) ? value.length : 0})`,
        );
      return say(`${name} must be at least ${issue.minimum}`);
    case "too_big":
      if (issue.origin === "array")
        return say(
          `${name} takes at most ${issue.maximum} entries (has ${Array.isArray(value) ? value.length : "?"})`,
        );
      return say(`${name} must be at most ${issue.maximum}`);
    case "invalid_union":
      if (discriminator)
        return say(
          `${discriminator.name} must be one of ${discriminator.options}, not ${kindOf(value)}`,
        );
      return say(`${name}: ${kindOf(value)} is not allowed here`);
    default:
      return say(`${name}: ${issue.message}`);
  }
}

/** A bank from the text of one YAML file, or every problem found in it. */
export function parseBank(file: string, text: string): ParsedBank {
  const fail = (problems: string[]): ParsedBank => ({
    bank: null,
    problems: problems.map((p) => `${file}: ${p}`),
  });
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0)
    return fail(
      doc.errors.map((e) => `not valid YAML: ${e.message.split("\n")[0]?.replace(/:$/u, "")}`),
    );
  const data: unknown = doc.toJS();
  if (data === null || data === undefined)
    return fail([
      "the file is empty: a bank is `section: N` and a list of `items:` (see quizzes/README.md)",
    ]);
  if (typeof data !== "object" || Array.isArray(data))
    return fail([
      `a bank is a mapping with \`section:\` and \`items:\`, not ${kindOf(data)} (see quizzes/README.md)`,
    ]);
  const result = quizBankSchema.safeParse(data);
  if (result.success) return { bank: result.data, problems: [] };
  return fail([...new Set(result.error.issues.map((i) => describeIssue(i, data)))]);
}

export interface BankSource {
  /** The path as the caller shows it: `quizzes/practice/02-kundelikti-qyzmet.yaml`. */
  file: string;
  kind: BankKind;
  text: string;
}

export interface ReadBanks {
  files: { file: string; kind: BankKind; bank: QuizBank }[];
  /** Sections whose bank of that kind is missing or could not be read. */
  unread: { kind: BankKind; section: number }[];
  problems: string[];
}

/**
 * The banks of a set of files, one kind or both. Every YAML file must be named like a bank
 * (NOT_BANKS aside), parse, and hold the section its name gives; no section has two banks of a
 * kind. With `expect`, every one of those sections must have a bank of each of those kinds.
 * Files that are not YAML are ignored (a README may sit beside the banks).
 */
export function readBanks(
  sources: readonly BankSource[],
  expect?: { kinds: readonly BankKind[]; sections: readonly number[] },
): ReadBanks {
  const out: ReadBanks = { files: [], unread: [], problems: [] };
  const owner = new Map<string, string>();
  const sorted = [...sources].sort((a, b) => a.file.localeCompare(b.file));
  for (const { file, kind, text } of sorted) {
    const name = baseName(file);
    if (!YAML_FILE.test(name) || NOT_BANKS[kind].includes(name)) continue;
    const section = fileSection(name);
    if (section === null) {
      out.problems.push(
        `${file}: not a bank file name: a ${kind} bank is named NN-<slug>.yaml (two-digit section, lower-case Latin slug, e.g. 02-kundelikti-qyzmet.yaml); rename the file or move it out of the folder`,
      );
      continue;
    }
    const seen = owner.get(`${kind} ${section}`);
    if (seen) {
      out.problems.push(
        `${file}: section ${section} already has ${kind === "exam" ? "an" : "a"} ${kind} bank, ${seen}: one file per section`,
      );
      continue;
    }
    owner.set(`${kind} ${section}`, file);
    const parsed = parseBank(file, text);
    if (!parsed.bank) {
      out.problems.push(...parsed.problems);
      out.unread.push({ kind, section });
      continue;
    }
    if (parsed.bank.section !== section) {
      out.problems.push(
        `${file}: the file name says section ${section}, the bank says section ${parsed.bank.section}`,
      );
      out.unread.push({ kind, section });
      continue;
    }
    out.files.push({ file, kind, bank: parsed.bank });
  }
  for (const kind of expect?.kinds ?? [])
    for (const section of expect?.sections ?? [])
      if (!owner.has(`${kind} ${section}`)) {
        out.problems.push(
          `section ${section}: no ${kind} bank; add quizzes/${kind}/${String(section).padStart(2, "0")}-<slug>.yaml`,
        );
        out.unread.push({ kind, section });
      }
  return out;
}
