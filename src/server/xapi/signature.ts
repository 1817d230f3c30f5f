import { createPrivateKey, sign, verify, X509Certificate } from "node:crypto";
import { sameStatement } from "./compare.ts";
import { XapiError } from "./errors.ts";
import { jsonDepthProblem } from "./json-depth.ts";
import type { AttachmentPart } from "./multipart.ts";
import type { Attachment, Statement } from "./types.ts";

export const SIGNATURE_USAGE = "http://adlnet.gov/expapi/attachments/signature";
export type SignatureAlg = "RS256" | "RS384" | "RS512";

const HASH: Record<SignatureAlg, string> = { RS256: "sha256", RS384: "sha384", RS512: "sha512" };

function b64url(data: Uint8Array | string): string {
  return Buffer.from(data).toString("base64url");
}

function isAlg(value: unknown): value is SignatureAlg {
  return value === "RS256" || value === "RS384" || value === "RS512";
}

/**
 * Data 2.6 Signed Statements: a JWS compact serialization whose payload is the statement.
 * `x5c` (base64 DER certificates, leaf first) lets the LRS check the signer's key.
 */
export function signStatement(
  statement: Statement,
  privateKeyPem: string,
  alg: SignatureAlg,
  x5c?: string[],
): string {
  const header: Record<string, unknown> = { alg, typ: "JWT" };
  if (x5c) header.x5c = x5c;
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(statement))}`;
  const signature = sign(HASH[alg], Buffer.from(input), createPrivateKey(privateKeyPem));
  return `${input}.${b64url(signature)}`;
}

/** Base64 DER of a PEM certificate, as the `x5c` header carries it. */
export function x5cFromPem(certPem: string): string {
  return Buffer.from(new X509Certificate(certPem).raw).toString("base64");
}

function fail(label: string, message: string): never {
  throw new XapiError(400, `Statement ${label}: signature ${message}`);
}

function parseJson(label: string, segment: string, what: string): unknown {
  const bytes = Buffer.from(segment, "base64url");
  if (jsonDepthProblem(bytes, what)) fail(label, `JWS ${what} nests JSON too deeply`);
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch {
    return fail(label, `JWS ${what} is not base64url-encoded JSON`);
  }
}

function leafCertificate(label: string, base64Der: string): X509Certificate {
  try {
    return new X509Certificate(Buffer.from(base64Der, "base64"));
  } catch {
    return fail(label, "x5c leaf is not a valid X.509 certificate");
  }
}

function verifyOne(label: string, statement: Statement, jws: string): void {
  const segments = jws.trim().split(".");
  if (segments.length !== 3 || segments.some((s) => !/^[A-Za-z0-9_-]*$/.test(s))) {
    fail(label, "attachment is not a JWS compact serialization (header.payload.signature)");
  }
  const [h = "", p = "", sig = ""] = segments;
  const header = parseJson(label, h, "header");
  if (typeof header !== "object" || header === null) fail(label, "JWS header is not an object");
  const { alg, x5c } = header as { alg?: unknown; x5c?: unknown };
  if (!isAlg(alg))
    fail(label, `uses alg ${JSON.stringify(alg)}; only RS256, RS384, RS512 are allowed`);
  if (x5c !== undefined) {
    if (!Array.isArray(x5c) || typeof x5c[0] !== "string")
      fail(label, "x5c header must be an array of base64 certificates");
    const cert = leafCertificate(label, x5c[0]);
    const ok = verify(
      HASH[alg],
      Buffer.from(`${h}.${p}`),
      cert.publicKey,
      Buffer.from(sig, "base64url"),
    );
    if (!ok) fail(label, "does not verify with the x5c certificate's public key");
  }
  const payload = parseJson(label, p, "payload");
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) {
    fail(label, "payload is not a statement object");
  }
  const unsigned: Statement = { ...statement };
  const rest = (statement.attachments ?? []).filter((a) => a.usageType !== SIGNATURE_USAGE);
  if (rest.length > 0) unsigned.attachments = rest;
  else delete unsigned.attachments;
  if (!sameStatement(payload as Statement, unsigned)) {
    fail(label, "payload does not match the statement");
  }
}

function signatureAttachments(statement: Statement): Attachment[] {
  return (statement.attachments ?? []).filter((a) => a.usageType === SIGNATURE_USAGE);
}

/**
 * Data 2.6 LRS requirements for signed statements: the signature part is a JWS with an RSA
 * alg, verifies with the x5c leaf when present, and its payload matches the statement.
 */
export function verifySignedStatements(
  statements: Statement[],
  attachments: AttachmentPart[],
): void {
  statements.forEach((statement, i) => {
    const label = statement.id ?? `#${i + 1}`;
    for (const att of signatureAttachments(statement)) {
      if (att.contentType !== "application/octet-stream") {
        fail(label, 'attachment must have contentType "application/octet-stream"');
      }
      const part = attachments.find((a) => a.sha2.toLowerCase() === att.sha2.toLowerCase());
      if (!part) fail(label, "attachment has no multipart part, so it cannot be verified");
      verifyOne(label, statement, Buffer.from(part.body).toString("utf8"));
    }
  });
}
