// Astro integration: records, beside the built site, a fingerprint of the environment the build
// depends on (PUBLIC_* variables, the site URL), so that `npm start` can tell that a site built
// for another LRS or origin must be built again. The file starts with a dot: the server never
// serves dotfiles.
import { createHash } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";

export const BUILD_ENV_FILE = ".build-env";

/** A hash of the variables that change what the build writes; the values are not kept. */
export function buildEnvFingerprint(env: Record<string, string | undefined>): string {
  const relevant = Object.entries(env)
    .filter(([name, value]) => (name.startsWith("PUBLIC_") || name === "ADAL_SITE_URL") && value)
    .sort(([a], [b]) => a.localeCompare(b));
  return createHash("sha256").update(JSON.stringify(relevant)).digest("hex");
}

export function buildEnv(): AstroIntegration {
  return {
    name: "adal-build-env",
    hooks: {
      "astro:build:done": async ({ dir }) => {
        await writeFile(join(fileURLToPath(dir), BUILD_ENV_FILE), buildEnvFingerprint(process.env));
      },
    },
  };
}
