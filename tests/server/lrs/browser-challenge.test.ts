// A 401 to the site's own script must not carry a Basic challenge: the browser would pop up
// its password dialog over the page when a learner's session has expired.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqliteDatabase } from "../helpers/databases.ts";
import { testLrs } from "../helpers/lrs.ts";

let lrs: Awaited<ReturnType<typeof testLrs>>;
beforeAll(async () => {
  lrs = await testLrs(sqliteDatabase);
});
afterAll(() => lrs.close());

const ask = (headers: Record<string, string>) =>
  lrs.app.request("/xapi/statements", {
    method: "POST",
    headers: {
      "X-Experience-API-Version": "1.0.3",
      "Content-Type": "application/json",
      ...headers,
    },
    body: "[]",
  });

describe("the LRS's 401 challenge", () => {
  it("is Basic for xAPI clients and for a person opening the LRS in the browser", async () => {
    for (const headers of [{}, { "Sec-Fetch-Mode": "navigate" }]) {
      const response = await ask(headers);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Basic realm="Adal LRS"/u);
    }
  });

  it("is not Basic for a page's script calling with its (expired) session", async () => {
    for (const mode of ["cors", "same-origin"]) {
      const response = await ask({ "Sec-Fetch-Mode": mode, "Sec-Fetch-Site": "same-origin" });
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe('Session realm="Adal LRS"');
    }
  });

  it("is Basic again when the script sent wrong Basic credentials itself", async () => {
    const wrong = `Basic ${Buffer.from("nobody:nothing").toString("base64")}`;
    const response = await ask({ "Sec-Fetch-Mode": "cors", Authorization: wrong });
    expect(response.headers.get("www-authenticate")).toMatch(/^Basic/u);
  });
});
