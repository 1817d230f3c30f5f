import {
  array,
  at,
  type Ctx,
  extensions,
  fail,
  iri,
  irl,
  keyIri,
  languageMap,
  object,
  optional,
  required,
  string,
} from "./core.ts";

export const INTERACTION_TYPES = [
  "true-false",
  "choice",
  "fill-in",
  "long-fill-in",
  "matching",
  "performance",
  "sequencing",
  "likert",
  "numeric",
  "other",
] as const;

const COMPONENT_LISTS = ["choices", "scale", "source", "target", "steps"] as const;

/** Data 2.4.4.1.1: which interaction component lists each interactionType may carry. */
const LISTS_FOR: Record<string, readonly string[]> = {
  choice: ["choices"],
  sequencing: ["choices"],
  likert: ["scale"],
  matching: ["source", "target"],
  performance: ["steps"],
};

function components(ctx: Ctx, path: string, value: unknown): void {
  if (!array(ctx, path, value)) return;
  const seen = new Set<string>();
  value.forEach((c, i) => {
    const p = at(path, i);
    const comp = object(ctx, p, c, ["id", "description"]);
    if (!comp) return;
    required(ctx, comp, "id", p, (ip, v) => {
      if (!string(ctx, ip, v)) return;
      if (v === "") fail(ctx, ip, "must not be empty");
      if (seen.has(v)) fail(ctx, ip, `duplicates the id "${v}" within this list`);
      seen.add(v);
    });
    optional(comp, "description", p, (dp, v) => languageMap(ctx, dp, v));
  });
}

/** Data 2.4.4.1: Activity Definition, including interaction activities. */
export function definition(ctx: Ctx, path: string, value: unknown): void {
  const def = object(ctx, path, value, [
    "name",
    "description",
    "type",
    "moreInfo",
    "extensions",
    "interactionType",
    "correctResponsesPattern",
    ...COMPONENT_LISTS,
  ]);
  if (!def) return;
  optional(def, "name", path, (p, v) => languageMap(ctx, p, v));
  optional(def, "description", path, (p, v) => languageMap(ctx, p, v));
  optional(def, "type", path, (p, v) => iri(ctx, p, v));
  optional(def, "moreInfo", path, (p, v) => irl(ctx, p, v));
  optional(def, "extensions", path, (p, v) => extensions(ctx, p, v));

  let interactionType: string | undefined;
  optional(def, "interactionType", path, (p, v) => {
    if (!string(ctx, p, v)) return;
    if ((INTERACTION_TYPES as readonly string[]).includes(v)) interactionType = v;
    else fail(ctx, p, `must be one of ${INTERACTION_TYPES.join(", ")}`);
  });
  const hasType = "interactionType" in def;

  optional(def, "correctResponsesPattern", path, (p, v) => {
    if (!hasType) fail(ctx, p, "is only allowed together with interactionType");
    if (!array(ctx, p, v)) return;
    for (const [i, s] of v.entries()) string(ctx, at(p, i), s);
  });
  for (const list of COMPONENT_LISTS) {
    optional(def, list, path, (p, v) => {
      if (!hasType) {
        fail(ctx, p, "is only allowed together with interactionType");
      } else if (interactionType !== undefined && !LISTS_FOR[interactionType]?.includes(list)) {
        fail(ctx, p, `is not allowed for interactionType "${interactionType}"`);
      }
      components(ctx, p, v);
    });
  }
}

/** Data 2.4.4.1: an Activity has an IRI id and an optional definition. */
export function activity(ctx: Ctx, path: string, value: unknown): void {
  const obj = object(ctx, path, value, ["objectType", "id", "definition"]);
  if (!obj) return;
  if ("objectType" in obj && obj.objectType !== "Activity") {
    fail(ctx, at(path, "objectType"), 'must be "Activity"');
  }
  required(ctx, obj, "id", path, (p, v) => keyIri(ctx, p, v));
  optional(obj, "definition", path, (p, v) => definition(ctx, p, v));
}
