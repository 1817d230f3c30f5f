// Enforces the architecture's import boundaries (run by `npm run lint`):
// - nothing under src/ but src/server itself imports server code (src/server/**): pages and
//   their endpoints, components, layouts, i18n, the content config and src/lib run in the site;
// - src/server and src/lib never import astro:* virtual modules (they run outside Astro);
// - nothing under src/ but src/server reads the exam pool (quizzes/exam): what the site imports
//   is built into dist/, and the exam's items and keys must never reach the browser.
// Module specifiers are found with TypeScript's parser, so every form counts: `import … from`,
// bare `import "…"`, `export … from`, `import x = require(…)`, `import(…)` (also with a template
// literal), `typeof import(…)`, `require(…)` and `import.meta.glob(…)`. In .astro files the
// frontmatter and <script> blocks are parsed, in .mdx files the ESM lines.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import ts from "typescript";

export interface Specifier {
  /** The module specifier, or null when it is computed and cannot be checked. */
  spec: string | null;
  /** For a template literal with substitutions: the literal text before the first one. */
  prefix?: string;
  line: number;
}

interface Block {
  code: string;
  /** Offset of the block in the file, to report lines of the file. */
  offset: number;
}

function blocks(file: string, source: string): Block[] {
  if (file.endsWith(".astro")) {
    const found: Block[] = [];
    const front = /^---\r?\n([\s\S]*?)\r?\n---/u.exec(source);
    if (front?.[1] !== undefined) found.push({ code: front[1], offset: front.index + 4 });
    for (const m of source.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gu)) {
      if (/type=["']application\/(?:ld\+)?json["']/u.test(m[1] ?? "")) continue;
      found.push({ code: m[2] ?? "", offset: (m.index ?? 0) + m[0].indexOf(">") + 1 });
    }
    return found;
  }
  if (file.endsWith(".mdx")) {
    // MDX ESM: paragraphs that start with import/export at the start of a line.
    return [...source.matchAll(/^(?:import|export)\b[\s\S]*?(?=\r?\n\s*\r?\n|$(?![\s\S]))/gmu)].map(
      (m) => ({ code: m[0], offset: m.index ?? 0 }),
    );
  }
  return [{ code: source, offset: 0 }];
}

function lineAt(source: string, offset: number): number {
  return source.slice(0, offset).split("\n").length;
}

/** Every module specifier a source file uses, with its line. */
export function specifiers(file: string, source: string): Specifier[] {
  const found: Specifier[] = [];
  for (const block of blocks(file, source)) {
    const kind =
      file.endsWith(".tsx") || file.endsWith(".jsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
    const tree = ts.createSourceFile("block.ts", block.code, ts.ScriptTarget.Latest, true, kind);
    const add = (node: ts.Node | undefined, at: ts.Node) => {
      const line = lineAt(source, block.offset + at.getStart(tree));
      if (node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)))
        found.push({ spec: node.text, line });
      else if (node && ts.isTemplateExpression(node))
        found.push({ spec: null, prefix: node.head.text, line });
      else found.push({ spec: null, line });
    };
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
        if (node.moduleSpecifier) add(node.moduleSpecifier, node);
      } else if (
        ts.isImportEqualsDeclaration(node) &&
        ts.isExternalModuleReference(node.moduleReference)
      ) {
        add(node.moduleReference.expression, node);
      } else if (ts.isImportTypeNode(node)) {
        const arg = node.argument;
        add(ts.isLiteralTypeNode(arg) ? arg.literal : undefined, node);
      } else if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const isDynamicImport = callee.kind === ts.SyntaxKind.ImportKeyword;
        const isRequire = ts.isIdentifier(callee) && callee.text === "require";
        const isGlob =
          ts.isPropertyAccessExpression(callee) &&
          callee.name.text === "glob" &&
          ts.isMetaProperty(callee.expression);
        if (isDynamicImport || isRequire) add(node.arguments[0], node);
        if (isGlob) {
          const arg = node.arguments[0];
          if (arg && ts.isArrayLiteralExpression(arg)) for (const e of arg.elements) add(e, node);
          else add(arg, node);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(tree);
  }
  return found;
}

/** Whether a specifier used in `from` (a path relative to root) points into `target`. */
export function resolvesInto(spec: string, from: string, target: string): boolean {
  const clean = spec.replace(/^!/u, ""); // negated glob patterns name the same directory
  let path: string;
  if (clean.startsWith(".")) path = join(from, "..", clean);
  else if (clean.startsWith("/"))
    path = join(clean.slice(1)); // root-relative (Vite)
  else return clean.includes(target); // a bare specifier reaching in, e.g. "adal/src/server/x"
  const normal = path.split(sep).join("/");
  return normal === target || normal.startsWith(`${target}/`);
}

interface Rule {
  applies: (file: string) => boolean;
  forbid: (spec: string, file: string) => boolean;
  why: string;
}

const inServer = (f: string) => f.startsWith("src/server/");
export const rules: Rule[] = [
  {
    applies: (f) => f.startsWith("src/") && !inServer(f),
    forbid: (spec, file) => resolvesInto(spec, file, "src/server"),
    why: "only server code may import src/server (pages, components, layouts, i18n and src/lib run in the site)",
  },
  {
    applies: (f) => inServer(f) || f.startsWith("src/lib/"),
    forbid: (spec) => spec.startsWith("astro:"),
    why: "src/server and src/lib run outside Astro",
  },
  {
    applies: (f) => f.startsWith("src/") && !inServer(f),
    forbid: (spec, file) => resolvesInto(spec, file, "quizzes/exam"),
    why: "the exam pool is read by the server only: what the site imports ships in dist/",
  },
];

/** Boundary violations of one file (path relative to the project root, `/`-separated). */
export function fileProblems(file: string, source: string): string[] {
  const applicable = rules.filter((r) => r.applies(file));
  if (applicable.length === 0) return [];
  const problems: string[] = [];
  for (const s of specifiers(file, source)) {
    for (const rule of applicable) {
      if (s.spec !== null && rule.forbid(s.spec, file))
        problems.push(`${file}:${s.line}: imports "${s.spec}" (${rule.why})`);
      else if (s.spec === null && (!s.prefix || rule.forbid(s.prefix, file)))
        problems.push(
          s.prefix
            ? `${file}:${s.line}: imports a computed path starting "${s.prefix}" (${rule.why})`
            : `${file}:${s.line}: imports a computed module path, which cannot be checked; use a string literal`,
        );
    }
  }
  return [...new Set(problems)];
}

const CODE = /\.(?:ts|tsx|mts|cts|js|jsx|mjs|cjs|astro|mdx)$/u;

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (CODE.test(entry.name)) yield path;
  }
}

/** All violations under `root`/src. */
export function projectProblems(root: string): string[] {
  const src = join(root, "src");
  if (!statSync(src, { throwIfNoEntry: false })?.isDirectory())
    return [`${src}: no such directory`];
  return [...files(src)].flatMap((path) =>
    fileProblems(relative(root, path).split(sep).join("/"), readFileSync(path, "utf8")),
  );
}

if (import.meta.main) {
  const problems = projectProblems(process.cwd());
  if (problems.length > 0) {
    console.error(`Import boundary violations:\n${problems.join("\n")}`);
    process.exit(1);
  }
  console.log("import boundaries: ok");
}
