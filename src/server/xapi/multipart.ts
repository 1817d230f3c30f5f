import { createHash } from "node:crypto";
import { XapiError } from "./errors.ts";
import { jsonDepthProblem } from "./json-depth.ts";
import type { Attachment, Statement } from "./types.ts";
import { utf8Text } from "./utf8.ts";

export interface AttachmentPart {
  /** Hex SHA-2 of the body, as in the statement's attachment and the X-Experience-API-Hash header. */
  sha2: string;
  contentType: string;
  body: Uint8Array;
  /** The part's own Content-Type and Content-Length headers, when it had them (parsed requests). */
  declared?: { contentType?: string; contentLength?: number };
}

const CRLF = Buffer.from("\r\n");
const HEADER_END = Buffer.from("\r\n\r\n");

function boundaryOf(contentType: string): string {
  const [type, ...params] = contentType.split(";");
  if (type?.trim().toLowerCase() !== "multipart/mixed") {
    throw new XapiError(400, `Expected a multipart/mixed request, got "${contentType}"`);
  }
  for (const param of params) {
    const eq = param.indexOf("=");
    if (param.slice(0, eq).trim().toLowerCase() === "boundary") {
      const value = param
        .slice(eq + 1)
        .trim()
        .replace(/^"(.*)"$/, "$1");
      if (value !== "") return value;
    }
  }
  throw new XapiError(400, "multipart/mixed Content-Type has no boundary parameter");
}

/** SHA-2 variant chosen by digest length, so SHA-384/512 attachment hashes verify too. */
export function sha2Hex(body: Uint8Array, hexLength = 64): string {
  const alg = { 56: "sha224", 64: "sha256", 96: "sha384", 128: "sha512" }[hexLength] ?? "sha256";
  return createHash(alg).update(body).digest("hex");
}

function parseHeaders(raw: Buffer): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of raw.toString("latin1").split("\r\n")) {
    if (line === "") continue;
    const colon = line.indexOf(":");
    if (colon <= 0) throw new XapiError(400, `Malformed multipart header line "${line}"`);
    // Header values are stored (a part's Content-Type): no control characters (U+0000…).
    if ([...line].some((ch) => (ch < " " && ch !== "\t") || ch === "\x7f"))
      throw new XapiError(400, "A multipart header line holds a control character.");
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** Splits the body into raw parts (headers + body) without decoding the bodies as text. */
function splitParts(
  body: Buffer,
  boundary: string,
): { headers: Map<string, string>; body: Buffer }[] {
  const delimiter = Buffer.from(`--${boundary}`);
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw new XapiError(400, "multipart body does not contain the boundary");
  const parts: { headers: Map<string, string>; body: Buffer }[] = [];
  const next = Buffer.concat([CRLF, delimiter]);
  for (;;) {
    pos += delimiter.length;
    if (body.subarray(pos, pos + 2).toString("latin1") === "--") return parts;
    // Transport padding (spaces/tabs) may follow the delimiter before the CRLF.
    while (body[pos] === 0x20 || body[pos] === 0x09) pos++;
    if (!body.subarray(pos, pos + 2).equals(CRLF)) {
      throw new XapiError(400, "multipart boundary line is not followed by CRLF");
    }
    pos += 2;
    const end = body.indexOf(next, pos);
    if (end < 0) throw new XapiError(400, "multipart body has no closing boundary");
    const part = body.subarray(pos, end);
    let headerEnd = part.indexOf(HEADER_END);
    let headers: Map<string, string>;
    let partBody: Buffer;
    if (part.subarray(0, 2).equals(CRLF)) {
      headers = new Map();
      partBody = part.subarray(2);
    } else {
      if (headerEnd < 0) throw new XapiError(400, "multipart part has no blank line after headers");
      headers = parseHeaders(part.subarray(0, headerEnd));
      headerEnd += HEADER_END.length;
      partBody = part.subarray(headerEnd);
    }
    parts.push({ headers, body: partBody });
    pos = end + CRLF.length;
  }
}

/**
 * Communication 1.5.2: a multipart/mixed statements request. The first part is the statements
 * (application/json); each further part is one attachment, binary, identified by its hash.
 */
export function parseMultipartMixed(
  body: Uint8Array,
  contentType: string,
): { statements: unknown; attachments: AttachmentPart[] } {
  const boundary = boundaryOf(contentType);
  const parts = splitParts(Buffer.from(body.buffer, body.byteOffset, body.byteLength), boundary);
  const [first, ...rest] = parts;
  if (!first) throw new XapiError(400, "multipart body has no parts");
  const firstType = first.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (firstType !== "application/json") {
    throw new XapiError(
      400,
      "the first part of a multipart statements request must be application/json",
    );
  }
  const tooDeep = jsonDepthProblem(first.body, "first multipart part");
  if (tooDeep) throw new XapiError(400, tooDeep);
  const text = utf8Text(first.body, "first multipart part");
  let statements: unknown;
  try {
    statements = JSON.parse(text);
  } catch {
    throw new XapiError(400, "the first multipart part is not valid JSON");
  }
  const attachments = rest.map((part, i) => {
    const n = i + 2;
    const hash = part.headers.get("x-experience-api-hash");
    if (!hash)
      throw new XapiError(400, `multipart part ${n} lacks the X-Experience-API-Hash header`);
    if (part.headers.get("content-transfer-encoding")?.toLowerCase() !== "binary") {
      throw new XapiError(400, `multipart part ${n} must have Content-Transfer-Encoding: binary`);
    }
    const sha2 = hash.toLowerCase();
    if (sha2Hex(part.body, sha2.length) !== sha2) {
      throw new XapiError(
        400,
        `multipart part ${n}: body does not match X-Experience-API-Hash ${hash}`,
      );
    }
    const type = part.headers.get("content-type");
    const length = part.headers.get("content-length");
    if (length !== undefined && !/^\d+$/u.test(length))
      throw new XapiError(400, `multipart part ${n}: Content-Length "${length}" is not a number`);
    const declared: NonNullable<AttachmentPart["declared"]> = {};
    if (type !== undefined) declared.contentType = type;
    if (length !== undefined) declared.contentLength = Number(length);
    return {
      sha2,
      contentType: type ?? "application/octet-stream",
      body: new Uint8Array(part.body),
      declared,
    };
  });
  return { statements, attachments };
}

/** Builds a multipart/mixed response (or request) with the statements first, then each part. */
export function buildMultipartMixed(
  statementsJson: string,
  attachments: AttachmentPart[],
): { body: Uint8Array; contentType: string } {
  const boundary = `adal-${crypto.randomUUID()}`;
  const chunks: Buffer[] = [
    Buffer.from(`--${boundary}\r\nContent-Type: application/json\r\n\r\n`),
    Buffer.from(statementsJson, "utf8"),
  ];
  for (const a of attachments) {
    chunks.push(
      Buffer.from(
        `\r\n--${boundary}\r\nContent-Type: ${a.contentType}\r\n` +
          `Content-Transfer-Encoding: binary\r\nX-Experience-API-Hash: ${a.sha2}\r\n\r\n`,
      ),
      Buffer.from(a.body.buffer, a.body.byteOffset, a.body.byteLength),
    );
  }
  chunks.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  return {
    body: new Uint8Array(Buffer.concat(chunks)),
    contentType: `multipart/mixed; boundary=${boundary}`,
  };
}

/** A statement's attachments and its SubStatement's (Data 2.4.4.3 lets both carry some). */
export function allAttachments(statement: Statement): Attachment[] {
  const own = statement.attachments ?? [];
  const sub =
    statement.object.objectType === "SubStatement" ? (statement.object.attachments ?? []) : [];
  return [...own, ...sub];
}

/**
 * The type/subtype of a media type, lowercased: parameters (charset…) are left out of the
 * comparison, since a part's Content-Type may name fewer or other parameters than the
 * attachment's contentType (the spec's own example, Communication 1.5.2.s6, declares
 * "text/plain; charset=ascii" for a part sent as "text/plain"); the hash alone identifies it.
 */
const mediaType = (v: string) => (v.split(";")[0] ?? "").trim().toLowerCase();

/**
 * The part of an attachment must agree with what the statement declares about it: "Where
 * parameters have a corresponding property within the attachment Object (and both the
 * parameter and property are specified for a given Attachment), the value of these parameters
 * and properties shall match" (Content-Type with contentType, Content-Length with length),
 * and `length` is "the length of the Attachment data in octets", so it is the part's size.
 */
function partProblem(a: Attachment, part: AttachmentPart): string | null {
  const type = part.declared?.contentType;
  if (type !== undefined && mediaType(type) !== mediaType(a.contentType))
    return `its part's Content-Type "${type}" differs from its contentType "${a.contentType}"`;
  const declaredLength = part.declared?.contentLength;
  if (declaredLength !== undefined && declaredLength !== a.length)
    return `its part's Content-Length ${declaredLength} differs from its length ${a.length}`;
  if (part.body.byteLength !== a.length)
    return `its length is ${a.length} octets but its part holds ${part.body.byteLength}`;
  return null;
}

/**
 * Communication 1.5.2: every attachment without a fileUrl must have its part, every part
 * must belong to an attachment, and a part must match its attachment's declarations.
 */
export function checkAttachments(statements: Statement[], attachments: AttachmentPart[]): void {
  const parts = new Map(attachments.map((a) => [a.sha2.toLowerCase(), a]));
  const referenced = new Set<string>();
  statements.forEach((s, i) => {
    for (const a of allAttachments(s)) {
      const sha2 = a.sha2.toLowerCase();
      referenced.add(sha2);
      const part = parts.get(sha2);
      const label = `Statement ${s.id ?? `#${i + 1}`}: attachment ${a.sha2}`;
      if (a.fileUrl === undefined && !part) {
        throw new XapiError(400, `${label} has no fileUrl and no multipart part with that hash`);
      }
      const problem = part ? partProblem(a, part) : null;
      if (problem) throw new XapiError(400, `${label}: ${problem}`);
    }
  });
  for (const sha2 of parts.keys()) {
    if (!referenced.has(sha2)) {
      throw new XapiError(
        400,
        `multipart part with hash ${sha2} is not referenced by any statement attachment`,
      );
    }
  }
}
