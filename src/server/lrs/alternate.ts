// Communication 1.3 (1.0.3 only): the alternate request syntax, for browsers that could only
// send a POST without headers: POST ?method=X with the headers, the parameters and the
// content as fields of an application/x-www-form-urlencoded body. The form is read within
// an explicit limit, then becomes an ordinary request that passes through the LRS again.
import { XapiError } from "../xapi/errors.ts";
import { LIMITS, readLimited } from "./http.ts";

/** Form fields that are request headers; every other field (but "content") is a parameter. */
const HEADER_FIELDS = [
  "authorization",
  "x-experience-api-version",
  "content-type",
  "content-length",
  "if-match",
  "if-none-match",
  "accept-language",
];

/**
 * Real headers of the outer request that carry over when the form does not set them. Origin
 * and the Sec-Fetch-* headers must: the session cookie is honoured only when they show the
 * request comes from the platform's own pages, and a form post from another site is exactly
 * the request this syntax makes possible. The form cannot set them (they are no HEADER_FIELDS).
 */
const INHERITED = [
  "authorization",
  "cookie",
  "origin",
  "sec-fetch-site",
  "sec-fetch-mode",
  "accept-language",
];

export async function alternateRequest(request: Request): Promise<Request> {
  const url = new URL(request.url);
  const method = url.searchParams.get("method")?.toUpperCase() ?? "";
  if (!["GET", "PUT", "POST", "DELETE", "HEAD"].includes(method) || url.searchParams.size !== 1) {
    throw new XapiError(
      400,
      'Alternate request syntax needs exactly one query parameter, "method" (GET, PUT, POST or DELETE).',
    );
  }
  if (
    !(request.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded")
  ) {
    throw new XapiError(
      415,
      "Alternate request syntax needs an application/x-www-form-urlencoded body.",
    );
  }
  const bytes = await readLimited(request, LIMITS.formBytes, "form body");
  const form = new URLSearchParams(Buffer.from(bytes).toString("utf8"));
  const headers = new Headers();
  for (const name of INHERITED) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  const query = new URLSearchParams();
  let content: string | null = null;
  for (const [name, value] of form) {
    const lower = name.toLowerCase();
    if (lower === "content") content = value;
    else if (HEADER_FIELDS.includes(lower)) headers.set(lower, value);
    else query.append(name, value);
  }
  if (!headers.get("x-experience-api-version")?.startsWith("1.0")) {
    throw new XapiError(
      400,
      "Alternate request syntax exists only in xAPI 1.0.x; send a normal request under 2.0.",
    );
  }
  headers.delete("content-length");
  const target = new URL(`${url.pathname}${query.size ? `?${query}` : ""}`, url.origin);
  const hasBody = content !== null && method !== "GET" && method !== "HEAD";
  return new Request(target, { method, headers, ...(hasBody ? { body: content } : {}) });
}
