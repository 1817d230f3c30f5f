import { useEffect, useState } from "preact/hooks";
import { ApiFailure, callApi } from "../account/api.ts";
import type {
  ClauseHeat,
  DueLearner,
  ItemStatistics,
  MonthTrend,
  ReportStrings,
  StuckLearner,
  UnitOverview,
} from "./types.ts";
import { ClausesView, DueView, ItemsView, OverviewView, TrendsView } from "./views.tsx";

const VIEWS = ["overview", "due", "items", "clauses", "trends"] as const;
type View = (typeof VIEWS)[number];

interface Props {
  strings: ReportStrings;
  prefix: string;
  signInUrl: string;
}

interface Transcript {
  learner: { personnelNumber: string; fullName: string; unit: string };
  entries: {
    timestamp: string;
    verb: string;
    kind: string;
    section: number | null;
    scaled: number | null;
    durationMs: number | null;
  }[];
}

/** Training officers' dashboard: filters, one view at a time, exports and print. */
export default function ReportsApp({ strings: s, prefix, signInUrl }: Props) {
  const [view, setView] = useState<View>("overview");
  const [filters, setFilters] = useState({ unit: "", from: "", to: "", role: "learner" });
  const [units, setUnits] = useState<{ code: string; name: string }[]>([]);
  const [data, setData] = useState<Record<string, unknown> | null>(null);
  const [error, setError] = useState("");
  const [transcript, setTranscript] = useState<Transcript | null>(null);

  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== "")).toString();

  useEffect(() => {
    callApi<{ units: { code: string; name: string }[] }>("/units")
      .then((r) => setUnits(r.units))
      .catch((e) =>
        setError(
          e instanceof ApiFailure && e.status === 401
            ? "signed-out"
            : e instanceof ApiFailure && e.status === 403
              ? (s.forbidden ?? "")
              : String(e),
        ),
      );
  }, []);

  useEffect(() => {
    setData(null);
    const load = async () => {
      if (view === "due") {
        const [due, stuck] = await Promise.all([
          callApi<{ learners: DueLearner[] }>(`/reports/due?${query}`),
          callApi<{ learners: StuckLearner[] }>(`/reports/stuck?${query}`),
        ]);
        return { due: due.learners, stuck: stuck.learners };
      }
      return callApi<Record<string, unknown>>(`/reports/${view}?${query}`);
    };
    load()
      .then(setData)
      .catch((e) =>
        setError(e instanceof ApiFailure && e.status === 401 ? "signed-out" : (e as Error).message),
      );
  }, [view, query]);

  const openTranscript = (number: string) =>
    void callApi<Transcript>(`/reports/learners/${encodeURIComponent(number)}`)
      .then(setTranscript)
      .catch(() => setTranscript(null));

  if (error === "signed-out")
    return (
      <p>
        <a class="button" href={signInUrl}>
          {s.signIn}
        </a>
      </p>
    );
  if (error) return <p role="alert">{error}</p>;

  const exportName = view === "due" ? "due" : view;
  return (
    <div class="reports">
      <form class="report-filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {s.unit}
          <select
            value={filters.unit}
            onChange={(e) =>
              setFilters({ ...filters, unit: (e.currentTarget as HTMLSelectElement).value })
            }
          >
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
          <input
            type="date"
            value={filters.from}
            onChange={(e) =>
              setFilters({ ...filters, from: (e.currentTarget as HTMLInputElement).value })
            }
          />
        </label>
        <label>
          {s.to}
          <input
            type="date"
            value={filters.to}
            onChange={(e) =>
              setFilters({ ...filters, to: (e.currentTarget as HTMLInputElement).value })
            }
          />
        </label>
        <label>
          {s.role}
          <select
            value={filters.role}
            onChange={(e) =>
              setFilters({ ...filters, role: (e.currentTarget as HTMLSelectElement).value })
            }
          >
            <option value="">{s.allRoles}</option>
            <option value="learner">{s["role.learner"]}</option>
            <option value="officer">{s["role.officer"]}</option>
          </select>
        </label>
      </form>
      <div class="report-tabs" role="tablist" aria-label={s.views}>
        {VIEWS.map((v) => (
          <button
            key={v}
            type="button"
            role="tab"
            aria-selected={v === view}
            onClick={() => setView(v)}
          >
            {s[v]}
          </button>
        ))}
      </div>
      <p class="report-export no-print">
        <a href={`/api/reports/${exportName}?${query}&format=csv`}>CSV</a> ·{" "}
        <a href={`/api/reports/${exportName}?${query}&format=xlsx`}>XLSX</a> ·{" "}
        <button type="button" class="link-button" onClick={() => window.print()}>
          {s.print}
        </button>
      </p>
      <section role="tabpanel" aria-busy={data === null}>
        {data === null && <p>…</p>}
        {data && view === "overview" && (
          <OverviewView units={(data.units as UnitOverview[]) ?? []} s={s} />
        )}
        {data && view === "due" && (
          <DueView
            learners={data.due as DueLearner[]}
            stuck={data.stuck as StuckLearner[]}
            s={s}
            onOpen={openTranscript}
          />
        )}
        {data && view === "items" && (
          <ItemsView items={(data.items as ItemStatistics[]) ?? []} s={s} />
        )}
        {data && view === "clauses" && (
          <ClausesView clauses={(data.clauses as ClauseHeat[]) ?? []} s={s} prefix={prefix} />
        )}
        {data && view === "trends" && (
          <TrendsView months={(data.months as MonthTrend[]) ?? []} s={s} />
        )}
      </section>
      {transcript && (
        <section class="transcript" aria-labelledby="transcript-title">
          <h2 id="transcript-title">
            {s.transcript}: {transcript.learner.fullName} ({transcript.learner.personnelNumber})
          </h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{s.time}</th>
                <th scope="col">{s.event}</th>
                <th scope="col">{s.lesson}</th>
                <th scope="col">{s.score}</th>
                <th scope="col">{s.duration}</th>
              </tr>
            </thead>
            <tbody>
              {transcript.entries.map((e) => (
                <tr key={`${e.timestamp}-${e.verb}-${e.kind}`}>
                  <td>{e.timestamp.slice(0, 16).replace("T", " ")}</td>
                  <td>
                    {s[`kind.${e.kind}`] ?? e.kind} · {s[`verb.${e.verb}`] ?? e.verb}
                  </td>
                  <td>{e.section ?? "—"}</td>
                  <td>{e.scaled === null ? "—" : `${Math.round(e.scaled * 100)} %`}</td>
                  <td>{e.durationMs === null ? "—" : `${Math.round(e.durationMs / 60000)} min`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
