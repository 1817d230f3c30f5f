// Taking the exam through the platform API, as the exam page does, with the fixture pool's keys
// (tests/fixtures/quizzes/exam; the e2e server runs on it). Each attempt gives the options
// random ids of their own, so the key is found by its text.
import { type APIRequestContext, expect, request } from "@playwright/test";
import { E2E_PASSWORD } from "../../playwright.config.ts";
import { loadExamPool } from "../../src/server/exam/pool.ts";

const keys = new Map(
  loadExamPool("tests/fixtures/quizzes/exam").map((i) => [
    i.id,
    new Set(i.options.filter((o) => o.correct).map((o) => o.text)),
  ]),
);

/** An API client signed in as one person. */
export async function signedInApi(
  baseURL: string,
  personnelNumber: string,
): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL });
  const response = await api.post("/api/session", {
    data: { personnelNumber, password: E2E_PASSWORD },
  });
  expect(response.status()).toBe(200);
  return api;
}

export interface Graded {
  passed: boolean;
  certificate: { code: string; validUntil: string } | null;
}

/** Starts an attempt, answers every item right (or wrong) and hands it in. */
export async function takeExam(api: APIRequestContext, right: boolean): Promise<Graded> {
  const started = await api.post("/api/exam/attempts");
  expect(started.status()).toBe(201);
  const attempt = (await started.json()) as {
    id: string;
    items: { id: string; options: { id: string; text: string }[] }[];
  };
  for (const item of attempt.items) {
    const keyTexts = keys.get(item.id);
    const key = item.options.filter((o) => keyTexts?.has(o.text)).map((o) => o.id);
    const wrong = item.options
      .filter((o) => !keyTexts?.has(o.text))
      .map((o) => o.id)
      .slice(0, 1);
    const put = await api.put(`/api/exam/attempts/${attempt.id}/answers/${item.id}`, {
      data: { options: right ? key : wrong },
    });
    expect(put.status()).toBe(204);
  }
  const submitted = await api.post(`/api/exam/attempts/${attempt.id}/submit`);
  expect(submitted.status()).toBe(200);
  return (await submitted.json()) as Graded;
}
