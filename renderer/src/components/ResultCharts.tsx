// The workspace charts: latency percentiles and throughput against load (a sweep, with the analytic curve),
// saturation of every resource, errors by cause and monthly cost, each with units and an empty state.

import { memo, useDeferredValue, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/index';
import { isWebStackResult, saturationRows, selectFreshResult, sweepRows, type LatencyRow } from '../store/selectors';
import { ChartCard } from '../charts/ChartCard';
import { LatencyLoadChart } from '../charts/LatencyLoadChart';
import { SaturationChart } from '../charts/SaturationChart';
import { CategoryBarChart } from '../charts/CategoryBarChart';
import { int, pct, usdMonth } from '../charts/format';
import { series } from '../charts/chart-colors';
import { previewNow } from '../sim-client/preview-engine';
import { sweepLoads } from '../sim-client/jobs';
import { loadOverride } from '../scenarios/scenario-facts';

const ANALYTIC_POINTS = 32;

export const ResultCharts = memo(function ResultCharts() {
  const { scenario, sweep, sweepSize, sweepFresh, result, preview, cost, dragging } = useAppStore(
    useShallow((s) => ({
      scenario: s.scenario,
      sweep: s.sweep,
      sweepSize: s.sweepSize,
      sweepFresh: s.sweepRevision === s.revision,
      result: s.dragging ? null : selectFreshResult(s),
      preview: s.preview,
      cost: s.cost,
      dragging: s.dragging,
    })),
  );
  const axisInfo = useMemo(() => (scenario ? sweepLoads(scenario) : null), [scenario]);
  const xMax = axisInfo ? axisInfo.values[axisInfo.values.length - 1] : 1;
  const analytic = useMemo<LatencyRow[]>(() => {
    if (!scenario || !axisInfo) return [];
    const rows: LatencyRow[] = [];
    for (let i = 1; i <= ANALYTIC_POINTS; i++) {
      const v = (xMax * i) / ANALYTIC_POINTS;
      const p = previewNow(scenario, loadOverride(axisInfo.kind, v));
      if (!p) return [];
      rows.push({ load: axisInfo.kind === 'users' ? Math.round(v) : v, analytic_p95: Number.isFinite(p.p95_response_ms_estimate) ? p.p95_response_ms_estimate : undefined, analytic_throughput: p.throughput_rps });
    }
    return rows;
  }, [scenario, axisInfo, xMax]);
  const rows = useMemo(() => [...analytic, ...(sweepFresh ? sweepRows(sweep) : [])].sort((a, b) => a.load - b.load), [analytic, sweep, sweepFresh]);
  const xLabel = axisInfo?.kind === 'rate_per_s' ? 'req/s offered' : 'concurrent users';
  const slo = scenario?.kind === 'web-stack' ? scenario.slo.p95_ms : undefined;
  // While dragging, the chart follows the preview at low priority so the slider and tiles stay at frame rate.
  const deferredPreview = useDeferredValue(preview);
  const satSource = result ?? (dragging ? deferredPreview : preview);
  const satRows = useMemo(() => saturationRows(satSource).slice(0, 10), [satSource]);
  const errRows = useMemo(() => {
    if (!result) return [];
    return Object.entries(result.errors.by_cause).map(([cause, n]) => ({ cause, count: n }));
  }, [result]);
  const costRows = useMemo(() => (cost ? Object.entries(cost.subtotals).map(([kind, usd]) => ({ kind, usd })) : []), [cost]);
  const simulatedPoints = sweepFresh ? sweep.length : 0;
  const latencyEmpty = rows.length === 0 ? 'Run a sweep to see latency against load.' : null;

  return (
    <div className="charts-grid">
      <ChartCard
        testId="chart-latency"
        title="Latency against load"
        subtitle={`ms · ${simulatedPoints ? `${simulatedPoints}${sweepSize ? ` of ${sweepSize}` : ''} simulated loads` : 'dashed: analytic p95; run a sweep for simulated p50/p95/p99'}`}
        empty={latencyEmpty}
      >
        <LatencyLoadChart rows={rows} xMax={xMax} xLabel={xLabel} sloMs={slo} mode="latency" />
      </ChartCard>
      <ChartCard testId="chart-saturation" title="Saturation" subtitle={satRows[0] ? `busy share of each resource · binds first: ${satRows[0].resource}${result ? '' : ' (≈ analytic)'}` : 'busy share of each resource'} empty={satRows.length ? null : 'No utilisation yet: run a simulation.'}>
        <SaturationChart rows={satRows} />
      </ChartCard>
      <ChartCard testId="chart-throughput" title="Throughput against load" subtitle="requests per second served" empty={latencyEmpty}>
        <LatencyLoadChart rows={rows} xMax={xMax} xLabel={xLabel} mode="throughput" />
      </ChartCard>
      <ChartCard
        testId="chart-errors"
        title="Errors by cause"
        subtitle={result ? `failed attempts during the measured window · ${pct(isWebStackResult(result) ? result.user_error_rate : result.errors.rate)} of requests failed` : 'failed attempts by cause'}
        empty={dragging ? 'Errors come from the simulation: let go of the slider.' : !result ? 'Run a simulation to see errors by cause.' : errRows.length === 0 ? 'No errors at this load.' : null}
      >
        <CategoryBarChart data={errRows} index="cause" categories={[{ key: 'count', name: 'failed attempts', color: 'var(--danger)' }]} valueFormatter={int} />
      </ChartCard>
      <ChartCard
        testId="chart-cost"
        title="Monthly cost"
        subtitle={cost ? `${usdMonth(cost.total_usd_per_month)} total · ${cost.catalogs.map((c) => `${c.provider} ${c.retrieved}`).join(', ')}` : 'USD per month at list prices'}
        empty={scenario?.kind !== 'web-stack' ? 'Queueing models have no hardware to price.' : cost ? (costRows.length ? null : 'Nothing to price.') : 'No pricing: the cost model or a catalog for these hosts is not available.'}
      >
        <CategoryBarChart data={costRows} index="kind" categories={[{ key: 'usd', name: 'USD/month', color: series.cost }]} valueFormatter={usdMonth} axisFormatter={(v) => `$${int(v)}`} />
      </ChartCard>
    </div>
  );
});
