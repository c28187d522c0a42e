// Post-warm-up summary shared by every model: latency estimates with 95 % intervals from the output analyzer,
// throughput over the kept window, and the Little's-law check L = λ·W (L from the time average of customers in
// the system, λ·W from the sojourn times of everyone who left). ms inside, seconds and rps out.

import type { CounterCheckpoints } from '../metrics/counter-checkpoints';
import type { OutputAnalyzer } from '../metrics/output-analyzer';
import type { TimeAverage } from '../metrics/time-average';
import { latencyKeys, type IntervalJson, type LatencyKey, type LatencySummary, type RunResult } from './run-result';

type Summarized = Pick<RunResult, 'throughput_rps' | 'latency_ms' | 'ci95' | 'simulated_s' | 'observations' | 'warmup' | 'littles_law' | 'warnings'>;

export function summarizeRun(
  analyzer: OutputAnalyzer,
  inSystem: TimeAverage,
  counters: CounterCheckpoints,
  nowMs: number,
): { result: Summarized; windowStart: number } {
  const warnings: string[] = [];
  if (analyzer.count === 0) {
    const nan = Number.NaN;
    const empty: LatencySummary = { mean: nan, p50: nan, p90: nan, p95: nan, p99: nan, p999: nan };
    const ci = Object.fromEntries(latencyKeys.map((k) => [k, { lo: nan, hi: nan, rel_half_width: nan }])) as Record<LatencyKey, IntervalJson>;
    return {
      windowStart: 0,
      result: {
        throughput_rps: 0, latency_ms: empty, ci95: ci, simulated_s: nowMs / 1000, observations: 0,
        warmup: { rule: 'MSER-5', observations: 0, simulated_s: 0, reliable: false },
        littles_law: { time_average_in_system: inSystem.average(0, nowMs), throughput_x_response: nan, rel_error: nan },
        warnings: ['no request completed: nothing to measure'],
      },
    };
  }
  const s = analyzer.summarize({ quantiles: [0.5, 0.9, 0.95, 0.99, 0.999] });
  const from = s.warmup.startTime;
  const windowMs = nowMs - from;
  const [q50, q90, q95, q99, q999] = s.quantiles;
  const latency: LatencySummary = { mean: s.mean.estimate, p50: q50.estimate, p90: q90.estimate, p95: q95.estimate, p99: q99.estimate, p999: q999.estimate };
  const interval = (i: { lo: number; hi: number; relHalfWidth: number; warning?: string }): IntervalJson =>
    i.warning ? { lo: i.lo, hi: i.hi, rel_half_width: i.relHalfWidth, warning: i.warning } : { lo: i.lo, hi: i.hi, rel_half_width: i.relHalfWidth };
  const ci95 = { mean: interval(s.mean), p50: interval(q50), p90: interval(q90), p95: interval(q95), p99: interval(q99), p999: interval(q999) };
  for (const q of s.quantiles) if (q.warning) warnings.push(q.warning);
  if (!s.warmup.reliable) warnings.push('the warm-up (MSER-5) could not be separated from the steady state: the run is too short or the system never settles (overload?)');
  const c = counters.since(from);
  const L = inSystem.average(from, nowMs);
  const lw = windowMs > 0 ? (c.sojourn_served_ms + c.sojourn_dropped_ms) / windowMs : Number.NaN;
  return {
    windowStart: from,
    result: {
      throughput_rps: windowMs > 0 ? (c.completed / windowMs) * 1000 : 0,
      latency_ms: latency,
      ci95,
      simulated_s: nowMs / 1000,
      observations: s.count,
      warmup: { rule: 'MSER-5', observations: s.warmup.observations, simulated_s: from / 1000, reliable: s.warmup.reliable },
      littles_law: { time_average_in_system: L, throughput_x_response: lw, rel_error: L > 0 ? Math.abs(L - lw) / L : 0 },
      warnings,
    },
  };
}
