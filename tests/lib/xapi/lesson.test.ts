import { describe, expect, it } from "vitest";
import { summarizeProgress } from "../../../src/lib/progress/summarize.ts";
import { isoDuration } from "../../../src/lib/xapi/duration.ts";
import { lessonStatement } from "../../../src/lib/xapi/lesson.ts";
import { validateStatement } from "../../../src/server/xapi/validate.ts";

const origin = "https://adal.test";
const actor = {
  objectType: "Agent" as const,
  account: { homePage: origin, name: "100001" },
  name: "Ерлан",
};

describe("lesson statements", () => {
  const opened = lessonStatement({
    id: "5b0ae1c4-93b8-4d8e-9d55-0f6f0a1a2b3c",
    actor,
    origin,
    section: 3,
    title: "Мемлекеттік қызметтер",
    verb: "experienced",
    timestamp: "2026-11-25T09:00:00.000Z",
  });
  const finished = lessonStatement({
    id: "6c1bf2d5-a4c9-4e9f-8e66-1a7a1b2b3c4d",
    actor,
    origin,
    section: 3,
    title: "Мемлекеттік қызметтер",
    verb: "completed",
    timestamp: "2026-11-25T09:12:34.000Z",
    durationMs: 754_000,
  });

  it("are valid xAPI 1.0.3 and 2.0 statements", () => {
    for (const s of [opened, finished]) {
      expect(validateStatement(s, "1.0.3")).toEqual([]);
      expect(validateStatement(s, "2.0.0")).toEqual([]);
    }
  });

  it("name the lesson activity under the course and carry the reading time", () => {
    expect(opened.object.id).toBe(`${origin}/xapi/activities/lesson/3`);
    expect(opened.context.contextActivities.parent[0]?.id).toBe(
      `${origin}/xapi/activities/course/anticorruption-standards`,
    );
    expect(finished.result).toEqual({ completion: true, duration: "PT12M34S" });
    expect("result" in opened).toBe(false);
  });

  it("are what the progress summary counts", () => {
    const progress = summarizeProgress([opened, finished]);
    expect(progress.lessons[2]).toMatchObject({ opened: true, completed: true });
  });
});

describe("isoDuration", () => {
  it("formats hours, minutes and seconds", () => {
    expect(isoDuration(0)).toBe("PT0S");
    expect(isoDuration(59_400)).toBe("PT59S");
    expect(isoDuration(3_600_000)).toBe("PT1H");
    expect(isoDuration(3_725_000)).toBe("PT1H2M5S");
  });
});
