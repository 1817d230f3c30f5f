import { describe, expect, it } from "vitest";
import { readConfig } from "../../src/server/config.ts";

describe("readConfig", () => {
  it("uses the embedded database when DATABASE_URL is unset or empty", () => {
    expect(readConfig({}).DATABASE_URL).toBeUndefined();
    expect(readConfig({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
    expect(readConfig({ DATABASE_URL: "", ADAL_DB: "x.sqlite" }).ADAL_DB).toBe("x.sqlite");
  });

  it("takes a PostgreSQL URL when one is given", () => {
    const url = "postgres://postgres@127.0.0.1:5432/test";
    expect(readConfig({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
  });

  it("names the variable that is wrong", () => {
    expect(() => readConfig({ DATABASE_URL: "not a url" })).toThrow(/DATABASE_URL/u);
    expect(() => readConfig({ PORT: "70000" })).toThrow(/PORT/u);
  });

  it("writes demo history for 150 learners on a first start unless told otherwise", () => {
    expect(readConfig({}).ADAL_DEMO_HISTORY).toBe(150);
    expect(readConfig({ ADAL_DEMO_HISTORY: "0" }).ADAL_DEMO_HISTORY).toBe(0);
    expect(() => readConfig({ ADAL_DEMO_HISTORY: "many" })).toThrow(/ADAL_DEMO_HISTORY/u);
    expect(() => readConfig({ ADAL_DEMO_HISTORY: "-1" })).toThrow(/ADAL_DEMO_HISTORY/u);
  });

  it("derives the public origin from the port unless ADAL_ORIGIN is set", () => {
    expect(readConfig({ PORT: "5000" }).origin).toBe("http://localhost:5000");
    expect(readConfig({ ADAL_ORIGIN: "https://adal.police.kz/" }).origin).toBe(
      "https://adal.police.kz",
    );
  });

  it("reads the trusted proxies as IP addresses and refuses anything else", () => {
    expect(readConfig({}).ADAL_TRUSTED_PROXIES).toEqual([]);
    expect(readConfig({ ADAL_TRUSTED_PROXIES: "10.0.0.2, ::1" }).ADAL_TRUSTED_PROXIES).toEqual([
      "10.0.0.2",
      "::1",
    ]);
    expect(() => readConfig({ ADAL_TRUSTED_PROXIES: "10.0.0.2,proxy.local" })).toThrow(
      /ADAL_TRUSTED_PROXIES.*IP addresses/u,
    );
  });

  it("wants the signing key and certificate together, and a sane sweep interval", () => {
    expect(readConfig({}).ADAL_SIGNING_KEY).toBeUndefined();
    expect(() => readConfig({ ADAL_SIGNING_KEY: "key.pem" })).toThrow(
      /ADAL_SIGNING_KEY: set ADAL_SIGNING_KEY and ADAL_SIGNING_CERT together/u,
    );
    expect(
      readConfig({ ADAL_SIGNING_KEY: "k.pem", ADAL_SIGNING_CERT: "c.pem" }).ADAL_SIGNING_CERT,
    ).toBe("c.pem");
    expect(readConfig({}).ADAL_SWEEP_SECONDS).toBe(30);
    expect(() => readConfig({ ADAL_SWEEP_SECONDS: "-1" })).toThrow(/ADAL_SWEEP_SECONDS/u);
  });

  it("reads the LRS size limits in bytes or binary units, and names a wrong one", () => {
    const none = readConfig({});
    expect(none.ADAL_LRS_MAX_JSON_BYTES).toBeUndefined();
    expect(none.ADAL_LRS_MAX_BATCH).toBeUndefined();
    const set = readConfig({
      ADAL_LRS_MAX_JSON_BYTES: "16MiB",
      ADAL_LRS_MAX_MULTIPART_BYTES: "1G",
      ADAL_LRS_MAX_FORM_BYTES: "70000",
      ADAL_LRS_MAX_BATCH: "5000",
      ADAL_LRS_MAX_PAGE: "500",
    });
    expect(set.ADAL_LRS_MAX_JSON_BYTES).toBe(16 * 1024 * 1024);
    expect(set.ADAL_LRS_MAX_MULTIPART_BYTES).toBe(1024 ** 3);
    expect(set.ADAL_LRS_MAX_FORM_BYTES).toBe(70000);
    expect(set.ADAL_LRS_MAX_BATCH).toBe(5000);
    expect(set.ADAL_LRS_MAX_PAGE).toBe(500);
    expect(() => readConfig({ ADAL_LRS_MAX_JSON_BYTES: "lots" })).toThrow(
      /ADAL_LRS_MAX_JSON_BYTES: a size in bytes/u,
    );
    expect(() => readConfig({ ADAL_LRS_MAX_JSON_BYTES: "10" })).toThrow(
      /ADAL_LRS_MAX_JSON_BYTES: at least 65536 bytes/u,
    );
    expect(() => readConfig({ ADAL_LRS_MAX_BATCH: "0" })).toThrow(/ADAL_LRS_MAX_BATCH/u);
    expect(() => readConfig({ ADAL_LRS_MAX_PAGE: "1e6" })).toThrow(/ADAL_LRS_MAX_PAGE/u);
  });
});
