// Latency percentiles against load: simulated p50/p95/p99 from a sweep (points stream in), the analytic p95
// curve dashed, and the SLO as a horizontal line. The x-domain is fixed up front so streaming never rescales it.

import { memo } from 'react';
import { CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { LatencyRow } from '../store/selectors';
import { axis, grid, series } from './chart-colors';
import { ChartTooltip } from './ChartTooltip';
import { compact, ms } from './format';

interface Props {
  rows: LatencyRow[];
  xMax: number;
  xLabel: string;
  sloMs?: number;
  mode: 'latency' | 'throughput';
}

export const LatencyLoadChart = memo(function LatencyLoadChart({ rows, xMax, xLabel, sloMs, mode }: Props) {
  const fmt = mode === 'latency' ? ms : (v: number) => `${compact(v)} req/s`;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={rows} margin={{ top: 8, right: 16, bottom: 18, left: 4 }}>
        <CartesianGrid {...grid} />
        <XAxis dataKey="load" type="number" domain={[0, xMax]} tick={axis} stroke="var(--muted)" tickFormatter={compact} label={{ value: xLabel, position: 'insideBottom', offset: -10, fill: 'var(--muted)', fontSize: 11 }} allowDataOverflow />
        <YAxis tick={axis} stroke="var(--muted)" tickFormatter={(v: number) => (mode === 'latency' ? `${compact(v)} ms` : compact(v))} width={62} />
        <Tooltip content={(p) => <ChartTooltip {...(p as object)} valueFormatter={(v) => fmt(v)} labelFormatter={(l) => `${compact(Number(l))} ${xLabel.split(' ')[0]}`} />} />
        <Legend verticalAlign="top" height={22} wrapperStyle={{ fontSize: 11 }} />
        {mode === 'latency' ? (
          <>
            <Line dataKey="analytic_p95" name="p95 ≈ analytic" stroke={series.analytic} strokeDasharray="5 4" dot={false} isAnimationActive={false} connectNulls />
            <Line dataKey="p50" name="p50 simulated" stroke={series.p50} isAnimationActive={false} connectNulls />
            <Line dataKey="p95" name="p95 simulated" stroke={series.p95} strokeWidth={2} isAnimationActive={false} connectNulls />
            <Line dataKey="p99" name="p99 simulated" stroke={series.p99} isAnimationActive={false} connectNulls />
            {sloMs !== undefined && <ReferenceLine y={sloMs} stroke={series.slo} strokeDasharray="6 3" label={{ value: `SLO p95 ${ms(sloMs)}`, fill: 'var(--danger)', fontSize: 11, position: 'insideTopRight' }} />}
          </>
        ) : (
          <>
            <Line dataKey="analytic_throughput" name="≈ analytic" stroke={series.analytic} strokeDasharray="5 4" dot={false} isAnimationActive={false} connectNulls />
            <Line dataKey="throughput" name="simulated" stroke={series.throughput} strokeWidth={2} isAnimationActive={false} connectNulls />
          </>
        )}
      </ComposedChart>
    </ResponsiveContainer>
  );
});
