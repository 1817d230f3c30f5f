// Browser calls to the platform API (same origin; the session cookie is HttpOnly).

export interface Me {
  user: {
    id: string;
    personnelNumber: string;
    fullName: string;
    unitCode: string;
    role: "learner" | "officer" | "admin";
    mustChangePassword: boolean;
  };
  actor: { objectType: "Agent"; account: { homePage: string; name: string }; name: string };
}

export class ApiFailure extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export async function callApi<T>(
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  const response = await fetch(`/api${path}`, {
    method: init.method ?? "GET",
    credentials: "same-origin",
    headers: init.body === undefined ? {} : { "content-type": "application/json" },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  if (response.status === 204) return undefined as T;
  const data = (await response.json().catch(() => ({}))) as { error?: string; message?: string };
  if (!response.ok)
    throw new ApiFailure(
      response.status,
      data.error ?? "unknown",
      data.message ?? response.statusText,
    );
  return data as T;
}

const ME_KEY = "adal.me.v1";

/** The signed-in user, cached on the device so pages can attribute statements offline. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await callApi<Me>("/me");
    localStorage.setItem(ME_KEY, JSON.stringify(me));
    return me;
  } catch (error) {
    if (error instanceof ApiFailure && error.status === 401) {
      localStorage.removeItem(ME_KEY);
      return null;
    }
    return cachedMe();
  }
}

export function cachedMe(): Me | null {
  try {
    return JSON.parse(localStorage.getItem(ME_KEY) ?? "null") as Me | null;
  } catch {
    return null;
  }
}

export function forgetMe(): void {
  localStorage.removeItem(ME_KEY);
}
