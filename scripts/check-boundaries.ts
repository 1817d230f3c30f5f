// Enforces the architecture's import boundaries (run by `npm run lint`):
// - pages and components never import server code (src/server/**);
// - src/server and src/lib never import astro:* virtual modules (they run outside Astro).
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

const root = process.cwd();
const IMPORT =
  /(?:import|export)\s[^"'`]*?from\s*["']([^"']+)["']|import\s*\(\s*["']([^"']+)["']\s*\)/gu;

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (/\.(?:ts|tsx|astro|mjs|js|mdx)$/u.test(entry.name)) yield path;
  }
}

const rules: { dir: string; forbid: (spec: string, from: string) => boolean; why: string }[] = [
  {
    dir: "src/pages",
    forbid: (spec, from) => resolvesInto(spec, from, "src/server"),
    why: "pages must not import server code",
  },
  {
    dir: "src/components",
    forbid: (spec, from) => resolvesInto(spec, from, "src/server"),
    why: "components must not import server code",
  },
  {
    dir: "src/server",
    forbid: (spec) => spec.startsWith("astro:"),
    why: "server code runs outside Astro",
  },
  { dir: "src/lib", forbid: (spec) => spec.startsWith("astro:"), why: "src/lib is framework-free" },
];

function resolvesInto(spec: string, from: string, target: string): boolean {
  if (!spec.startsWith(".")) return spec.includes("src/server");
  return relative(root, join(from, "..", spec)).startsWith(target);
}

const problems: string[] = [];
for (const rule of rules) {
  for (const file of files(join(root, rule.dir))) {
    const source = readFileSync(file, "utf8");
    for (const match of source.matchAll(IMPORT)) {
      const spec = match[1] ?? match[2] ?? "";
      if (rule.forbid(spec, file))
        problems.push(`${relative(root, file)}: imports "${spec}" (${rule.why})`);
    }
  }
}
if (problems.length > 0) {
  console.error(`Import boundary violations:\n${problems.join("\n")}`);
  process.exit(1);
}
console.log("import boundaries: ok");
