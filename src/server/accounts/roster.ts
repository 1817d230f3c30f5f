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
const PERSONNEL_NUMBER = /^[A-Za-z0-9-]{3,20}$/u;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;

/** Parses `personnel_number,full_name,unit,role[,email]` with a header line. */
export function parseRoster(text: string, knownUnits: ReadonlySet<string>): RosterResult {
  let rows: ReturnType<typeof parseCsv>;
  try {
    rows = parseCsv(text);
  } catch (error) {
    return { entries: [], errors: [(error as Error).message] };
  }
  const [header, ...data] = rows;
  const names = header?.fields.map((f) => f.trim().toLowerCase()) ?? [];
  const missing = COLUMNS.slice(0, 4).filter((c) => !names.includes(c));
  if (!header || missing.length > 0) {
    return {
      entries: [],
      errors: [
        `line 1: the header must name the columns ${COLUMNS.join(",")} (missing: ${missing.join(", ")})`,
      ],
    };
  }
  const column = (row: string[], name: string) => (row[names.indexOf(name)] ?? "").trim();
  const entries: RosterEntry[] = [];
  const errors: string[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields } of data) {
    const problems: string[] = [];
    const personnelNumber = column(fields, "personnel_number");
    const fullName = column(fields, "full_name").replace(/\s+/gu, " ");
    const unit = column(fields, "unit");
    const role = column(fields, "role").toLowerCase();
    const email = column(fields, "email");
    if (!PERSONNEL_NUMBER.test(personnelNumber)) {
      problems.push(`personnel number "${personnelNumber}" must be 3–20 letters, digits or dashes`);
    } else if (seen.has(personnelNumber)) {
      problems.push(
        `personnel number ${personnelNumber} already appears on line ${seen.get(personnelNumber)}`,
      );
    }
    if (fullName.length < 3) problems.push("full name is missing");
    if (!knownUnits.has(unit))
      problems.push(`unit "${unit}" does not exist (create it first with \`adal units add\`)`);
    if (!(ROLES as readonly string[]).includes(role))
      problems.push(`role "${role}" must be one of ${ROLES.join(", ")}`);
    if (email !== "" && !EMAIL.test(email)) problems.push(`e-mail "${email}" is not valid`);
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
