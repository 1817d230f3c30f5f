// Explicit limits (Communication 3.2 Error Codes, XAPI-00328: 413 past the size limit) hold for
// bodies of unknown length too, and JSON nested past the cap is a 400, never a 500; nothing
// of a refused request is stored. Both databases.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS as LIMITS } from "../../../src/server/lrs/limits.ts";
import { MAX_JSON_DEPTH } from "../../../src/server/xapi/json-depth.ts";
import { buildMultipartMixed } from "../../../src/server/xapi/multipart.ts";
import { databases } from "../helpers/databases.ts";
import { ORIGIN, statement, testLrs, xapiHeaders } from "../helpers/lrs.ts";

/** A body of unknown length (chunked on the wire) that counts how much of it was read. */
function streamed(total: number, chunk = 64 * 1024) {
  let produced = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (produced >= total) return controller.close();
      const n = Math.min(chunk, total - produced);
      produced += n;
      controller.enqueue(new Uint8Array(n).fill(0x20));
    },
  });
  return { body, read: () => produced };
}

const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

for (const database of databases) {
  describe(`limits on ${database.name}`, () => {
    let lrs: Awaited<ReturnType<typeof testLrs>>;
    let all: string;
    beforeAll(async () => {
      lrs = await testLrs(database);
      all = await lrs.basic(["all"]);
    });
    afterAll(async () => lrs.close());

    const send = (path: string, body: BodyInit, headers: Record<string, string> = {}) =>
      lrs.app.request(`/xapi${path}`, {
        method: "POST",
        headers: xapiHeaders(all, headers),
        body,
        duplex: "half",
      } as RequestInit);
    const count = async () =>
      Number((await lrs.db.sql.get<{ n: number }>("SELECT COUNT(*) AS n FROM lrs_statements"))?.n);

    it("Communication 3.2 (XAPI-00328): a chunked statements body past the 8 MiB default is cut off with 413 without reading it all", async () => {
      const before = await count();
      const big = streamed(50 * 1024 * 1024);
      const response = await send("/statements", big.body);
      expect(response.status).toBe(413);
      expect((await response.json()).message).toMatch(
        /limit of 8388608 bytes \(8 MiB\), set by ADAL_LRS_MAX_JSON_BYTES/u,
      );
      expect(big.read()).toBeLessThan(LIMITS.jsonBytes + 256 * 1024);
      expect(await count()).toBe(before);
    });

    it("Communication 3.2: the document and multipart limits hold for chunked bodies too", async () => {
      const activity = encodeURIComponent(`${ORIGIN}/xapi/activities/lesson/1`);
      const agent = encodeURIComponent(JSON.stringify({ mbox: "mailto:limit@police.kz" }));
      const doc = streamed(20 * 1024 * 1024);
      const documentResponse = await send(
        `/activities/state?activityId=${activity}&agent=${agent}&stateId=big`,
        doc.body,
      );
      expect(documentResponse.status).toBe(413);
      expect(doc.read()).toBeLessThan(LIMITS.jsonBytes + 256 * 1024);
      const multipart = streamed(200 * 1024 * 1024);
      const multipartResponse = await send("/statements", multipart.body, {
        "Content-Type": "multipart/mixed; boundary=b",
      });
      expect(multipartResponse.status).toBe(413);
      expect(multipart.read()).toBeLessThan(LIMITS.multipartBytes + 256 * 1024);
    });

    it("Communication 1.3: the alternate request syntax's form body has a limit too", async () => {
      const form = streamed(50 * 1024 * 1024);
      const response = await lrs.app.request("/xapi/statements?method=POST", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: form.body,
        duplex: "half",
      } as RequestInit);
      expect(response.status).toBe(413);
      expect(form.read()).toBeLessThan(LIMITS.formBytes + 256 * 1024);
    });

    it("Communication 1.4: a body that is not UTF-8 is a 400 (statements, a multipart statement part, a JSON document), nothing stored", async () => {
      const before = await count();
      const json = Buffer.from(JSON.stringify(statement({ result: { response: "#" } })));
      const bad = Buffer.concat([
        json.subarray(0, json.indexOf("#")),
        Buffer.from([0xc3, 0x28]),
        json.subarray(json.indexOf("#") + 1),
      ]);
      const plain = await send("/statements", bad);
      expect(plain.status).toBe(400);
      expect((await plain.json()).message).toMatch(/not valid UTF-8/u);
      const head = Buffer.from("--b\r\nContent-Type: application/json\r\n\r\n");
      const multipart = await send(
        "/statements",
        Buffer.concat([head, bad, Buffer.from("\r\n--b--")]),
        {
          "Content-Type": "multipart/mixed; boundary=b",
        },
      );
      expect(multipart.status).toBe(400);
      expect((await multipart.json()).message).toMatch(/not valid UTF-8/u);
      const activity = encodeURIComponent(`${ORIGIN}/xapi/activities/lesson/1`);
      const agent = encodeURIComponent(JSON.stringify({ mbox: "mailto:utf8@police.kz" }));
      const document = await send(
        `/activities/state?activityId=${activity}&agent=${agent}&stateId=bytes`,
        Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]),
      );
      expect(document.status).toBe(400);
      expect(await count()).toBe(before);
      // Valid UTF-8 beyond ASCII is, of course, fine.
      expect(
        (await send("/statements", JSON.stringify(statement({ result: { response: "Сәлем" } }))))
          .status,
      ).toBe(200);
    });

    it("Communication 3.2.s3.b16: a batch of 1,000 ordinary statements (about 1.2 KB each) is accepted by default", async () => {
      const before = await count();
      const batch = Array.from({ length: 1000 }, (_, i) =>
        statement({
          id: randomUUID(),
          actor: {
            objectType: "Agent",
            account: { homePage: ORIGIN, name: String(100000 + i) },
            name: "Ерлан Сейітқазыұлы Нұрмағамбетов",
          },
          object: {
            objectType: "Activity",
            id: `${ORIGIN}/xapi/activities/quiz-item/p${i % 11}-item-${i}`,
            definition: {
              type: "http://adlnet.gov/expapi/activities/cmi.interaction",
              name: { "kk-KZ": "Жол жүрісі ережелері: жаяу жүргіншілер өткелі, сұрақ" },
              interactionType: "choice",
              correctResponsesPattern: ["b"],
              choices: ["a", "b", "c", "d"].map((id) => ({
                id,
                description: { "kk-KZ": `Жауап нұсқасы ${id}` },
              })),
            },
          },
          result: { success: i % 3 !== 0, response: "b", duration: "PT42S" },
          context: {
            registration: randomUUID(),
            contextActivities: {
              parent: [{ id: `${ORIGIN}/xapi/activities/quiz/practice/${i % 11}` }],
            },
          },
        }),
      );
      const body = JSON.stringify(batch);
      expect(body.length / batch.length).toBeGreaterThan(1000);
      expect(Buffer.byteLength(body)).toBeGreaterThan(1024 * 1024);
      const response = await send("/statements", body);
      expect(response.status).toBe(200);
      expect(await count()).toBe(before + 1000);
    }, 60_000);

    it(`Data 2.4 / Communication 3.2: JSON nested deeper than ${MAX_JSON_DEPTH} levels is a 400 naming the cap, nothing stored`, async () => {
      const before = await count();
      const deep = JSON.stringify(
        statement({ result: { extensions: { "https://adal.kz/x": "DEEP" } } }),
      ).replace('"DEEP"', nested(5000));
      const response = await send("/statements", deep);
      expect(response.status).toBe(400);
      expect((await response.json()).message).toMatch(/more than 64 levels/u);
      // Just under the cap is accepted (the statement itself takes three levels).
      const fits = JSON.stringify(
        statement({ id: randomUUID(), result: { extensions: { "https://adal.kz/x": "DEEP" } } }),
      ).replace('"DEEP"', nested(MAX_JSON_DEPTH - 3));
      expect((await send("/statements", fits)).status).toBe(200);
      expect(await count()).toBe(before + 1);
    });

    it("Communication 3.2: deep JSON in a document or a multipart statement part is a 400 too", async () => {
      const activity = encodeURIComponent(`${ORIGIN}/xapi/activities/lesson/1`);
      const agent = encodeURIComponent(JSON.stringify({ mbox: "mailto:deep@police.kz" }));
      const documentResponse = await send(
        `/activities/state?activityId=${activity}&agent=${agent}&stateId=deep`,
        `{"a":${nested(5000)}}`,
      );
      expect(documentResponse.status).toBe(400);
      const multipart = buildMultipartMixed(
        JSON.stringify(statement({ result: { extensions: { "https://adal.kz/x": "D" } } })).replace(
          '"D"',
          nested(5000),
        ),
        [],
      );
      const multipartResponse = await send(
        "/statements",
        multipart.body as Uint8Array<ArrayBuffer>,
        { "Content-Type": multipart.contentType },
      );
      expect(multipartResponse.status).toBe(400);
    });
  });
}

describe("configured limits", () => {
  let lrs: Awaited<ReturnType<typeof testLrs>>;
  let all: string;
  beforeAll(async () => {
    lrs = await testLrs(databases[0] as (typeof databases)[number], {
      limits: { jsonBytes: 64 * 1024, batch: 3, pageMax: 2 },
    });
    all = await lrs.basic(["all"]);
  });
  afterAll(async () => lrs.close());

  const post = (body: string) =>
    lrs.app.request("/xapi/statements", { method: "POST", headers: xapiHeaders(all), body });

  it("Communication 3.2.s3.b11/b16: a 413 names the configured limit and the variable that sets it", async () => {
    const big = await post(
      JSON.stringify(statement({ result: { response: "x".repeat(70 * 1024) } })),
    );
    expect(big.status).toBe(413);
    expect((await big.json()).message).toMatch(
      /limit of 65536 bytes \(64 KiB\), set by ADAL_LRS_MAX_JSON_BYTES/u,
    );
    const many = await post(JSON.stringify([statement(), statement(), statement(), statement()]));
    expect(many.status).toBe(413);
    expect((await many.json()).message).toMatch(
      /at most 3 statements \(set by ADAL_LRS_MAX_BATCH\)/u,
    );
    expect((await post(JSON.stringify([statement(), statement(), statement()]))).status).toBe(200);
    const page = await lrs.app.request("/xapi/statements?limit=50", { headers: xapiHeaders(all) });
    const result = await page.json();
    expect(result.statements).toHaveLength(2);
    const next = await lrs.app.request(result.more, { headers: xapiHeaders(all) });
    expect((await next.json()).statements).toHaveLength(1);
  });
});
