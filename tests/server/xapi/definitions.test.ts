// Canonical activity definitions (Data 2.4.4.1): merging a newer definition into the stored one.
import { describe, expect, it } from "vitest";
import {
  mergeDefinition,
  statementActivityObjects,
  statementDefinitions,
} from "../../../src/server/xapi/definitions.ts";
import type { Statement } from "../../../src/server/xapi/types.ts";

describe("mergeDefinition (Data 2.4.4.1 canonical definitions)", () => {
  it("merges language maps, keeps what the newer one does not say, takes its other values", () => {
    expect(
      mergeDefinition(
        {
          name: { kk: "Сабақ" },
          description: { kk: "Сипаттама" },
          type: "x:a",
          moreInfo: "https://a.kz",
        },
        { name: { ru: "Урок", kk: "Сабақ 2" }, type: "x:b" },
      ),
    ).toEqual({
      name: { kk: "Сабақ 2", ru: "Урок" },
      description: { kk: "Сипаттама" },
      type: "x:b",
      moreInfo: "https://a.kz",
    });
  });

  it("interaction components: the newer list decides which exist, descriptions merge by id", () => {
    const merged = mergeDefinition(
      { interactionType: "choice", choices: [{ id: "a", description: { kk: "А" } }, { id: "b" }] },
      {
        interactionType: "choice",
        choices: [{ id: "a", description: { ru: "А-ру" } }, { id: "c" }],
      },
    );
    expect(merged.choices).toEqual([
      { id: "a", description: { kk: "А", ru: "А-ру" } },
      { id: "c" },
    ]);
  });

  it("does not change its inputs", () => {
    const old = { name: { kk: "a" } };
    const next = { name: { ru: "b" } };
    mergeDefinition(old, next);
    expect(old).toEqual({ name: { kk: "a" } });
    expect(next).toEqual({ name: { ru: "b" } });
  });
});

describe("statementDefinitions", () => {
  it("collects the object, context activities and a SubStatement's activities", () => {
    const s = {
      actor: { mbox: "mailto:a@b.kz" },
      verb: { id: "x:v" },
      object: {
        objectType: "SubStatement",
        actor: { mbox: "mailto:a@b.kz" },
        verb: { id: "x:v" },
        object: { id: "x:inner", definition: { name: { kk: "ішкі" } } },
        context: {
          contextActivities: { grouping: [{ id: "x:g", definition: { name: { kk: "г" } } }] },
        },
      },
      context: {
        contextActivities: {
          parent: [
            { id: "x:p", definition: { name: { kk: "п" } } },
            { id: "x:p", definition: { name: { ru: "п" } } },
          ],
          other: { id: "x:o" },
        },
      },
    } as unknown as Statement;
    expect(statementActivityObjects(s).map((a) => a.id)).toEqual([
      "x:p",
      "x:p",
      "x:o",
      "x:inner",
      "x:g",
    ]);
    expect(Object.fromEntries(statementDefinitions(s))).toEqual({
      "x:p": { name: { kk: "п", ru: "п" } },
      "x:inner": { name: { kk: "ішкі" } },
      "x:g": { name: { kk: "г" } },
    });
  });
});
