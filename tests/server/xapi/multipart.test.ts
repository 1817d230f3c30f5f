import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { XapiError } from "../../../src/server/xapi/errors.ts";
import {
  type AttachmentPart,
  buildMultipartMixed,
  checkAttachments,
  parseMultipartMixed,
} from "../../../src/server/xapi/multipart.ts";
import type { Statement } from "../../../src/server/xapi/types.ts";
import { clone, withAttachment } from "./examples.ts";

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const text = new TextEncoder().encode("here is a simple attachment");

/** Bytes that would break a text-based parser: NUL, CR/LF pairs, invalid UTF-8, a fake boundary. */
function nastyBinary(): Uint8Array {
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x00, 0xff, 0xfe, 0x0d, 0x0a, 0x0d, 0x0a, 0xc3, 0x28]),
      Buffer.from("\r\n--not-the-boundary\r\n"),
      randomBytes(4096),
    ]),
  );
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

function raw(boundary: string, parts: { headers: string[]; body: Uint8Array | string }[]) {
  const chunks: Buffer[] = [Buffer.from("preamble is ignored\r\n")];
  for (const p of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n${p.headers.join("\r\n")}\r\n\r\n`));
    chunks.push(Buffer.from(p.body));
    chunks.push(Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\nepilogue`));
  return new Uint8Array(Buffer.concat(chunks));
}

describe("parseMultipartMixed (Communication 1.5.2 Attachments)", () => {
  it("round-trips statements and binary attachments built by buildMultipartMixed", () => {
    const bin = nastyBinary();
    const parts: AttachmentPart[] = [
      { sha2: sha256(text), contentType: "text/plain", body: text },
      { sha2: sha256(bin), contentType: "application/octet-stream", body: bin },
    ];
    const statementsJson = JSON.stringify([{ verb: { display: { kk: "жауап берді" } } }]);
    const built = buildMultipartMixed(statementsJson, parts);
    expect(built.contentType).toMatch(/^multipart\/mixed; boundary=/);
    const parsed = parseMultipartMixed(built.body, built.contentType);
    expect(parsed.statements).toEqual(JSON.parse(statementsJson));
    expect(parsed.attachments).toHaveLength(2);
    expect(Buffer.from(parsed.attachments[1]?.body ?? []).equals(Buffer.from(bin))).toBe(true);
    expect(parsed.attachments[0]).toMatchObject(parts[0] ?? {});
  });

  it("parses a hand-written request with a quoted boundary, preamble and epilogue", () => {
    const body = raw("abc def", [
      { headers: ["Content-Type: application/json"], body: '{"a":1}' },
      {
        headers: [
          "Content-Type: text/plain",
          "content-transfer-encoding: binary",
          `X-Experience-API-Hash: ${sha256(text).toUpperCase()}`,
        ],
        body: text,
      },
    ]);
    const parsed = parseMultipartMixed(body, 'multipart/mixed; boundary="abc def"');
    expect(parsed.statements).toEqual({ a: 1 });
    expect(parsed.attachments[0]?.sha2).toBe(sha256(text));
    expect(new TextDecoder().decode(parsed.attachments[0]?.body)).toBe(
      "here is a simple attachment",
    );
  });

  it("verifies SHA-384 and SHA-512 hashes too", () => {
    const h = createHash("sha512").update(text).digest("hex");
    const body = raw("b", [
      { headers: ["Content-Type: application/json"], body: "[]" },
      { headers: ["Content-Transfer-Encoding: binary", `X-Experience-API-Hash: ${h}`], body: text },
    ]);
    const parsed = parseMultipartMixed(body, "multipart/mixed; boundary=b");
    expect(parsed.attachments[0]?.contentType).toBe("application/octet-stream");
  });

  it("rejects a non-multipart Content-Type or a missing boundary", () => {
    expect400(() => parseMultipartMixed(text, "application/json"), /multipart\/mixed/);
    expect400(() => parseMultipartMixed(text, "multipart/mixed"), /no boundary/);
  });
  it("rejects a body without the boundary or without a closing boundary", () => {
    expect400(() => parseMultipartMixed(text, "multipart/mixed; boundary=zz"), /does not contain/);
    const open = Buffer.from("--zz\r\nContent-Type: application/json\r\n\r\n{}");
    expect400(() => parseMultipartMixed(open, "multipart/mixed; boundary=zz"), /closing boundary/);
  });
  it("the first part must be application/json statements", () => {
    const body = raw("b", [{ headers: ["Content-Type: text/plain"], body: "{}" }]);
    expect400(
      () => parseMultipartMixed(body, "multipart/mixed; boundary=b"),
      /first part.*application\/json/,
    );
    const bad = raw("b", [{ headers: ["Content-Type: application/json"], body: "{nope" }]);
    expect400(() => parseMultipartMixed(bad, "multipart/mixed; boundary=b"), /not valid JSON/);
  });
  it("an attachment part needs X-Experience-API-Hash", () => {
    const body = raw("b", [
      { headers: ["Content-Type: application/json"], body: "[]" },
      { headers: ["Content-Transfer-Encoding: binary"], body: text },
    ]);
    expect400(
      () => parseMultipartMixed(body, "multipart/mixed; boundary=b"),
      /part 2 lacks the X-Experience-API-Hash/,
    );
  });
  it("an attachment part needs Content-Transfer-Encoding: binary", () => {
    const body = raw("b", [
      { headers: ["Content-Type: application/json"], body: "[]" },
      {
        headers: ["Content-Transfer-Encoding: base64", `X-Experience-API-Hash: ${sha256(text)}`],
        body: text,
      },
    ]);
    expect400(
      () => parseMultipartMixed(body, "multipart/mixed; boundary=b"),
      /Content-Transfer-Encoding: binary/,
    );
  });
  it("the part body must match its hash", () => {
    const body = raw("b", [
      { headers: ["Content-Type: application/json"], body: "[]" },
      {
        headers: ["Content-Transfer-Encoding: binary", `X-Experience-API-Hash: ${sha256(text)}`],
        body: "tampered",
      },
    ]);
    expect400(
      () => parseMultipartMixed(body, "multipart/mixed; boundary=b"),
      /does not match X-Experience-API-Hash/,
    );
  });
});

describe("checkAttachments (Communication 1.5.2 LRS requirements)", () => {
  const statement = (): Statement => {
    const s = clone(withAttachment) as unknown as Statement;
    const a = s.attachments?.[0];
    if (a) a.sha2 = sha256(text);
    return s;
  };
  const part: AttachmentPart = { sha2: sha256(text), contentType: "text/plain", body: text };

  it("accepts when every attachment has its part and every part is used", () => {
    expect(() => checkAttachments([statement()], [part])).not.toThrow();
  });
  it("an attachment without fileUrl needs a part", () => {
    expect400(() => checkAttachments([statement()], []), /no fileUrl and no multipart part/);
  });
  it("an attachment with a fileUrl needs no part", () => {
    const s = statement();
    if (s.attachments?.[0]) s.attachments[0].fileUrl = "https://adal.kz/a.txt";
    expect(() => checkAttachments([s], [])).not.toThrow();
  });
  it("a part no attachment refers to is rejected", () => {
    const extra: AttachmentPart = { ...part, sha2: "f".repeat(64) };
    expect400(() => checkAttachments([statement()], [part, extra]), /not referenced/);
  });
  it("SubStatement attachments count", () => {
    const sub = {
      actor: { mbox: "mailto:a@b.kz" },
      verb: { id: "http://example.com/v" },
      object: { objectType: "SubStatement", ...statement() },
    } as unknown as Statement;
    expect(() => checkAttachments([sub], [part])).not.toThrow();
  });
});
