// `npm start` builds again when the environment the site was built for has changed.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BUILD_ENV_FILE, buildEnvFingerprint } from "../../src/build/build-env.ts";

describe("the build's environment fingerprint", () => {
  it("changes with PUBLIC_* variables and the site URL, not with others", () => {
    const base = buildEnvFingerprint({ HOME: "/root" });
    expect(buildEnvFingerprint({ HOME: "/elsewhere", PORT: "1" })).toBe(base);
    expect(buildEnvFingerprint({ PUBLIC_LRS_ENDPOINT: "https://lrs.kz/xapi/" })).not.toBe(base);
    expect(buildEnvFingerprint({ ADAL_SITE_URL: "https://adal.kz" })).not.toBe(base);
    expect(buildEnvFingerprint({ PUBLIC_LRS_AUTH: "" })).toBe(base);
  });

  it("is written beside the built site", () => {
    expect(readFileSync(`dist/${BUILD_ENV_FILE}`, "utf8")).toMatch(/^[0-9a-f]{64}$/u);
  });
});
