// Item analysis of the exam pool, as Moodle's quiz statistics: facility, discrimination and
// discriminative efficiency (all as percentages, as Moodle shows them), the distribution of
// responses over the options (A, B, C… in the bank's order) and a "no response" bucket, and
// flags, only once an item has enough responses. First attempts by default, all on request.
// Item texts and the right options come only to administrators: officers sit the exam too.
import { useEffect, useState } from "preact/hooks";
import type { ItemReport, ItemStatistics } from "../../lib/reports/types.ts";
import { count, type Formats, fill, percent } from "./format.ts";
import { ExportLinks, useReport } from "./use-report.tsx";

function Options({ item, f }: { item: ItemStatistics; f: Formats }) {
  const total = item.attempts;
  return (
    <ul class="options">
      {item.options.map((o) => (
        <li key={o.label} class={o.correct ? "correct" : ""}>
          <strong>
            {o.label}
            {o.correct ? ` ✓ ${f.s.correctOption}` : ""}
          </strong>
          : {count(f, o.count)} ({percent(f, total ? o.count / total : null)})
          {o.text ? <span class="option-text"> — {o.text}</span> : null}
        </li>
      ))}
      <li>
        <strong>{f.s.noResponse}</strong>: {count(f, item.noResponse)} (
        {percent(f, total ? item.noResponse / total : null)})
      </li>
    </ul>
  );
}

interface Props {
  query: string;
  f: Formats;
  lang: string;
  onError: (e: Error) => void;
}

export function ItemsView({ query, f, lang, onError }: Props) {
  const { s } = f;
  const [attempts, setAttempts] = useState<"first" | "all">("first");
  const q = `${query ? `${query}&` : ""}attempts=${attempts}`;
  const report = useReport<ItemReport>(`/reports/items?${q}`);
  useEffect(() => {
    if (report.error) onError(report.error);
  }, [report.error]);
  const data = report.data;
  return (
    <div aria-busy={!data}>
      <fieldset class="choice no-print">
        <legend>{s.attemptsCounted}</legend>
        {(["first", "all"] as const).map((value) => (
          <label key={value}>
            <input
              type="radio"
              name="item-attempts"
              value={value}
              checked={attempts === value}
              onChange={() => setAttempts(value)}
            />{" "}
            {value === "first" ? s.firstAttempts : s.allAttempts}
          </label>
        ))}
      </fieldset>
      <p class="note">{attempts === "first" ? s.firstAttemptsNote : s.allAttemptsNote}</p>
      <p class="note">{s.itemsScale}</p>
      {data && !data.keys ? <p class="note">{s.keysAdminsOnly}</p> : null}
      {data ? (
        <>
          <p>
            {fill(s.itemsSummary, {
              attempts: count(f, data.attemptsCounted),
              items: count(f, data.items.length),
              min: data.minResponses,
            })}{" "}
            <ExportLinks path="items" query={q} lang={lang} />
          </p>
          <table class="items-table">
            <caption>{s.items}</caption>
            <thead>
              <tr>
                <th scope="col">{s.item}</th>
                <th scope="col">{s.responses}</th>
                <th scope="col">{s.facility}</th>
                <th scope="col">{s.discrimination}</th>
                <th scope="col">{s.efficiency}</th>
                <th scope="col">{s.options}</th>
                <th scope="col">{s.flags}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((i) => (
                <tr key={i.itemId} class={i.flags.length ? "flagged" : ""}>
                  <th scope="row">
                    <span class="item-id">{i.itemId}</span>
                    <span class="muted">
                      {" "}
                      {s.lesson} {i.section}
                      {i.clauses.length ? ` · ${i.clauses.join(", ")}` : ""}
                    </span>
                    {i.stem ? <p class="stem">{i.stem}</p> : null}
                  </th>
                  <td>{count(f, i.attempts)}</td>
                  <td>{percent(f, i.facility, 1)}</td>
                  <td>{percent(f, i.discrimination, 1)}</td>
                  <td>{percent(f, i.efficiency, 1)}</td>
                  <td>
                    <Options item={i} f={f} />
                  </td>
                  <td>
                    {i.attempts < data.minResponses
                      ? fill(s.tooFewResponses, { n: data.minResponses })
                      : i.flags.map((flag) => s[`flag.${flag}`] ?? flag).join(", ") || "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p>{s.loading}</p>
      )}
    </div>
  );
}
