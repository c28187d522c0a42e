// Saturation of every resource, busiest first: horizontal bars coloured by level, a line at 100 %, and the
// resource that binds first named in the legend line.

import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { SaturationRow } from '../store/selectors';
import { axis, grid, utilColor } from './chart-colors';
import { ChartTooltip } from './ChartTooltip';
import { pct } from './format';

export const SaturationChart = memo(function SaturationChart({ rows }: { rows: SaturationRow[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 4 }}>
        <CartesianGrid {...grid} horizontal={false} />
        <XAxis type="number" domain={[0, 1]} tickFormatter={(v: number) => pct(v, 0)} tick={axis} stroke="var(--muted)" allowDataOverflow />
        <YAxis type="category" dataKey="resource" width={150} tick={{ ...axis, fontSize: 10 }} stroke="var(--muted)" interval={0} />
        <Tooltip cursor={{ fill: 'var(--hover)' }} content={(p) => <ChartTooltip {...(p as object)} valueFormatter={(v) => `${pct(v)} busy`} />} />
        <ReferenceLine x={1} stroke="var(--danger)" strokeDasharray="4 3" />
        <Bar dataKey="utilization" name="utilisation" isAnimationActive={false} barSize={12}>
          {rows.map((r) => (
            <Cell key={r.resource} fill={utilColor(r.utilization)} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
});
