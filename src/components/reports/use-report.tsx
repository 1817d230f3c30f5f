// Loads one report and keeps its data with the request it answers: a view only ever renders
// data fetched for its own path and filters (switching tabs or filters mid-flight cannot show
// one view's data in another, or an old filter's figures under a new one).
import { createContext } from "preact";
import { useContext, useEffect, useState } from "preact/hooks";
import type { ReportMeta } from "../../lib/reports/types.ts";
import { ApiFailure, callApi } from "../account/api.ts";

export interface Loaded<T> {
  data: (T & { meta: ReportMeta }) | null;
  error: ApiFailure | Error | null;
}

/** Receives the meta (filters, generated-at, time zone) of every report loaded. */
export const MetaSink = createContext<(meta: ReportMeta) => void>(() => undefined);

export function useReport<T>(path: string | null): Loaded<T> {
  const onMeta = useContext(MetaSink);
  const [state, setState] = useState<{ key: string | null } & Loaded<T>>({
    key: null,
    data: null,
    error: null,
  });
  useEffect(() => {
    if (path === null) return;
    let current = true;
    callApi<T & { meta: ReportMeta }>(path).then(
      (data) => {
        if (!current) return;
        onMeta(data.meta);
        setState({ key: path, data, error: null });
      },
      (error: Error) => current && setState({ key: path, data: null, error }),
    );
    return () => {
      current = false;
    };
  }, [path]);
  return state.key === path ? state : { data: null, error: null };
}

export function isSignedOut(error: unknown): boolean {
  return error instanceof ApiFailure && error.status === 401;
}

export function ExportLinks({ path, query, lang }: { path: string; query: string; lang: string }) {
  const sep = query ? `${query}&` : "";
  return (
    <span class="export-links no-print">
      <a href={`/api/reports/${path}?${sep}format=csv&lang=${lang}`} download>
        CSV
      </a>{" "}
      ·{" "}
      <a href={`/api/reports/${path}?${sep}format=xlsx&lang=${lang}`} download>
        XLSX
      </a>
    </span>
  );
}
