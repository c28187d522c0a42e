// The shared tooltip: themed box, series colour swatches, values through the chart's formatter.

interface Item {
  name?: string | number;
  value?: number | string | (number | string)[];
  color?: string;
  dataKey?: unknown;
}

export function ChartTooltip({ active, payload, label, valueFormatter, labelFormatter }: { active?: boolean; payload?: readonly Item[]; label?: string | number; valueFormatter: (v: number, name: string) => string; labelFormatter?: (l: string | number) => string }) {
  if (!active || !payload?.length) return null;
  return (
    <div className="chart-tooltip">
      {label !== undefined && <div className="tt-label">{labelFormatter ? labelFormatter(label) : label}</div>}
      {payload.map((p, i) => (
        <div key={i} className="tt-row">
          <span className="tt-swatch" style={{ background: p.color }} />
          <span className="tt-name">{String(p.name)}</span>
          <span className="tt-value">{typeof p.value === 'number' ? valueFormatter(p.value, String(p.name)) : String(p.value)}</span>
        </div>
      ))}
    </div>
  );
}
