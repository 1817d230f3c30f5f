import { describe, expect, it } from "vitest";
import { readConfig } from "../../../src/server/config.ts";

describe("ADAL_TIMEZONE", () => {
  it("defaults to Kazakhstan's zone and takes any IANA zone", () => {
    expect(readConfig({}).ADAL_TIMEZONE).toBe("Asia/Almaty");
    expect(readConfig({ ADAL_TIMEZONE: "Asia/Aqtobe" }).ADAL_TIMEZONE).toBe("Asia/Aqtobe");
  });

  it("refuses a zone that does not exist, naming the variable", () => {
    expect(() => readConfig({ ADAL_TIMEZONE: "Asia/Astana-City" })).toThrow(
      /ADAL_TIMEZONE: an IANA time zone/u,
    );
    expect(() => readConfig({ ADAL_TIMEZONE: "+05:00x" })).toThrow(/ADAL_TIMEZONE/u);
  });
});
