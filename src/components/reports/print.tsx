// Printing a view whole. Lists come a page at a time on screen, but an officer who prints the
// overdue list expects every name on paper: the Print button first asks each view that shows a
// partial list to load all of its rows (at most PRINT_MAX, and the printout says when it holds
// fewer than there are), and only then opens the browser's print dialog.
import { createContext } from "preact";
import { useContext, useEffect, useRef } from "preact/hooks";
import type { Paged } from "../../lib/reports/types.ts";
import { callApi } from "../account/api.ts";
import { count, type Formats, fill } from "./format.ts";

/** The most rows a printout holds; the CSV and XLSX exports hold every row. */
export const PRINT_MAX = 5000;
/** The API's largest page (PAGE_MAX on the server). */
export const PRINT_PAGE = 1000;

type Prepare = () => Promise<void>;
export const PrintPreparers = createContext<Set<Prepare>>(new Set());

/** Registers what a view must load before printing (the latest closure, without re-registering). */
export function usePrintPreparer(prepare: Prepare): void {
  const preparers = useContext(PrintPreparers);
  const latest = useRef(prepare);
  latest.current = prepare;
  useEffect(() => {
    const run = () => latest.current();
    preparers.add(run);
    return () => {
      preparers.delete(run);
    };
  }, [preparers]);
}

/** Runs every view's preparation, waits for the page to show the rows, then prints. */
export async function printWhole(preparers: Set<Prepare>): Promise<void> {
  try {
    await Promise.all([...preparers].map((p) => p()));
    // Let Preact render the loaded rows before the print dialog takes its snapshot.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
  } finally {
    // Whatever failed, the officer still gets a printout (its note says what it holds).
    window.print();
  }
}

/** The rows of a list from its first, up to PRINT_MAX, a page of PRINT_PAGE at a time. */
export async function loadAll<T>(
  path: string,
  total: number,
  get: (path: string) => Promise<Paged<T>> = callApi,
): Promise<T[]> {
  const rows: T[] = [];
  const wanted = Math.min(total, PRINT_MAX);
  const sep = path.includes("?") ? "&" : "?";
  while (rows.length < wanted) {
    const limit = Math.min(PRINT_PAGE, wanted - rows.length);
    const page = await get(`${path}${sep}offset=${rows.length}&limit=${limit}`);
    if (page.rows.length === 0) break; // the list got shorter meanwhile
    rows.push(...page.rows);
  }
  return rows.slice(0, wanted);
}

/**
 * What a printed list says about itself: all rows, the first PRINT_MAX of more, or (printed
 * without the Print button, e.g. with Ctrl+P) only the page on screen. Pure.
 */
export function printNoteText(f: Formats, shown: number, total: number, from: number): string {
  if (from === 0 && shown >= total) return fill(f.s.shownAll, { n: count(f, total) });
  if (from === 0 && shown >= PRINT_MAX)
    return fill(f.s.printedSome, { shown: count(f, shown), n: count(f, total) });
  return fill(f.s.printedPage, {
    from: count(f, total === 0 ? 0 : from + 1),
    to: count(f, from + shown),
    n: count(f, total),
  });
}

/** The note above a list, in print only. */
export function PrintNote(props: { f: Formats; shown: number; total: number; from: number }) {
  return (
    <p class="print-only print-note">
      {printNoteText(props.f, props.shown, props.total, props.from)}
    </p>
  );
}
