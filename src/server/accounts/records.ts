// The records of the accounts store and how rows map to them.
import type { Role } from "./roster.ts";

export interface Unit {
  code: string;
  name: string;
  parentCode: string | null;
}

export interface User {
  id: string;
  personnelNumber: string;
  fullName: string;
  unitCode: string;
  role: Role;
  email: string | null;
  passwordHash: string;
  mustChangePassword: boolean;
}

export interface NewUser {
  personnelNumber: string;
  fullName: string;
  unitCode: string;
  role: Role;
  email: string | null;
  passwordHash: string;
  mustChangePassword: boolean;
  /** Units an officer supervises, assigned in the same transaction. */
  officerUnits?: readonly string[];
}

export interface AuditEntry {
  at: string;
  actorId: string | null;
  action: string;
  subject: string | null;
  detail: string | null;
}

export type AuditRow = {
  at: string;
  actor_id: string | null;
  action: string;
  subject: string | null;
  detail: string | null;
};

export type UserRow = {
  id: string;
  personnel_number: string;
  full_name: string;
  unit_code: string;
  role: string;
  email: string | null;
  password_hash: string;
  must_change_password: number;
};

export const USER_COLUMNS =
  "id, personnel_number, full_name, unit_code, role, email, password_hash, must_change_password";

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    personnelNumber: row.personnel_number,
    fullName: row.full_name,
    unitCode: row.unit_code,
    role: row.role as Role,
    email: row.email,
    passwordHash: row.password_hash,
    mustChangePassword: Number(row.must_change_password) === 1,
  };
}
