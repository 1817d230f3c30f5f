import { defineConfig } from "vitest/config";

// Two projects: `unit` runs before the build (no dist/ needed), `build` checks the built site.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/build/**", "tests/e2e/**"],
        },
      },
      { extends: true, test: { name: "build", include: ["tests/build/**/*.test.ts"] } },
    ],
  },
});
