import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  fileProblems,
  projectProblems,
  resolvesInto,
  specifiers,
} from "../../scripts/check-boundaries.ts";

// Each line imports server code in a way the first, regex-based check missed or never scanned.
const badForms = [
  `import "../server/x.ts";`,
  `import '../server/x.ts';`,
  `export { a } from "../server/x.ts";`,
  `export * from "../server/x.ts";`,
  `export type { A } from "../server/x.ts";`,
  `import type { A } from "../server/x.ts";`,
  "const m = await import(`../server/x.ts`);",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: source text of a template literal
  "const m = await import(`../server/${name}.ts`);",
  `const m = await import( /* why */ "../server/x.ts");`,
  `import x = require("../server/x.ts");`,
  `const x = require("../server/x.ts");`,
  `type T = typeof import("../server/x.ts");`,
  `const f = import.meta.glob("/src/server/**/*.ts");`,
  `const f = import.meta.glob(["/src/lib/*.ts", "/src/server/*.ts"]);`,
  `import {\n  a,\n  b,\n} from\n  "../server/x.ts";`,
];

describe("check-boundaries", () => {
  for (const form of badForms) {
    it(`catches ${JSON.stringify(form)}`, () => {
      expect(fileProblems("src/layouts/Base.ts", form)).toHaveLength(1);
    });
  }

  it("scans every part of the site, not only pages and components", () => {
    const bad = `import { x } from "../server/x.ts";`;
    expect(fileProblems("src/i18n/kk.ts", bad)).toHaveLength(1);
    expect(fileProblems("src/lib/quiz/play.ts", bad.replace("../", "../../"))).toHaveLength(1);
    expect(fileProblems("src/content.config.ts", `import "./server/db/open.ts";`)).toHaveLength(1);
    expect(
      fileProblems("src/pages/quiz-banks/[n].json.ts", `import "../../server/exam/pool.ts";`),
    ).toHaveLength(1);
    expect(fileProblems("src/server/app.ts", `import { x } from "./lrs/app.ts";`)).toEqual([]);
  });

  it("reads the frontmatter and scripts of .astro files and the ESM of .mdx files", () => {
    const astro = [
      "---",
      'import Base from "../layouts/Base.astro";',
      "---",
      "<Base><p>import nothing from here</p></Base>",
      "<script>",
      '  import { open } from "../../server/db/open.ts";',
      "</script>",
    ].join("\n");
    expect(fileProblems("src/components/x/A.astro", astro)).toEqual([
      'src/components/x/A.astro:6: imports "../../server/db/open.ts" (only server code may import src/server (pages, components, layouts, i18n and src/lib run in the site))',
    ]);
    const mdx = '---\ntitle: x\n---\n\nimport { s } from "../../src/server/x.ts"\n\n## Мәтін\n';
    expect(specifiers("content/lessons/01.mdx", mdx).map((s) => s.spec)).toEqual([
      "../../src/server/x.ts",
    ]);
  });

  it("refuses computed module paths it cannot check", () => {
    expect(fileProblems("src/components/a.ts", "await import(name);")[0]).toMatch(
      /cannot be checked/u,
    );
    // biome-ignore lint/suspicious/noTemplateCurlyInString: source text of a template literal
    expect(fileProblems("src/components/a.ts", "await import(`./${name}.ts`);")).toEqual([]);
  });

  it("keeps the exam pool out of everything the site builds", () => {
    const glob = `const banks = import.meta.glob("/quizzes/exam/*.yaml", { query: "?raw" });`;
    expect(fileProblems("src/components/quiz/banks.ts", glob)).toHaveLength(1);
    expect(
      fileProblems("src/pages/x.ts", `import bank from "../../quizzes/exam/02-a.yaml?raw";`),
    ).toHaveLength(1);
    expect(
      fileProblems("src/components/quiz/banks.ts", glob.replace("/exam/", "/practice/")),
    ).toEqual([]);
    expect(
      fileProblems("src/server/exam/pool.ts", `import "../../../quizzes/exam/x.yaml";`),
    ).toEqual([]);
  });

  it("keeps astro:* out of src/server and src/lib only", () => {
    const uses = `import { getCollection } from "astro:content";`;
    expect(fileProblems("src/server/a.ts", uses)).toHaveLength(1);
    expect(fileProblems("src/lib/a/b.ts", uses)).toHaveLength(1);
    expect(fileProblems("src/components/lessons.ts", uses)).toEqual([]);
  });

  it("resolves paths by directory, not by name prefix", () => {
    expect(resolvesInto("../serverless/x.ts", "src/components/a.ts", "src/server")).toBe(false);
    expect(resolvesInto("../../server/x.ts", "src/pages/a.ts", "src/server")).toBe(false);
    expect(resolvesInto("../../src/server/x.ts", "src/pages/a.ts", "src/server")).toBe(true);
    expect(resolvesInto("../server", "src/pages/a.ts", "src/server")).toBe(true);
    expect(resolvesInto("adal/src/server/x.ts", "src/pages/a.ts", "src/server")).toBe(true);
  });

  it("reports every violation of a project tree with file and line", () => {
    const root = mkdtempSync(join(tmpdir(), "adal-boundaries-"));
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    write("src/server/db.ts", "export const db = 1;\n");
    write("src/pages/api.json.ts", '// an endpoint\nexport { db } from "../server/db.ts";\n');
    write("src/layouts/Base.astro", '---\nimport "../server/db.ts";\n---\n<slot />\n');
    write("src/components/ok.tsx", 'import { h } from "preact";\n');
    expect(projectProblems(root).sort()).toEqual([
      expect.stringMatching(/^src\/layouts\/Base\.astro:2: imports "\.\.\/server\/db\.ts"/u),
      expect.stringMatching(/^src\/pages\/api\.json\.ts:2: imports "\.\.\/server\/db\.ts"/u),
    ]);
  });

  it("passes on this project", () => {
    expect(projectProblems(process.cwd())).toEqual([]);
  });
});
