// Statements with attachments (multipart/mixed, matched by SHA-2) and signed statements
// (JWS RS256 with x5c), through the HTTP resource, on both databases.
import { createHash, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMultipartMixed, parseMultipartMixed } from "../../../src/server/xapi/multipart.ts";
import { SIGNATURE_USAGE, signStatement, x5cFromPem } from "../../../src/server/xapi/signature.ts";
import type { Statement } from "../../../src/server/xapi/types.ts";
import { databases } from "../helpers/databases.ts";
import { statement, testLrs } from "../helpers/lrs.ts";

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

for (const database of databases) {
  describe(`attachments and signatures on ${database.name}`, () => {
    let lrs: Awaited<ReturnType<typeof testLrs>>;
    let auth: string;
    beforeAll(async () => {
      lrs = await testLrs(database);
      auth = await lrs.basic(["all"]);
    });
    afterAll(async () => lrs.close());

    const send = (body: Uint8Array, contentType: string) =>
      lrs.app.request("/xapi/statements", {
        method: "POST",
        headers: {
          Authorization: auth,
          "X-Experience-API-Version": "1.0.3",
          "Content-Type": contentType,
        },
        body: body as Uint8Array<ArrayBuffer>,
      });

    it("Communication 1.5.2 multipart/mixed (XAPI-00167): stores a statement with a binary attachment and returns it with attachments=true", async () => {
      const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x10, 0x0d, 0x0a]);
      const id = randomUUID();
      const s = statement({
        id,
        attachments: [
          {
            usageType: "http://id.tincanapi.com/attachment/certificate-of-completion",
            display: { "kk-KZ": "Сертификат" },
            contentType: "application/pdf",
            length: pdf.length,
            sha2: sha256(pdf),
          },
        ],
      });
      const multipart = buildMultipartMixed(JSON.stringify(s), [
        { sha2: sha256(pdf), contentType: "application/pdf", body: pdf },
      ]);
      expect((await send(multipart.body, multipart.contentType)).status).toBe(200);
      const back = await lrs.app.request(`/xapi/statements?statementId=${id}&attachments=true`, {
        headers: { Authorization: auth, "X-Experience-API-Version": "1.0.3" },
      });
      expect(back.headers.get("content-type")).toMatch(/^multipart\/mixed; boundary=/u);
      const parsed = parseMultipartMixed(
        new Uint8Array(await back.arrayBuffer()),
        back.headers.get("content-type") ?? "",
      );
      expect((parsed.statements as Statement).id).toBe(id);
      expect(Buffer.from(parsed.attachments[0]?.body ?? []).equals(Buffer.from(pdf))).toBe(true);
    });

    it("Communication 1.5.2.s6: the specification's own example is accepted (its part says text/plain, its contentType adds charset=ascii)", async () => {
      const boundary = "abcABC0123'()+_,-./:=?";
      const example = {
        actor: {
          mbox: "mailto:sample.agent@example.com",
          name: "Sample Agent",
          objectType: "Agent",
        },
        verb: { id: "http://adlnet.gov/expapi/verbs/answered", display: { "en-US": "answered" } },
        object: {
          id: "http://www.example.com/tincan/activities/multipart",
          objectType: "Activity",
          definition: {
            name: { "en-US": "Multi Part Activity" },
            description: { "en-US": "Multi Part Activity Description" },
          },
        },
        attachments: [
          {
            usageType: "http://example.com/attachment-usage/test",
            display: { "en-US": "A test attachment" },
            description: { "en-US": "A test attachment (description)" },
            contentType: "text/plain; charset=ascii",
            length: 27,
            sha2: "495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a",
          },
        ],
      };
      const body = [
        "",
        `--${boundary}`,
        "Content-Type:application/json",
        "",
        JSON.stringify(example, null, 4),
        `--${boundary}`,
        "Content-Type:text/plain",
        "Content-Transfer-Encoding:binary",
        "X-Experience-API-Hash:495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a",
        "",
        "here is a simple attachment",
        `--${boundary}--`,
      ].join("\r\n");
      const response = await send(
        new TextEncoder().encode(body),
        `multipart/mixed; boundary="${boundary}"`,
      );
      expect(response.status).toBe(200);
      const [id] = await response.json();
      const back = await lrs.app.request(`/xapi/statements?statementId=${id}&attachments=true`, {
        headers: { Authorization: auth, "X-Experience-API-Version": "1.0.3" },
      });
      const parsed = parseMultipartMixed(
        new Uint8Array(await back.arrayBuffer()),
        back.headers.get("content-type") ?? "",
      );
      expect(Buffer.from(parsed.attachments[0]?.body ?? []).toString()).toBe(
        "here is a simple attachment",
      );
    });

    it("Communication 1.5.2.s3.b1 (XAPI-00167): attachments=true includes the data of a SubStatement's attachment", async () => {
      const text = new TextEncoder().encode("evidence inside a SubStatement");
      const id = randomUUID();
      const s = statement({
        id,
        object: {
          objectType: "SubStatement",
          actor: { mbox: "mailto:sub@police.kz" },
          verb: { id: "http://adlnet.gov/expapi/verbs/answered" },
          object: { id: "https://adal.test/xapi/activities/lesson/9" },
          attachments: [
            {
              usageType: "http://id.tincanapi.com/attachment/supporting_media",
              display: { "en-US": "evidence" },
              contentType: "text/plain",
              length: text.length,
              sha2: sha256(text),
            },
          ],
        },
      });
      const multipart = buildMultipartMixed(JSON.stringify(s), [
        { sha2: sha256(text), contentType: "text/plain", body: text },
      ]);
      expect((await send(multipart.body, multipart.contentType)).status).toBe(200);
      const back = await lrs.app.request(`/xapi/statements?statementId=${id}&attachments=true`, {
        headers: { Authorization: auth, "X-Experience-API-Version": "1.0.3" },
      });
      const parsed = parseMultipartMixed(
        new Uint8Array(await back.arrayBuffer()),
        back.headers.get("content-type") ?? "",
      );
      expect(parsed.attachments.map((a) => a.sha2)).toEqual([sha256(text)]);
      expect(Buffer.from(parsed.attachments[0]?.body ?? []).toString()).toBe(
        "evidence inside a SubStatement",
      );
    });

    it("Communication 2.1.2.s2.b4: resending a stored statement with attachment data stores nothing, not even the data", async () => {
      const data = new TextEncoder().encode(`resent ${randomUUID()}`);
      const sha2 = sha256(data);
      const s = statement({
        id: randomUUID(),
        attachments: [
          {
            usageType: "http://id.tincanapi.com/attachment/supporting_media",
            display: { "en-US": "hosted elsewhere" },
            contentType: "text/plain",
            length: data.length,
            sha2,
            fileUrl: "https://files.adal.test/evidence.txt",
          },
        ],
      });
      const parts = async () =>
        Number(
          (
            await lrs.db.sql.get<{ n: number }>(
              "SELECT COUNT(*) AS n FROM lrs_attachments WHERE sha2 = ?",
              [sha2],
            )
          )?.n,
        );
      const json = new TextEncoder().encode(JSON.stringify(s));
      expect((await send(json, "application/json")).status).toBe(200);
      const again = buildMultipartMixed(JSON.stringify(s), [
        { sha2, contentType: "text/plain", body: data },
      ]);
      expect((await send(again.body, again.contentType)).status).toBe(200);
      expect(await parts()).toBe(0);
    });

    it("Communication 1.5.2: refuses an attachment declared without its part, and a part with a wrong hash", async () => {
      const data = new TextEncoder().encode("сертификат");
      const declared = statement({
        attachments: [
          {
            usageType: "http://id.tincanapi.com/attachment/supporting_media",
            display: { "en-US": "x" },
            contentType: "text/plain",
            length: data.length,
            sha2: sha256(data),
          },
        ],
      });
      const missing = buildMultipartMixed(JSON.stringify(declared), []);
      expect((await send(missing.body, missing.contentType)).status).toBe(400);
      const wrong = buildMultipartMixed(JSON.stringify(declared), [
        { sha2: sha256(data), contentType: "text/plain", body: new TextEncoder().encode("басқа") },
      ]);
      expect((await send(wrong.body, wrong.contentType)).status).toBe(400);
    });

    it("Data 2.6: accepts a correctly signed statement and refuses a tampered one", async () => {
      const key = readFileSync("tests/server/xapi/fixtures/signer.key.pem", "utf8");
      const cert = readFileSync("tests/server/xapi/fixtures/signer.cert.pem", "utf8");
      const base = statement({ id: randomUUID() }) as unknown as Statement;
      const jws = new TextEncoder().encode(signStatement(base, key, "RS256", [x5cFromPem(cert)]));
      const signature = {
        usageType: SIGNATURE_USAGE,
        display: { "en-US": "signature" },
        contentType: "application/octet-stream",
        length: jws.length,
        sha2: sha256(jws),
      };
      const good = buildMultipartMixed(JSON.stringify({ ...base, attachments: [signature] }), [
        { sha2: sha256(jws), contentType: "application/octet-stream", body: jws },
      ]);
      expect((await send(good.body, good.contentType)).status).toBe(200);
      const tampered = {
        ...base,
        id: randomUUID(),
        verb: { id: "http://adlnet.gov/expapi/verbs/passed" },
        attachments: [signature],
      };
      const bad = buildMultipartMixed(JSON.stringify(tampered), [
        { sha2: sha256(jws), contentType: "application/octet-stream", body: jws },
      ]);
      const refused = await send(bad.body, bad.contentType);
      expect(refused.status).toBe(400);
    });
  });
}
