import { useEffect, useRef, useState } from "preact/hooks";
import type { SearchResult } from "../../lib/search/query.ts";
import { loadSearch, type Search } from "./load.ts";
import { Highlighted, lineSnippet, resultLabel } from "./Result.tsx";
import type { SearchStrings } from "./strings.ts";

interface Props {
  strings: SearchStrings;
  /** Locale path prefix ("" or "/ru"). */
  prefix: string;
  /** Address of the search index this page was built with. */
  indexUrl: string;
}

const LIMIT = 6;

/** True when a key press belongs to a text field, not to the page's "/" shortcut. */
function typingInField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(?:INPUT|TEXTAREA|SELECT)$/u.test(target.tagName);
}

/**
 * The header search box: an ARIA 1.2 combobox with a listbox of results as you type (the word
 * being typed also matches as a prefix). Without JavaScript it is a plain GET form to the
 * results page. lunr and the index are loaded on the first focus or key press only; "/"
 * anywhere on the page focuses the box. How many results there are is announced politely.
 */
export default function HeaderSearch({ strings, prefix, indexUrl }: Props) {
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<SearchResult[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [failed, setFailed] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const search = useRef<Search | null>(null);
  const latest = useRef("");
  const page = `${prefix}/search/`;
  const optionId = (i: number) => `header-search-option-${i}`;
  // The last option opens the full results page.
  const optionCount = results.length + (query.trim() === "" ? 0 : 1);

  const prepare = () =>
    loadSearch(indexUrl).then(
      (s) => {
        search.current = s;
        setFailed(false);
        return s;
      },
      () => {
        setFailed(true);
        return null;
      },
    );

  const run = async (q: string) => {
    latest.current = q;
    const s = search.current ?? (await prepare());
    if (latest.current !== q) return;
    setResults(s && q.trim() !== "" ? s(q, LIMIT, true) : []);
    setActive(-1);
    setOpen(q.trim() !== "");
  };

  // The option picked with the arrows stays in view (the page scrolls, not the popup).
  useEffect(() => {
    if (active >= 0)
      document.getElementById(optionId(active))?.scrollIntoView({ block: "nearest" });
  }, [active]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || typingInField(e.target)) return;
      e.preventDefault();
      // On the results page "/" goes to that page's own box, the one its results follow.
      (document.getElementById("search-q") ?? input.current)?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  const hrefOf = (i: number) => {
    const r = results[i];
    return r ? `${prefix}${r.url}` : `${page}?q=${encodeURIComponent(query)}`;
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!open) {
        setOpen(optionCount > 0);
        return;
      }
      if (optionCount === 0) return;
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((a) =>
        step > 0 ? (a + 1 >= optionCount ? 0 : a + 1) : a <= 0 ? optionCount - 1 : a - 1,
      );
    } else if (e.key === "Escape") {
      if (open) {
        e.preventDefault();
        setOpen(false);
        setActive(-1);
      } else setQuery("");
    } else if (e.key === "Enter" && open && active >= 0 && active < optionCount) {
      e.preventDefault();
      location.assign(hrefOf(active));
    }
  };

  const announcement = !open
    ? ""
    : failed
      ? strings.error
      : results.length === 0
        ? strings.none
        : strings.results.replace("{n}", String(results.length));

  return (
    <search class="header-search" aria-label={strings.title}>
      <form method="get" action={page} data-index={indexUrl}>
        <label for="header-search-q" class="visually-hidden">
          {strings.title}
        </label>
        <input
          ref={input}
          id="header-search-q"
          name="q"
          type="search"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls="header-search-listbox"
          aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
          aria-keyshortcuts="/"
          autocomplete="off"
          spellcheck={false}
          placeholder={strings.open}
          value={query}
          onFocus={() => void prepare()}
          onInput={(e) => {
            const q = e.currentTarget.value;
            setQuery(q);
            void run(q);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
        />
        <div class="header-search-popup" hidden={!open}>
          <div
            id="header-search-listbox"
            role="listbox"
            aria-label={strings.title}
            class="header-search-listbox"
          >
            {results.map((r, i) => (
              <div
                key={r.ref}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                class="header-search-option"
                tabIndex={-1}
                onMouseDown={(e) => {
                  e.preventDefault();
                  location.assign(hrefOf(i));
                }}
              >
                <span class="search-result-label">{resultLabel(r, strings)}</span>{" "}
                <span class="header-search-snippet" lang="kk">
                  <Highlighted snippet={lineSnippet(r)} />
                </span>
              </div>
            ))}
            {query.trim() !== "" && (
              <div
                id={optionId(results.length)}
                role="option"
                aria-selected={active === results.length}
                class="header-search-option header-search-all"
                tabIndex={-1}
                onMouseDown={(e) => {
                  e.preventDefault();
                  location.assign(hrefOf(results.length));
                }}
              >
                {strings.all}
              </div>
            )}
          </div>
          {open && results.length === 0 && (
            // Shown below the options, in the flow; the live region below says it aloud.
            <p class="header-search-none" aria-hidden="true">
              {failed ? strings.error : strings.none}
            </p>
          )}
        </div>
        <p class="visually-hidden" role="status">
          {announcement}
        </p>
      </form>
    </search>
  );
}
