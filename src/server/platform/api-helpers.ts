// Shared pieces of the platform API's routes: the error type, JSON bodies, the public view of a
// person, and the session helpers every route mounts with.
import type { Context } from "hono";
import type { z } from "zod";
import type { Role } from "../accounts/roster.ts";
import type { User } from "../accounts/store.ts";
import { HttpError } from "../http-error.ts";

export interface PlatformHelpers {
  /** The signed-in user with one of `roles`; 401, 403, or 403 while a password change is due. */
  requireUser(c: Context, roles?: readonly Role[]): Promise<User>;
}

export class ApiError extends HttpError {
  readonly messages: { kk: string; ru: string } | undefined;

  constructor(
    status: HttpError["status"],
    code: string,
    message: string,
    messages?: { kk: string; ru: string },
  ) {
    super(status, code, message);
    this.messages = messages;
  }
}

export function publicUser(user: User) {
  return {
    id: user.id,
    personnelNumber: user.personnelNumber,
    fullName: user.fullName,
    unitCode: user.unitCode,
    role: user.role,
    mustChangePassword: user.mustChangePassword,
  };
}

export async function json<T>(c: Context, schema: z.ZodType<T>): Promise<T> {
  if (!(c.req.header("content-type") ?? "").startsWith("application/json")) {
    throw new ApiError(400, "content-type", "Send the body as application/json.");
  }
  const body = await c.req.json().catch(() => {
    throw new ApiError(400, "malformed-json", "The body is not valid JSON.");
  });
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((i) => `${i.path.join(".") || "body"}: ${i.message}`)
      .join("; ");
    throw new ApiError(400, "invalid-body", detail);
  }
  return parsed.data;
}
