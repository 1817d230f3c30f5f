// Synthetic learning history for demos and benchmarks, written through the LRS's own store
// (valid xAPI statements, the same projection the reports read): learners of varied ability
// read lessons, practise, and take the annual exam over the past months; some fall overdue.
import { randomUUID } from "node:crypto";
import type { AccountStore } from "../accounts/store.ts";
import { seededRandom } from "../exam/draw.ts";
import type { StatementStore } from "../lrs/statement-store.ts";
import { hashPassword } from "../security/password.ts";
import { prepareStatement } from "../xapi/prepare.ts";
import type { Statement } from "../xapi/types.ts";
import { demoName } from "./people.ts";

export interface GenerateOptions {
  learners: number;
  months: number;
  origin: string;
  now: Date;
  seed?: number;
  /** Exam items to answer: id, section and clauses (from the pool, or synthetic). */
  examItems: { id: string; section: number; clauses: string[] }[];
  practiceItems: { id: string; section: number; clauses: string[] }[];
  onProgress?: (statements: number) => void;
}

const DAY = 86_400_000;
const V = (name: string) => ({
  id: `http://adlnet.gov/expapi/verbs/${name}`,
  display: { "en-US": name },
});
const CLAUSES = "https://adal.kz/xapi/extensions/clauses";

export async function generateHistory(
  accounts: AccountStore,
  /** The LRS store; give it the projection hook so the reports see the history. */
  statements: StatementStore,
  o: GenerateOptions,
): Promise<{ learners: number; statements: number }> {
  const random = seededRandom(o.seed ?? 42);
  const gauss = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
  const units = (await accounts.listUnits()).map((u) => u.code);
  if (units.length === 0)
    throw new Error("Create units first (adal units add, or adal demo seed).");
  const existing = new Set((await accounts.allUsers()).map((u) => u.personnelNumber));
  const hash = await hashPassword(randomUUID());
  const people = [];
  for (let i = 0, n = 500_000; people.length < o.learners; i++, n++) {
    const number = String(n);
    if (existing.has(number)) continue;
    people.push({
      personnelNumber: number,
      fullName: demoName(i),
      unitCode: units[i % units.length] ?? "",
      role: "learner" as const,
      email: null,
      passwordHash: hash,
      mustChangePassword: true,
    });
  }
  for (let i = 0; i < people.length; i += 1000)
    await accounts.createUsers(people.slice(i, i + 1000), o.now);

  const authority = {
    objectType: "Agent" as const,
    account: { homePage: o.origin, name: "adal-demo-generator" },
    name: "Demo generator",
  };
  const act = (path: string) => ({
    objectType: "Activity" as const,
    id: `${o.origin}/xapi/activities/${path}`,
  });
  let buffer: Statement[] = [];
  let total = 0;
  const flush = async () => {
    if (buffer.length === 0) return;
    const stored = new Date().toISOString();
    const prepared = buffer.map((s) =>
      prepareStatement(s, { stored, authority, version: "1.0.3" }),
    );
    await statements.insert(prepared);
    total += buffer.length;
    o.onProgress?.(total);
    buffer = [];
  };
  const emit = async (s: Statement) => {
    buffer.push(s);
    if (buffer.length >= 2000) await flush();
  };
  const span = o.months * 30 * DAY;

  for (const person of people) {
    const ability = gauss();
    const actor = {
      objectType: "Agent" as const,
      account: { homePage: o.origin, name: person.personnelNumber },
      name: person.fullName,
    };
    const at = (t: number) => new Date(Math.min(o.now.getTime() - 60_000, t)).toISOString();
    let t = o.now.getTime() - span * random();
    // Onboarding: stronger learners go further; a few stop half-way.
    const lessons = Math.min(11, Math.max(1, Math.round(6 + ability * 4 + gauss() * 2)));
    for (let section = 1; section <= lessons; section++) {
      await emit({
        id: randomUUID(),
        actor,
        verb: V("experienced"),
        object: act(`lesson/${section}`),
        timestamp: at(t),
      });
      t += (10 + random() * 20) * 60_000;
      if (section === lessons && random() < 0.2) break;
      await emit({
        id: randomUUID(),
        actor,
        verb: V("completed"),
        object: act(`lesson/${section}`),
        timestamp: at(t),
        result: { completion: true, duration: `PT${Math.round(8 + random() * 20)}M` },
      });
      const items = o.practiceItems.filter((p) => p.section === section);
      let right = 0;
      for (const item of items) {
        const success = random() < 1 / (1 + Math.exp(-(ability + 0.8 - random())));
        if (success) right++;
        await emit({
          id: randomUUID(),
          actor,
          verb: V("answered"),
          object: act(`quiz-item/${item.id}`),
          timestamp: at(t),
          result: { success, response: success ? "a" : "b" },
          context: {
            contextActivities: { parent: [act(`quiz/practice/${section}`)] },
            extensions: { [CLAUSES]: item.clauses },
          },
        });
      }
      if (items.length > 0) {
        await emit({
          id: randomUUID(),
          actor,
          verb: V("completed"),
          object: act(`quiz/practice/${section}`),
          timestamp: at(t),
          result: {
            completion: true,
            score: { scaled: right / items.length, raw: right, min: 0, max: items.length },
          },
        });
      }
      t += random() * 3 * DAY;
    }
    // The annual exam: one or two attempts, the last one a year or more ago for some.
    const attempts = random() < 0.15 ? 0 : 1 + (random() < 0.3 ? 1 : 0);
    let examTime = o.now.getTime() - random() * Math.max(span, 420 * DAY);
    for (let a = 0; a < attempts && o.examItems.length > 0; a++) {
      const registration = randomUUID();
      const drawn = [...o.examItems].sort(() => random() - 0.5).slice(0, 20);
      let right = 0;
      for (const item of drawn) {
        const difficulty = (item.id.charCodeAt(item.id.length - 1) % 5) / 3 - 0.6;
        const success = random() < 1 / (1 + Math.exp(-(ability * 1.3 + 1.2 - difficulty)));
        if (success) right++;
        await emit({
          id: randomUUID(),
          actor,
          verb: V("answered"),
          object: act(`exam/item/${item.id}`),
          timestamp: at(examTime),
          result: {
            success,
            response: success ? "a" : (["b", "c"][Math.floor(random() * 2)] ?? "b"),
          },
          context: {
            registration,
            contextActivities: { parent: [act("exam/annual-refresher")] },
            extensions: { [CLAUSES]: item.clauses },
          },
        });
      }
      const scaled = right / drawn.length;
      await emit({
        id: randomUUID(),
        actor,
        verb: V(scaled >= 0.8 ? "passed" : "failed"),
        object: act("exam/annual-refresher"),
        timestamp: at(examTime),
        result: {
          success: scaled >= 0.8,
          score: { scaled, raw: right, min: 0, max: drawn.length },
          duration: `PT${Math.round(12 + random() * 15)}M`,
        },
        context: { registration },
      });
      if (scaled >= 0.8) break;
      examTime += (1 + random() * 10) * DAY;
    }
  }
  await flush();
  return { learners: people.length, statements: total };
}
