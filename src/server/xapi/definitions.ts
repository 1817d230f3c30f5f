// The LRS's canonical activity definitions (Data 2.4.4.1, Communication 2.5): which
// definitions a statement carries, and how a new one updates the stored one. Language maps
// are merged, so a statement that names an activity in Kazakh does not erase its Russian
// name; every other property takes the newest value. Pure.
import type {
  Activity,
  ActivityDefinition,
  ContextActivities,
  InteractionComponent,
  LanguageMap,
  Statement,
  SubStatement,
} from "./types.ts";

const COMPONENT_LISTS = ["choices", "scale", "source", "target", "steps"] as const;

const mergeMaps = (old: LanguageMap | undefined, next: LanguageMap | undefined) =>
  old && next ? { ...old, ...next } : (next ?? old);

/** Interaction components: the new list decides which exist; descriptions merge by id. */
function mergeComponents(
  old: InteractionComponent[] | undefined,
  next: InteractionComponent[],
): InteractionComponent[] {
  const before = new Map((old ?? []).map((c) => [c.id, c]));
  return next.map((c) => {
    const description = mergeMaps(before.get(c.id)?.description, c.description);
    return description ? { ...c, description } : { ...c };
  });
}

/** The canonical definition after `next` is seen; `old` is the stored one, if any. */
export function mergeDefinition(
  old: ActivityDefinition | undefined,
  next: ActivityDefinition,
): ActivityDefinition {
  if (!old) return structuredClone(next);
  const out: ActivityDefinition = { ...old, ...structuredClone(next) };
  const name = mergeMaps(old.name, next.name);
  if (name) out.name = name;
  const description = mergeMaps(old.description, next.description);
  if (description) out.description = description;
  for (const list of COMPONENT_LISTS) {
    const components = next[list];
    if (components) out[list] = mergeComponents(old[list], components);
  }
  return out;
}

function contextActivities(ca: ContextActivities | undefined): Activity[] {
  if (!ca) return [];
  return (["parent", "grouping", "category", "other"] as const).flatMap((key) => {
    const value = ca[key] as Activity | Activity[] | undefined;
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
  });
}

/** Every Activity object of a statement: its object, context activities, and a SubStatement's. */
export function statementActivityObjects(statement: Statement | SubStatement): Activity[] {
  const out: Activity[] = [];
  const object = statement.object;
  if (object.objectType === undefined || object.objectType === "Activity")
    out.push(object as Activity);
  out.push(...contextActivities(statement.context?.contextActivities));
  if (object.objectType === "SubStatement") out.push(...statementActivityObjects(object));
  return out;
}

/** The definitions a statement carries, by activity id (several for one id are merged in order). */
export function statementDefinitions(
  statement: Statement,
  into: Map<string, ActivityDefinition> = new Map(),
): Map<string, ActivityDefinition> {
  for (const activity of statementActivityObjects(statement)) {
    if (!activity.definition) continue;
    into.set(activity.id, mergeDefinition(into.get(activity.id), activity.definition));
  }
  return into;
}
