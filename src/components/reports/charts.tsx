// Small accessible charts: SVG with a title and description, always next to the data table
// that carries the same numbers (screen readers and printouts use the table).

interface Bar {
  label: string;
  value: number | null;
}

export function BarChart({
  title,
  bars,
  max = 1,
  unit = "%",
}: {
  title: string;
  bars: Bar[];
  max?: number;
  unit?: string;
}) {
  const width = 320;
  const rowHeight = 22;
  const height = bars.length * rowHeight + 4;
  return (
    <svg
      class="chart"
      role="img"
      aria-label={title}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
    >
      <title>{title}</title>
      {bars.map((bar, i) => {
        const share = bar.value === null ? 0 : Math.max(0, Math.min(1, bar.value / max));
        const y = i * rowHeight + 2;
        return (
          <g key={bar.label}>
            <text x="0" y={y + 15} font-size="12">
              {bar.label}
            </text>
            <rect x="90" y={y + 3} width={(width - 150) * share} height="14" fill="#005a9c" />
            <text x={96 + (width - 150) * share} y={y + 15} font-size="12">
              {bar.value === null
                ? "—"
                : `${Math.round((bar.value / max) * (unit === "%" ? 100 : max))}${unit === "%" ? " %" : ""}`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Colour of a wrong-answer rate: light for rare mistakes, deep red for frequent ones. */
export function heatColour(rate: number): string {
  const t = Math.max(0, Math.min(1, rate));
  const light = Math.round(96 - t * 56);
  return `hsl(4 80% ${light}%)`;
}

export function heatText(rate: number): string {
  return rate > 0.45 ? "#ffffff" : "#1b1f24";
}
