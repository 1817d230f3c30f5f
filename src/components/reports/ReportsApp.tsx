// Training officers' dashboard: filters (unit, date range in the reports' time zone, role), one
// view per tab, exports of every view, and a print layout that states the filters in effect.
import { useEffect, useRef, useState } from "preact/hooks";
import type { ReportMeta } from "../../lib/reports/types.ts";
import { callApi } from "../account/api.ts";
import { ClausesView } from "./ClausesView.tsx";
import { DueView } from "./DueView.tsx";
import { errorText } from "./errors.ts";
import { dateTime, type Formats, intlLocale, type Strings } from "./format.ts";
import type { SectionClauses } from "./Heatmap.tsx";
import { ItemsView } from "./ItemsView.tsx";
import { OverviewView } from "./OverviewView.tsx";
import { PrintPreparers, printWhole } from "./print.tsx";
import { Tabs } from "./Tabs.tsx";
import { TranscriptView } from "./TranscriptView.tsx";
import { TrendsView } from "./TrendsView.tsx";
import { ExportLinks, isSignedOut, MetaSink, useReport } from "./use-report.tsx";

const VIEWS = ["overview", "due", "items", "clauses", "trends"] as const;
type View = (typeof VIEWS)[number];

interface Props {
  strings: Strings;
  lang: string;
  prefix: string;
  signInUrl: string;
  /** Clause ids per section, from the official text (the heatmap's rows). */
  sections: SectionClauses[];
}

function Overview({
  query,
  f,
  lang,
  onError,
}: {
  query: string;
  f: Formats;
  lang: string;
  onError: (e: Error) => void;
}) {
  const report = useReport<{ units: import("../../lib/reports/types.ts").UnitOverview[] }>(
    `/reports/overview${query ? `?${query}` : ""}`,
  );
  useEffect(() => {
    if (report.error) onError(report.error);
  }, [report.error]);
  if (!report.data) return <p aria-busy="true">{f.s.loading}</p>;
  return (
    <>
      <p>
        <ExportLinks path="overview" query={query} lang={lang} />
      </p>
      <OverviewView units={report.data.units} f={f} />
    </>
  );
}

export default function ReportsApp({ strings: s, lang, prefix, signInUrl, sections }: Props) {
  const [view, setView] = useState<View>("overview");
  const [filters, setFilters] = useState({ unit: "", from: "", to: "", role: "learner" });
  const [units, setUnits] = useState<{ code: string; name: string }[]>([]);
  const [meta, setMeta] = useState<ReportMeta | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [learner, setLearner] = useState<string | null>(null);
  const preparers = useRef(new Set<() => Promise<void>>()).current;
  const [preparing, setPreparing] = useState(false);

  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== "")).toString();
  const names = new Map(units.map((u) => [u.code, u.name]));
  const f: Formats = {
    locale: intlLocale(lang),
    timeZone: meta?.timeZone ?? "Asia/Almaty",
    s,
    unitName: (code) => names.get(code) ?? code,
  };

  useEffect(() => {
    callApi<{ units: { code: string; name: string }[] }>("/units").then(
      (r) => setUnits(r.units),
      (e: Error) => setError(e),
    );
  }, []);

  if (error && isSignedOut(error))
    return (
      <p>
        <a class="button" href={signInUrl}>
          {s.signIn}
        </a>
      </p>
    );
  const field = (name: keyof typeof filters) => ({
    value: filters[name],
    onChange: (e: Event) => {
      setError(null);
      setFilters({ ...filters, [name]: (e.currentTarget as HTMLInputElement).value });
    },
  });
  const views: Record<View, string> = {
    overview: s.overview ?? "",
    due: s.due ?? "",
    items: s.items ?? "",
    clauses: s.clauses ?? "",
    trends: s.trends ?? "",
  };
  const common = { query, f, lang, onError: setError };
  return (
    <MetaSink.Provider value={setMeta}>
      <PrintPreparers.Provider value={preparers}>
        <div class="reports">
          {meta?.stale && (
            <p class="notice" role="status">
              {s.stale}
            </p>
          )}
          <form class="report-filters no-print" onSubmit={(e) => e.preventDefault()}>
            <label>
              {s.unit}
              <select {...field("unit")}>
                <option value="">{s.allUnits}</option>
                {units.map((u) => (
                  <option key={u.code} value={u.code}>
                    {u.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {s.from}
              <input type="date" {...field("from")} max={filters.to || undefined} />
            </label>
            <label>
              {s.to}
              <input type="date" {...field("to")} min={filters.from || undefined} />
            </label>
            <label>
              {s.role}
              <select {...field("role")}>
                <option value="">{s.allRoles}</option>
                <option value="learner">{s["role.learner"]}</option>
                <option value="officer">{s["role.officer"]}</option>
                <option value="admin">{s["role.admin"]}</option>
              </select>
            </label>
            <button
              type="button"
              class="link-button"
              disabled={preparing}
              onClick={() => {
                setPreparing(true);
                printWhole(preparers)
                  .catch((e: Error) => setError(e))
                  .finally(() => setPreparing(false));
              }}
            >
              {preparing ? s.printPreparing : s.print}
            </button>
          </form>
          <p class="muted no-print">{meta ? `${s.timeZone}: ${meta.timeZone}` : ""}</p>
          <dl class="print-only print-filters">
            <dt>{s.unit}</dt>
            <dd>{units.find((u) => u.code === filters.unit)?.name ?? s.allUnits}</dd>
            <dt>{s.period}</dt>
            <dd>
              {filters.from || "…"} – {filters.to || "…"}
            </dd>
            <dt>{s.role}</dt>
            <dd>{filters.role ? s[`role.${filters.role}`] : s.allRoles}</dd>
            <dt>{s.generatedAt}</dt>
            <dd>{meta ? `${dateTime(f, meta.generatedAt)} (${meta.timeZone})` : "—"}</dd>
          </dl>
          {error && !isSignedOut(error) && (
            <p role="alert" class="error">
              {errorText(error, s)}
            </p>
          )}
          <Tabs
            ids={VIEWS}
            labels={views}
            label={s.views ?? ""}
            selected={view}
            onSelect={(v) => {
              setView(v);
              setLearner(null);
            }}
          >
            {view === "overview" && <Overview key={query} {...common} />}
            {view === "due" && <DueView key={query} {...common} onOpen={setLearner} />}
            {view === "items" && <ItemsView key={query} {...common} />}
            {view === "clauses" && (
              <ClausesView key={query} {...common} prefix={prefix} sections={sections} />
            )}
            {view === "trends" && <TrendsView key={query} {...common} />}
          </Tabs>
          {learner && (
            <TranscriptView
              key={`${learner}-${query}`}
              number={learner}
              {...common}
              onClose={() => setLearner(null)}
            />
          )}
        </div>
      </PrintPreparers.Provider>
    </MetaSink.Provider>
  );
}
