import type { translator } from "../../i18n/index.ts";

export interface SearchStrings {
  title: string;
  label: string;
  submit: string;
  placeholder: string;
  hint: string;
  results: string;
  none: string;
  loading: string;
  error: string;
  clause: string;
  section: string;
  explanation: string;
  term: string;
  keyTerms: string;
  all: string;
  open: string;
}

/** The search islands' strings in the page's language (`{n}`, `{id}` filled in the browser). */
export function searchStrings(t: ReturnType<typeof translator>): SearchStrings {
  return {
    title: t("search.title"),
    label: t("search.label"),
    submit: t("search.submit"),
    placeholder: t("search.placeholder"),
    hint: t("search.hint"),
    results: t("search.results"),
    none: t("search.none"),
    loading: t("search.loading"),
    error: t("search.error"),
    clause: t("clause.label"),
    section: t("clause.sectionLabel"),
    explanation: t("search.explanation"),
    term: t("search.term"),
    keyTerms: t("lesson.keyTerms"),
    all: t("search.all"),
    open: t("search.open"),
  };
}
