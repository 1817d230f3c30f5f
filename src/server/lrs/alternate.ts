// Communication 1.3 (1.0.3 only): the alternate request syntax, for browsers that could only
// send a POST without headers: POST ?method=X with the headers, the parameters and the
// content as fields of an application/x-www-form-urlencoded body. The form is read within
// an explicit limit, then becomes an ordinary request that passes through the LRS again.
import { XapiError } from "../xapi/errors.ts";
import { hasControl } from "../xapi/validate.ts";
import { readLimited } from "./http.ts";
import { DEFAULT_LIMITS, LIMIT_VARIABLES } from "./limits.ts";

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
 * Outer headers that describe the form body, not the request inside it. Every other outer
 * header carries over (Authorization, the version, If-Match, Cookie, Origin, Sec-Fetch-*…):
 * the form may set some of them (1.3.s3.b6 says MAY), so a client can also leave them where
 * they normally are, and a session check sees the same headers as on a normal request.
 */
const BODY_HEADERS = ["content-type", "content-length", "transfer-encoding", "content-encoding"];

export async function alternateRequest(
  request: Request,
  formBytes = DEFAULT_LIMITS.formBytes,
): Promise<Request> {
  const url = new URL(request.url);
  const method = url.searchParams.get("method")?.toUpperCase() ?? "";
  if (!["GET", "PUT", "POST", "DELETE", "HEAD"].includes(method) || url.searchParams.size !== 1) {
    throw new XapiError(
      400,
      'Alternate request syntax needs exactly one query parameter, "method" (GET, PUT, POST or DELETE).',
    );
  }
  const type = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") {
    // 400, not 415: the content type does not match the request's structure (3.2.s3.b6).
    throw new XapiError(
      400,
      "Alternate request syntax needs an application/x-www-form-urlencoded body.",
    );
  }
  const bytes = await readLimited(request, formBytes, "form body", LIMIT_VARIABLES.formBytes);
  const form = new URLSearchParams(Buffer.from(bytes).toString("utf8"));
  const headers = new Headers(request.headers);
  for (const name of BODY_HEADERS) headers.delete(name);
  const query = new URLSearchParams();
  let content: string | null = null;
  for (const [name, value] of form) {
    const lower = name.toLowerCase();
    if (lower === "content") content = value;
    else if (HEADER_FIELDS.includes(lower)) {
      // A header cannot hold a control character (Headers would throw: a 500).
      if (hasControl(value))
        throw new XapiError(400, `Form field "${name}" holds a control character.`);
      headers.set(lower, value);
    } else query.append(name, value);
  }
  const version = headers.get("x-experience-api-version");
  if (version === null) {
    throw new XapiError(
      400,
      "Missing X-Experience-API-Version (as a header or a form field); the alternate request syntax exists in xAPI 1.0.x.",
    );
  }
  if (!version.trim().startsWith("1.0")) {
    throw new XapiError(
      400,
      "Alternate request syntax exists only in xAPI 1.0.x; send a normal request under 2.0.",
    );
  }
  headers.delete("content-length");
  const target = new URL(`${url.pathname}${query.size ? `?${query}` : ""}`, url.origin);
  const hasBody = content !== null && method !== "GET" && method !== "HEAD";
  // The content of a statement or document request is JSON unless the form says otherwise.
  if (hasBody && !headers.has("content-type")) headers.set("content-type", "application/json");
  return new Request(target, { method, headers, ...(hasBody ? { body: content } : {}) });
}
