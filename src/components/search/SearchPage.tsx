import { useEffect, useRef, useState } from "preact/hooks";
import type { SearchResult } from "../../lib/search/query.ts";
import { loadSearch } from "./load.ts";
import { Highlighted, resultLabel } from "./Result.tsx";
import type { SearchStrings } from "./strings.ts";

interface Props {
  strings: SearchStrings;
  /** Locale path prefix ("" or "/ru") for result links. */
  prefix: string;
  /** Address of the search index this page was built with. */
  indexUrl: string;
}

type State =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "error" }
  | { status: "done"; query: string; results: SearchResult[] };

const LIMIT = 30;

/**
 * The results page. The form is rendered at build time and works without JavaScript (a GET
 * to this page); with JavaScript the query comes from `?q=` (shareable links), results follow
 * the typing, and the URL follows the query. A query from the link or the button is searched
 * as submitted (whole words; only if they find nothing is the last word taken as begun);
 * while someone types, the last word also matches as a prefix.
 */
export default function SearchPage({ strings, prefix, indexUrl }: Props) {
  const [query, setQuery] = useState("");
  const [state, setState] = useState<State>({ status: "idle" });
  const latest = useRef("");

  const run = async (q: string, typed: boolean) => {
    latest.current = q;
    if (q.trim() === "") {
      setState({ status: "idle" });
      return;
    }
    setState((s) => (s.status === "done" ? s : { status: "loading" }));
    try {
      const search = await loadSearch(indexUrl);
      if (latest.current !== q) return;
      // Whole words first; if they find nothing, Enter was pressed mid-word: take it as begun.
      let results = search(q, LIMIT, typed);
      if (!typed && results.length === 0) results = search(q, LIMIT, true);
      setState({ status: "done", query: q, results });
    } catch {
      if (latest.current === q) setState({ status: "error" });
    }
  };

  useEffect(() => {
    const q = new URLSearchParams(location.search).get("q") ?? "";
    setQuery(q);
    void run(q, false);
  }, []);

  const update = (q: string) => {
    setQuery(q);
    const url = new URL(location.href);
    if (q.trim() === "") url.searchParams.delete("q");
    else url.searchParams.set("q", q);
    history.replaceState(null, "", url);
    void run(q, true);
  };

  return (
    <div class="search-page">
      <search aria-label={strings.label}>
        <form
          method="get"
          action=""
          onSubmit={(e) => {
            e.preventDefault();
            void run(query, false);
          }}
        >
          <label for="search-q">{strings.label}</label>
          <div class="search-row">
            <input
              id="search-q"
              name="q"
              type="search"
              value={query}
              placeholder={strings.placeholder}
              autocomplete="off"
              spellcheck={false}
              aria-describedby="search-hint"
              onInput={(e) => update(e.currentTarget.value)}
            />
            <button type="submit">{strings.submit}</button>
          </div>
          <p id="search-hint" class="search-hint">
            {strings.hint}
          </p>
        </form>
      </search>
      <p class="search-status" role="status" aria-live="polite">
        {state.status === "loading" && strings.loading}
        {state.status === "error" && strings.error}
        {state.status === "done" &&
          (state.results.length === 0
            ? strings.none
            : strings.results.replace("{n}", String(state.results.length)))}
      </p>
      {state.status === "done" && state.results.length > 0 && (
        <ol class="search-results">
          {state.results.map((r) => (
            <li key={r.ref}>
              <a href={`${prefix}${r.url}`}>
                <span class="search-result-label">{resultLabel(r, strings)}</span>
                <span class="search-result-title" lang="kk">
                  <Highlighted snippet={r.titleSnippet} />
                </span>
              </a>
              <p class="search-snippet" lang="kk">
                <Highlighted snippet={r.snippet} />
              </p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
