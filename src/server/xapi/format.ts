import type {
  Activity,
  ActivityDefinition,
  Actor,
  Attachment,
  Context,
  ContextActivities,
  Group,
  LanguageMap,
  Statement,
  SubStatement,
  Verb,
} from "./types.ts";

export type StatementFormat = "exact" | "ids" | "canonical";

/** Only the IFI (and objectType); an anonymous Group keeps its members, reduced the same way. */
function idsActor<T extends Actor>(actor: T): T {
  const out: Omit<Group, "objectType"> & { objectType?: string } = {};
  if (actor.objectType !== undefined) out.objectType = actor.objectType;
  if (actor.mbox !== undefined) out.mbox = actor.mbox;
  else if (actor.mbox_sha1sum !== undefined) out.mbox_sha1sum = actor.mbox_sha1sum;
  else if (actor.openid !== undefined) out.openid = actor.openid;
  else if (actor.account !== undefined) out.account = { ...actor.account };
  else if (actor.objectType === "Group" && actor.member) out.member = actor.member.map(idsActor);
  return out as unknown as T;
}

function idsActivity(a: Activity): Activity {
  return a.objectType === undefined ? { id: a.id } : { objectType: a.objectType, id: a.id };
}

function mapContext(
  ctx: Context,
  actor: <T extends Actor>(a: T) => T,
  act: (a: Activity) => Activity,
) {
  const out: Context = { ...ctx };
  if (ctx.instructor) out.instructor = actor(ctx.instructor);
  if (ctx.team) out.team = actor(ctx.team);
  if (ctx.contextAgents) {
    out.contextAgents = ctx.contextAgents.map((c) => ({ ...c, agent: actor(c.agent) }));
  }
  if (ctx.contextGroups) {
    out.contextGroups = ctx.contextGroups.map((c) => ({ ...c, group: actor(c.group) }));
  }
  if (ctx.contextActivities) {
    const ca: ContextActivities = {};
    for (const key of ["parent", "grouping", "category", "other"] as const) {
      const list = ctx.contextActivities[key] as Activity | Activity[] | undefined;
      if (list !== undefined) ca[key] = (Array.isArray(list) ? list : [list]).map(act);
    }
    out.contextActivities = ca;
  }
  return out;
}

interface Mappers {
  actor: <T extends Actor>(a: T) => T;
  activity: (a: Activity) => Activity;
  verb: (v: Verb) => Verb;
  attachment: (a: Attachment) => Attachment;
}

function mapStatement<T extends Statement | SubStatement>(s: T, m: Mappers): T {
  const out = { ...s };
  out.actor = m.actor(s.actor);
  out.verb = m.verb(s.verb);
  const o = s.object;
  if (o.objectType === "Agent" || o.objectType === "Group") out.object = m.actor(o);
  else if (o.objectType === "SubStatement") out.object = mapStatement(o, m);
  else if (o.objectType === undefined || o.objectType === "Activity") {
    out.object = m.activity(o as Activity);
  }
  if (s.context) out.context = mapContext(s.context, m.actor, m.activity);
  if (s.attachments) out.attachments = s.attachments.map(m.attachment);
  if ("authority" in s && s.authority) (out as Statement).authority = m.actor(s.authority);
  return out;
}

/**
 * Picks one entry of a language map by the Accept-Language preference list: exact tag, then
 * the same primary language, then "*"; otherwise the first entry.
 */
export function pickLanguage(map: LanguageMap, languages: string[]): LanguageMap {
  const keys = Object.keys(map);
  const first = keys[0];
  if (first === undefined) return {};
  const lower = keys.map((k) => k.toLowerCase());
  for (const wanted of languages.map((l) => l.toLowerCase())) {
    if (wanted === "*") break;
    let i = lower.indexOf(wanted);
    if (i < 0) {
      const primary = wanted.split("-")[0];
      i = lower.findIndex((k) => k === primary || k.startsWith(`${primary}-`));
    }
    const key = keys[i];
    if (key !== undefined) return { [key]: map[key] as string };
  }
  return { [first]: map[first] as string };
}

function canonicalDefinition(d: ActivityDefinition, langs: string[]): ActivityDefinition {
  const out: ActivityDefinition = { ...d };
  if (d.name) out.name = pickLanguage(d.name, langs);
  if (d.description) out.description = pickLanguage(d.description, langs);
  for (const list of ["choices", "scale", "source", "target", "steps"] as const) {
    const comps = d[list];
    if (comps) {
      out[list] = comps.map((c) =>
        c.description ? { ...c, description: pickLanguage(c.description, langs) } : { ...c },
      );
    }
  }
  return out;
}

/**
 * Communication 2.1.3 `format` parameter. `exact` returns the statement as stored; `ids` keeps
 * only identifiers; `canonical` puts the LRS's canonical definition of each activity (from
 * `canonical`, else the statement's own) and keeps one language per language map, chosen by
 * the Accept-Language preference list.
 */
export function formatStatement(
  statement: Statement,
  format: StatementFormat,
  languages: string[],
  canonical: ReadonlyMap<string, ActivityDefinition> = new Map(),
): Statement {
  if (format === "exact") return structuredClone(statement);
  const copy = structuredClone(statement);
  if (format === "ids") {
    return mapStatement(copy, {
      actor: idsActor,
      activity: idsActivity,
      verb: (v) => ({ id: v.id }),
      attachment: (a) => a,
    });
  }
  return mapStatement(copy, {
    actor: (a) => a,
    activity: (a) => {
      const definition = canonical.get(a.id) ?? a.definition;
      return definition ? { ...a, definition: canonicalDefinition(definition, languages) } : a;
    },
    verb: (v) => (v.display ? { ...v, display: pickLanguage(v.display, languages) } : v),
    attachment: (a) => {
      const out = { ...a, display: pickLanguage(a.display, languages) };
      if (a.description) out.description = pickLanguage(a.description, languages);
      return out;
    },
  });
}
