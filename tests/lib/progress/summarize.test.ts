import { describe, expect, it } from "vitest";
import { mergeProgress, summarizeProgress } from "../../../src/lib/progress/summarize.ts";

const origin = "https://adal.test";
const verb = (name: string) => ({ id: `http://adlnet.gov/expapi/verbs/${name}` });
const lesson = (n: number) => ({ id: `${origin}/xapi/activities/lesson/${n}` });
const quiz = (n: number) => ({ id: `${origin}/xapi/activities/quiz/practice/${n}` });

describe("summarizeProgress", () => {
  it("is empty with no statements and points to lesson 1", () => {
    const p = summarizeProgress([]);
    expect(p.completedLessons).toBe(0);
    expect(p.completion).toBe(0);
    expect(p.next).toBe(1);
    expect(p.lessons).toHaveLength(11);
  });

  it("counts opened and completed lessons and keeps the best quiz score", () => {
    const p = summarizeProgress([
      { verb: verb("experienced"), object: lesson(1) },
      { verb: verb("completed"), object: lesson(1) },
      { verb: verb("experienced"), object: lesson(2) },
      { verb: verb("completed"), object: quiz(1), result: { score: { scaled: 0.6 } } },
      { verb: verb("completed"), object: quiz(1), result: { score: { scaled: 0.9 } } },
      { verb: verb("completed"), object: quiz(1), result: { score: { scaled: 0.7 } } },
      { verb: verb("answered"), object: { id: `${origin}/xapi/activities/quiz-item/p02-x` } },
    ]);
    expect(p.lessons[0]).toEqual({ section: 1, opened: true, completed: true, bestQuizScore: 0.9 });
    expect(p.lessons[1]).toEqual({
      section: 2,
      opened: true,
      completed: false,
      bestQuizScore: null,
    });
    expect(p.completedLessons).toBe(1);
    expect(p.completion).toBeCloseTo(1 / 11);
    expect(p.next).toBe(2);
  });

  it("ignores unknown sections, other verbs and quizzes without a score", () => {
    const p = summarizeProgress([
      { verb: verb("completed"), object: lesson(12) },
      { verb: verb("attempted"), object: lesson(3) },
      { verb: verb("completed"), object: quiz(3) },
    ]);
    expect(p.completedLessons).toBe(0);
    expect(p.lessons[2]).toEqual({
      section: 3,
      opened: false,
      completed: false,
      bestQuizScore: null,
    });
  });

  it("reports the whole course done", () => {
    const all = Array.from({ length: 11 }, (_, i) => [
      { verb: verb("completed"), object: lesson(i + 1) },
      { verb: verb("completed"), object: quiz(i + 1), result: { score: { scaled: 1 } } },
    ]).flat();
    const p = summarizeProgress(all);
    expect(p.completion).toBe(1);
    expect(p.next).toBeNull();
  });
});

describe("mergeProgress", () => {
  it("combines the LRS's progress (other devices) with statements still on this device", () => {
    const summarize = summarizeProgress;
    const fromLrs = summarize([
      { verb: verb("experienced"), object: lesson(1) }, // opened on another device
      { verb: verb("completed"), object: lesson(2) },
      { verb: verb("completed"), object: quiz(2), result: { score: { scaled: 0.6 } } },
    ]);
    const pending = summarize([
      { verb: verb("completed"), object: quiz(2), result: { score: { scaled: 0.8 } } },
      { verb: verb("completed"), object: quiz(3), result: { score: { scaled: 0.5 } } },
      { verb: verb("completed"), object: lesson(3) },
    ]);
    const p = mergeProgress(fromLrs, pending);
    expect(p.lessons[0]).toEqual({
      section: 1,
      opened: true,
      completed: false,
      bestQuizScore: null,
    });
    expect(p.lessons[1]).toEqual({ section: 2, opened: true, completed: true, bestQuizScore: 0.8 });
    expect(p.lessons[2]).toEqual({ section: 3, opened: true, completed: true, bestQuizScore: 0.5 });
    expect(p.completedLessons).toBe(2);
    expect(p.completion).toBeCloseTo((4 * 0.5) / 11);
    expect(p.next).toBe(1);
    expect(mergeProgress(pending, fromLrs)).toEqual(p);
  });
});
