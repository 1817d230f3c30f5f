// The staff roster import format: validates every line and reports every problem at once, so
// an administrator can fix the file in one go; nothing is imported unless all lines are valid.
import { parseCsv } from "./csv.ts";

export const ROLES = ["learner", "officer", "admin"] as const;
export type Role = (typeof ROLES)[number];

export interface RosterEntry {
  line: number;
  personnelNumber: string;
  fullName: string;
  unit: string;
  role: Role;
  email: string | null;
}

export interface RosterResult {
  entries: RosterEntry[];
  errors: string[];
}

const COLUMNS = ["personnel_number", "full_name", "unit", "role", "email"] as const;
const REQUIRED = COLUMNS.slice(0, 4);
const PERSONNEL_NUMBER = /^[A-Za-z0-9-]{3,20}$/u;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;
const MIN_NAME = 3;

/** Why a personnel number is not acceptable, or null (the same rule for import and add). */
export function personnelNumberProblem(number: string): string | null {
  return PERSONNEL_NUMBER.test(number)
    ? null
    : `personnel number "${number}" must be 3–20 letters, digits or dashes`;
}

/** Why a full name is not acceptable, or null. */
export function fullNameProblem(name: string): string | null {
  if (name === "") return "full name is missing";
  if ([...name].length < MIN_NAME)
    return `full name "${name}" is too short (at least ${MIN_NAME} characters: surname and given name)`;
  if (name.length > 200) return "full name is longer than 200 characters";
  // Invisible control characters (and lone surrogates) come from copy and paste, not from
  // names, and an XML export cannot hold them: the line is refused with the character named.
  const control = /[\p{Cc}\p{Cs}\uFFFE\uFFFF]/u.exec(name);
  if (control) {
    const code = (control[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");
    return `full name contains an invisible control character (U+${code}) at position ${control.index + 1}: remove it`;
  }
  return null;
}

export function emailProblem(email: string): string | null {
  return email === "" || EMAIL.test(email) ? null : `e-mail "${email}" is not valid`;
}

function withoutTrailingBlanks(fields: readonly string[]): string[] {
  let end = fields.length;
  while (end > 0 && (fields[end - 1] ?? "").trim() === "") end--;
  return fields.slice(0, end);
}

/** Parses `personnel_number,full_name,unit,role[,email]` with a header line. */
export function parseRoster(text: string, knownUnits: ReadonlySet<string>): RosterResult {
  let rows: ReturnType<typeof parseCsv>;
  try {
    rows = parseCsv(text);
  } catch (error) {
    return { entries: [], errors: [(error as Error).message] };
  }
  const [header, ...data] = rows;
  // Spreadsheets often save trailing separators: empty trailing columns are not columns.
  const names = withoutTrailingBlanks(header?.fields ?? []).map((f) => f.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !names.includes(c));
  const unknown = names.filter((n) => !(COLUMNS as readonly string[]).includes(n));
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  if (!header || missing.length > 0 || unknown.length > 0 || twice.length > 0) {
    const problems = [
      missing.length > 0 ? `missing: ${missing.join(", ")}` : "",
      unknown.length > 0
        ? `unexpected: ${unknown.map((n) => (n === "" ? "(an empty column)" : n)).join(", ")}`
        : "",
      twice.length > 0 ? `named twice: ${[...new Set(twice)].join(", ")}` : "",
    ].filter(Boolean);
    return {
      entries: [],
      errors: [
        `line ${header?.line ?? 1}: the header must name the columns ${COLUMNS.join(",")} (email may be left out) and no others (${problems.join("; ")})`,
      ],
    };
  }
  const column = (row: string[], name: string) => (row[names.indexOf(name)] ?? "").trim();
  const entries: RosterEntry[] = [];
  const errors: string[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields } of data) {
    const problems: string[] = [];
    const given = withoutTrailingBlanks(fields);
    if (given.length > names.length) {
      errors.push(
        `line ${line}: ${given.length} fields, but the header has ${names.length} columns (a comma or semicolon inside a name must be in double quotes)`,
      );
      continue;
    }
    const personnelNumber = column(fields, "personnel_number");
    const fullName = column(fields, "full_name").replace(/\s+/gu, " ");
    const unit = column(fields, "unit");
    const role = column(fields, "role").toLowerCase();
    const email = column(fields, "email");
    const numberProblem = personnelNumberProblem(personnelNumber);
    if (numberProblem) {
      problems.push(numberProblem);
    } else if (seen.has(personnelNumber)) {
      problems.push(
        `personnel number ${personnelNumber} already appears on line ${seen.get(personnelNumber)}`,
      );
    }
    const nameProblem = fullNameProblem(fullName);
    if (nameProblem) problems.push(nameProblem);
    if (!knownUnits.has(unit))
      problems.push(`unit "${unit}" does not exist (create it first with \`adal units add\`)`);
    if (!(ROLES as readonly string[]).includes(role))
      problems.push(`role "${role}" must be one of ${ROLES.join(", ")}`);
    const mailProblem = emailProblem(email);
    if (mailProblem) problems.push(mailProblem);
    if (problems.length > 0) {
      errors.push(`line ${line}: ${problems.join("; ")}`);
      continue;
    }
    seen.set(personnelNumber, line);
    entries.push({
      line,
      personnelNumber,
      fullName,
      unit,
      role: role as Role,
      email: email || null,
    });
  }
  if (data.length === 0) errors.push("the file has a header but no people");
  return { entries, errors };
}
