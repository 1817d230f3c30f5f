// Optional signing of the exam's result statement (xAPI Data 2.6 Signed Statements): a JWS
// (RS256) over the statement, with the signer's certificate in x5c, sent as an attachment of
// usage type …/signature. Any LRS consumer can then check that the exam service wrote this
// result and nobody changed it, without trusting the LRS it was read from.
import { createHash, createPrivateKey, X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import type { AttachmentPart } from "../xapi/multipart.ts";
import { SIGNATURE_USAGE, signStatement, x5cFromPem } from "../xapi/signature.ts";
import type { Statement } from "../xapi/types.ts";

export interface SignedStatement {
  statement: Statement;
  parts: AttachmentPart[];
}

export type StatementSigner = (statement: Statement) => SignedStatement;

/** A signer from PEM text; refuses a key that is not RSA or does not match the certificate. */
export function statementSigner(keyPem: string, certPem: string): StatementSigner {
  const key = createPrivateKey(keyPem);
  if (key.asymmetricKeyType !== "rsa")
    throw new Error(`the signing key must be an RSA key (RS256), not ${key.asymmetricKeyType}`);
  const cert = new X509Certificate(certPem);
  if (!cert.checkPrivateKey(key))
    throw new Error("the signing key does not belong to the signing certificate");
  const x5c = [x5cFromPem(certPem)];
  return (statement) => {
    const jws = signStatement(statement, keyPem, "RS256", x5c);
    const body = new TextEncoder().encode(jws);
    const sha2 = createHash("sha256").update(body).digest("hex");
    return {
      statement: {
        ...statement,
        attachments: [
          ...(statement.attachments ?? []),
          {
            usageType: SIGNATURE_USAGE,
            display: { "en-US": "Signature", "kk-KZ": "Электрондық қолтаңба" },
            contentType: "application/octet-stream",
            length: body.byteLength,
            sha2,
          },
        ],
      },
      parts: [{ sha2, contentType: "application/octet-stream", body }],
    };
  };
}

/** The signer of the configuration's PEM files, or null when signing is not configured. */
export function loadSigner(keyFile?: string, certFile?: string): StatementSigner | null {
  if (!keyFile || !certFile) return null;
  const read = (file: string, what: string) => {
    try {
      return readFileSync(file, "utf8");
    } catch (error) {
      throw new Error(`cannot read the ${what} ${file}: ${(error as Error).message}`);
    }
  };
  try {
    return statementSigner(
      read(keyFile, "signing key (ADAL_SIGNING_KEY)"),
      read(certFile, "signing certificate (ADAL_SIGNING_CERT)"),
    );
  } catch (error) {
    throw new Error(`Exam result signing: ${(error as Error).message}`);
  }
}

const RESULT_VERBS = new Set([
  "http://adlnet.gov/expapi/verbs/passed",
  "http://adlnet.gov/expapi/verbs/failed",
]);

/** The statements to sign: the result (passed or failed), not the other exam events. */
export const isResultStatement = (statement: Statement) => RESULT_VERBS.has(statement.verb.id);
