// Small accessible charts: an SVG with a title (role="img", nothing interactive inside), always
// next to a data table that carries the same numbers for screen readers and printouts.

interface Bar {
  label: string;
  value: number | null;
  /** The value as text, printed at the bar's end. */
  text: string;
}

export function BarChart({ title, bars, max }: { title: string; bars: Bar[]; max: number }) {
  const width = 420;
  const rowHeight = 22;
  const labelWidth = 128;
  const room = width - labelWidth - 60;
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
        const share =
          bar.value === null || max <= 0 ? 0 : Math.max(0, Math.min(1, bar.value / max));
        const y = i * rowHeight + 2;
        return (
          <g key={bar.label}>
            <text x="0" y={y + 15} font-size="12" fill="#1b1f24">
              {bar.label}
            </text>
            <rect x={labelWidth} y={y + 3} width={room * share} height="14" fill="#005a9c" />
            <text x={labelWidth + 6 + room * share} y={y + 15} font-size="12" fill="#1b1f24">
              {bar.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
