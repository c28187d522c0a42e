// The report's two charts, built from the model: latency percentiles against load with the SLO line (log scale
// when the percentiles span more than two decades), and utilisation per resource at the target load.

import { num } from './format';
import type { ReportModel } from './report-model';
import { barChartSvg } from './svg-bar-chart';
import { lineChartSvg } from './svg-line-chart';

export const SERIES_COLORS = { p50: '#4c78a8', p95: '#f58518', p99: '#b5367a', slo: '#c0392b' } as const;

export function latencyChart(m: ReportModel, width = 680, height = 300): string {
  const pts = m.curve.points;
  const all = pts.flatMap((p) => [p.p50_ms, p.p95_ms, p.p99_ms]).filter((v) => Number.isFinite(v) && v > 0);
  const logY = all.length > 0 && Math.max(...all, m.curve.slo_p95_ms) / Math.max(1e-3, Math.min(...all)) > 100;
  const unit = m.curve.unit === 'users' ? 'concurrent users' : 'offered load (req/s)';
  return lineChartSvg({
    width,
    height,
    xLabel: unit,
    yLabel: `response time (ms${logY ? ', log scale' : ''})`,
    logY,
    series: [
      { name: 'p50', color: SERIES_COLORS.p50, points: pts.map((p) => [p.load, p.p50_ms]) },
      { name: 'p95', color: SERIES_COLORS.p95, points: pts.map((p) => [p.load, p.p95_ms]) },
      { name: 'p99', color: SERIES_COLORS.p99, points: pts.map((p) => [p.load, p.p99_ms]) },
    ],
    hline: { y: m.curve.slo_p95_ms, label: `SLO: p95 ≤ ${num(m.curve.slo_p95_ms)} ms`, color: SERIES_COLORS.slo },
    vline: { x: m.curve.target_load, label: 'target' },
  });
}

export function utilisationChart(m: ReportModel, width = 680): string {
  return barChartSvg({
    width,
    rows: m.saturation.map((r) => ({ label: r.label, value: r.utilization, highlight: r.binding })),
    warnAt: 0.8,
  });
}
