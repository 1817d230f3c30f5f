// Playing the practice quiz in a browser test. Rounds are shuffled, so options are always
// found by their text (from the section's public bank), never by position.
import { expect, type Locator, type Page } from "@playwright/test";
import type { BranchingItem, QuizItem } from "../../src/lib/quiz/schema.ts";

type ChoiceItem = Exclude<QuizItem, BranchingItem>;

export async function practiceBank(page: Page, section: number): Promise<QuizItem[]> {
  const response = await page.request.get(`/quiz-banks/${section}.json`);
  expect(response.status()).toBe(200);
  return (await response.json()) as QuizItem[];
}

const squash = (s: string | null) => (s ?? "").replace(/\s+/gu, " ").trim();

/** The bank item a question on the page shows, found by its stem. */
export async function itemOf(question: Locator, bank: QuizItem[]): Promise<QuizItem> {
  const stem = squash(await question.locator(".quiz-stem").first().textContent());
  const item = bank.find((i) => squash(i.stem) === stem);
  if (!item) throw new Error(`no bank item has the stem «${stem}»`);
  return item;
}

/** The options to choose: the right ones, or a wrong one. */
export function picks(options: { text: string; correct: boolean }[], right: boolean): string[] {
  if (right) return options.filter((o) => o.correct).map((o) => o.text);
  const wrong = options.find((o) => !o.correct);
  return wrong ? [wrong.text] : [];
}

/** The scenario step shown now, found by its prompt in the legend. */
async function currentStep(scenario: Locator, item: BranchingItem) {
  const legend = squash(await scenario.locator("form legend").textContent());
  const step = item.steps.find((s) => legend.endsWith(squash(s.prompt)));
  if (!step) throw new Error(`${item.id}: no step matches «${legend}»`);
  return step;
}

/** Answers one question (choice or scenario) with the mouse, right or wrong on purpose. */
export async function answerWithMouse(question: Locator, bank: QuizItem[], right: boolean) {
  const item = await itemOf(question, bank);
  if (item.type === "branching") {
    while ((await question.locator("form").count()) > 0) {
      const step = await currentStep(question, item);
      const [text] = picks(step.options, right);
      await question.getByRole("radio", { name: text ?? "", exact: true }).check();
      await question.getByRole("button", { name: "Шешімді растау" }).click();
    }
    return item;
  }
  const role = item.type === "multiple" ? "checkbox" : "radio";
  for (const text of picks(item.options, right))
    await question.getByRole(role, { name: text, exact: true }).check();
  await question.getByRole("button", { name: "Жауапты тексеру" }).click();
  return item;
}

/** What has focus: enough to steer by keyboard. */
export async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const input = el instanceof HTMLInputElement ? el : null;
    return {
      tag: el?.tagName.toLowerCase() ?? "",
      type: input?.type ?? "",
      checked: input?.checked ?? false,
      label: (input?.closest("label")?.textContent ?? el?.textContent ?? "")
        .replace(/\s+/gu, " ")
        .trim(),
      inQuestion: !!el?.closest(".quiz-question"),
    };
  });
}

type Focus = Awaited<ReturnType<typeof focused>>;

/** Presses Tab until the focused element matches (at most `limit` times). */
export async function tabUntil(page: Page, matches: (f: Focus) => boolean, limit = 80) {
  for (let i = 0; i < limit; i++) {
    const f = await focused(page);
    if (matches(f)) return f;
    await page.keyboard.press("Tab");
  }
  throw new Error(
    `focus never reached the element (now on ${JSON.stringify(await focused(page))})`,
  );
}

/** With focus on the first radio of a group, checks the one labelled `text` with arrow keys. */
async function arrowTo(page: Page, text: string, count: number) {
  for (let i = 0; i < count; i++) {
    const f = await focused(page);
    if (f.label === squash(text)) {
      if (!f.checked) await page.keyboard.press("Space");
      return;
    }
    await page.keyboard.press("ArrowDown");
  }
  throw new Error(`no radio labelled «${text}»`);
}

const isInput = (type: string) => (f: Focus) =>
  f.inQuestion && f.tag === "input" && f.type === type;
const isButton = (name: string) => (f: Focus) => f.tag === "button" && f.label === name;

/**
 * Answers the question shown in one-at-a-time mode with the keyboard only, starting from
 * wherever focus is before it, and returns the item. Afterwards focus is on the feedback.
 */
export async function answerWithKeyboard(page: Page, question: Locator, bank: QuizItem[]) {
  const item = await itemOf(question, bank);
  if (item.type === "branching") {
    while ((await question.locator("form").count()) > 0) {
      const step = await currentStep(question, item);
      await tabUntil(page, isInput("radio"));
      const [text] = picks(step.options, true);
      await arrowTo(page, text ?? "", step.options.length);
      await tabUntil(page, isButton("Шешімді растау"));
      await page.keyboard.press("Enter");
      // The decide button went with its step: focus is on what the decision led to.
      const after =
        (await question.locator("form").count()) > 0
          ? question.locator(".scenario-path > li").last()
          : question.locator(".quiz-verdict");
      await expect(after).toBeFocused();
    }
    return item;
  }
  const choice = item as ChoiceItem;
  const right = picks(choice.options, true);
  if (choice.type === "multiple") {
    await tabUntil(page, isInput("checkbox"));
    for (let i = 0; i < choice.options.length; i++) {
      const f = await focused(page);
      if (right.map(squash).includes(f.label)) await page.keyboard.press("Space");
      await page.keyboard.press("Tab");
    }
  } else {
    await tabUntil(page, isInput("radio"));
    await arrowTo(page, right[0] ?? "", choice.options.length);
  }
  await tabUntil(page, isButton("Жауапты тексеру"));
  await page.keyboard.press("Enter");
  await expect(question.locator(".quiz-verdict")).toBeFocused();
  return item;
}
