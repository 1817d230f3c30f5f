import { createHash, generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { XapiError } from "../../../src/server/xapi/errors.ts";
import type { AttachmentPart } from "../../../src/server/xapi/multipart.ts";
import { prepareStatement } from "../../../src/server/xapi/prepare.ts";
import {
  SIGNATURE_USAGE,
  type SignatureAlg,
  signStatement,
  verifySignedStatements,
  x5cFromPem,
} from "../../../src/server/xapi/signature.ts";
import type { Statement } from "../../../src/server/xapi/types.ts";
import { validateStatement } from "../../../src/server/xapi/validate.ts";
import { clone, completed } from "./examples.ts";

// Self-signed RSA-2048 certificate and key made with `openssl req -x509` for these tests only.
const fixtures = new URL("./fixtures/", import.meta.url);
const keyPem = readFileSync(new URL("signer.key.pem", fixtures), "utf8");
const certPem = readFileSync(new URL("signer.cert.pem", fixtures), "utf8");
const x5c = [x5cFromPem(certPem)];

function unsignedStatement(): Statement {
  const { id: _id, timestamp: _t, ...rest } = clone(completed);
  return rest as unknown as Statement;
}

/** Attaches a JWS to the statement the way a Learning Record Provider would. */
function attach(statement: Statement, jws: string, contentType = "application/octet-stream") {
  const body = new TextEncoder().encode(jws);
  const sha2 = createHash("sha256").update(body).digest("hex");
  const signed: Statement = {
    ...statement,
    attachments: [
      ...(statement.attachments ?? []),
      {
        usageType: SIGNATURE_USAGE,
        display: { "en-US": "Signature" },
        contentType,
        length: body.length,
        sha2,
      },
    ],
  };
  const part: AttachmentPart = { sha2, contentType, body };
  return { signed, parts: [part] };
}

function expect400(fn: () => unknown, message: RegExp) {
  try {
    fn();
    expect.unreachable("should throw");
  } catch (e) {
    expect(e).toBeInstanceOf(XapiError);
    expect((e as XapiError).status).toBe(400);
    expect((e as XapiError).message).toMatch(message);
  }
}

describe("signed statements (Data 2.6 Signed Statements)", () => {
  it.each(["RS256", "RS384", "RS512"] as SignatureAlg[])(
    "a statement signed with %s and x5c verifies",
    (alg) => {
      const s = unsignedStatement();
      const { signed, parts } = attach(s, signStatement(s, keyPem, alg, x5c));
      expect(validateStatement(signed, "2.0.0")).toEqual([]);
      expect(() => verifySignedStatements([signed], parts)).not.toThrow();
    },
  );

  it("the JWS header carries alg and x5c, and the payload is the statement", () => {
    const s = unsignedStatement();
    const [h = "", p = ""] = signStatement(s, keyPem, "RS256", x5c).split(".");
    expect(JSON.parse(Buffer.from(h, "base64url").toString())).toMatchObject({ alg: "RS256", x5c });
    expect(JSON.parse(Buffer.from(p, "base64url").toString())).toEqual(s);
  });

  it("properties the LRS adds after signing (id, stored, timestamp, authority, version) do not break it", () => {
    const s = unsignedStatement();
    const { signed, parts } = attach(s, signStatement(s, keyPem, "RS256", x5c));
    const stored = prepareStatement(signed, {
      stored: "2024-05-01T10:00:00.000Z",
      authority: { account: { homePage: "https://adal.kz", name: "client" } },
      version: "2.0.0",
    });
    expect(() => verifySignedStatements([stored], parts)).not.toThrow();
  });

  it("without x5c the payload is still checked against the statement", () => {
    const s = unsignedStatement();
    const { signed, parts } = attach(s, signStatement(s, keyPem, "RS256"));
    expect(() => verifySignedStatements([signed], parts)).not.toThrow();
    const changed = { ...signed, verb: { id: "http://adlnet.gov/expapi/verbs/passed" } };
    expect400(() => verifySignedStatements([changed], parts), /payload does not match/);
  });

  it("a statement changed after signing is rejected", () => {
    const s = unsignedStatement();
    const { signed, parts } = attach(s, signStatement(s, keyPem, "RS256", x5c));
    const forged = clone(signed);
    if (forged.result?.score) forged.result.score.raw = 100;
    expect400(
      () =>
        verifySignedStatements([{ ...forged, id: "aaaaaaaa-0000-4000-8000-000000000001" }], parts),
      /Statement aaaaaaaa-0000-4000-8000-000000000001: signature payload does not match/,
    );
  });

  it("a signature made with another key than the x5c certificate's is rejected", () => {
    const other = generateKeyPairSync("rsa", { modulusLength: 2048 })
      .privateKey.export({ type: "pkcs8", format: "pem" })
      .toString();
    const s = unsignedStatement();
    const { signed, parts } = attach(s, signStatement(s, other, "RS256", x5c));
    expect400(
      () => verifySignedStatements([signed], parts),
      /does not verify with the x5c certificate/,
    );
  });

  it("a tampered JWS payload fails the cryptographic check", () => {
    const s = unsignedStatement();
    const [h, , sig] = signStatement(s, keyPem, "RS256", x5c).split(".");
    const evil = { ...s, result: { ...s.result, success: false } };
    const jws = `${h}.${Buffer.from(JSON.stringify(evil)).toString("base64url")}.${sig}`;
    const { signed, parts } = attach(evil, jws);
    expect400(() => verifySignedStatements([signed], parts), /does not verify/);
  });

  it.each(["HS256", "none", "ES256", "PS256"])("alg %s is rejected (only RS256/384/512)", (alg) => {
    const s = unsignedStatement();
    const [, p, sig] = signStatement(s, keyPem, "RS256").split(".");
    const h = Buffer.from(JSON.stringify({ alg })).toString("base64url");
    const { signed, parts } = attach(s, `${h}.${p}.${sig}`);
    expect400(() => verifySignedStatements([signed], parts), /only RS256, RS384, RS512/);
  });

  it("a signature attachment that is not a JWS compact serialization is rejected", () => {
    const s = unsignedStatement();
    const { signed, parts } = attach(s, "this is not a JWS");
    expect400(
      () => verifySignedStatements([signed], parts),
      /#1: signature attachment is not a JWS/,
    );
  });

  it("a signature attachment must have contentType application/octet-stream", () => {
    const s = unsignedStatement();
    const { signed, parts } = attach(s, signStatement(s, keyPem, "RS256", x5c), "application/jose");
    expect400(() => verifySignedStatements([signed], parts), /application\/octet-stream/);
  });

  it("a signature attachment without its part cannot be verified", () => {
    const s = unsignedStatement();
    const { signed } = attach(s, signStatement(s, keyPem, "RS256", x5c));
    expect400(() => verifySignedStatements([signed], []), /has no multipart part/);
  });

  it("an x5c that is not a certificate is rejected", () => {
    const s = unsignedStatement();
    const { signed, parts } = attach(s, signStatement(s, keyPem, "RS256", ["AAAA"]));
    expect400(() => verifySignedStatements([signed], parts), /not a valid X.509 certificate/);
  });

  it("statements without a signature attachment are left alone", () => {
    expect(() => verifySignedStatements([unsignedStatement()], [])).not.toThrow();
  });
});
