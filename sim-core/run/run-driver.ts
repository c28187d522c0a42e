// Runs a built model in chunks of events until the precision target, the event cap or the horizon is reached,
// reporting progress between chunks (share done, partial percentiles) and honouring cancellation. The horizon
// counts only once min_observations responses were seen: a light load runs until it has enough samples to
// answer (by samples, not seconds), at most MAX_STRETCH horizons long. A memory cap reached inside an event
// (MemoryCapReached) ends the run there: what was measured until then is summarised.
// Simulated time in ms inside, seconds in what it reports.

import { MemoryCapReached } from '../kernel/memory-cap';
import type { Simulator } from '../kernel/simulator';
import type { OutputAnalyzer } from '../metrics/output-analyzer';
import type { RunControl } from './run-control';
import type { LatencySummary, StopReasonJson } from './run-result';
import { quantileOf } from './run-result';

export interface Progress {
  /** 0..1, the largest of: events/cap, time/horizon, precision reached so far. */
  share: number;
  events: number;
  simulated_s: number;
  observations: number;
  partial?: LatencySummary;
}

/** Return false to stop the run (cancel). */
export type ProgressListener = (p: Progress) => boolean | void;

export interface Drivable {
  readonly sim: Simulator;
  readonly analyzer: OutputAnalyzer;
}

const CHUNK_EVENTS = 250_000;
/** A horizon reached with too few responses is stretched up to this many times its length. */
export const MAX_STRETCH = 100;
const allQuantiles = [0.5, 0.9, 0.95, 0.99, 0.999];

export function drive(model: Drivable, control: RunControl, onProgress?: ProgressListener): StopReasonJson {
  const { sim, analyzer } = model;
  const givenMs = control.duration_s !== undefined ? control.duration_s * 1000 : Infinity;
  let horizonMs = givenMs;
  const wanted = new Set(control.measures.filter((m) => m !== 'mean').map((m) => quantileOf[m as keyof typeof quantileOf]));
  let chunk = CHUNK_EVENTS;
  for (;;) {
    const cap = Math.min(control.max_events, sim.events + chunk);
    let reason;
    try {
      reason = sim.run(horizonMs, cap);
    } catch (e) {
      if (e instanceof MemoryCapReached) return 'memory_cap';
      throw e;
    }
    if (reason === 'horizon') {
      if (analyzer.count >= control.min_observations || horizonMs >= givenMs * MAX_STRETCH) return 'horizon';
      horizonMs = stretched(horizonMs, givenMs, analyzer.count, control.min_observations, sim.now);
      continue;
    }
    if (reason === 'empty') return 'empty';
    if (reason === 'event_cap' && sim.events >= control.max_events) return 'event_cap';
    let precisionShare = 0;
    let partial: LatencySummary | undefined;
    if (analyzer.count >= control.min_observations) {
      // One summary serves the precision check and the partial percentiles.
      const s = analyzer.summarize({ quantiles: allQuantiles });
      const watched = [s.mean, ...s.quantiles.filter((q) => wanted.has(q.p))];
      const reached = watched.every((m) => m.relHalfWidth <= control.precision && !('warning' in m && m.warning));
      if (reached) return 'precision';
      const worst = Math.max(...watched.map((m) => m.relHalfWidth));
      // Half-widths shrink as 1/√n, so the share of observations done is (target / current)².
      precisionShare = Number.isFinite(worst) && worst > 0 ? Math.min(0.99, (control.precision / worst) ** 2) : 0;
      const [p50, p90, p95, p99, p999] = s.quantiles.map((q) => q.estimate);
      partial = { mean: s.mean.estimate, p50, p90, p95, p99, p999 };
    }
    if (onProgress) {
      const share = Math.max(sim.events / control.max_events, horizonMs < Infinity ? sim.now / horizonMs : 0, precisionShare);
      const keep = onProgress({ share: Math.min(1, share), events: sim.events, simulated_s: sim.now / 1000, observations: analyzer.count, partial });
      if (keep === false) return 'cancelled';
    }
    // Precision checks cost a summary; space them out as runs get long.
    chunk = Math.min(chunk * 2, 4_000_000);
  }
}

/** The next horizon: the time the missing responses take at the rate seen so far (+10 %), at least a tenth more. */
function stretched(horizonMs: number, givenMs: number, seen: number, wanted: number, nowMs: number): number {
  const rate = seen / nowMs;
  const needMs = rate > 0 ? ((wanted - seen) / rate) * 1.1 : horizonMs;
  return Math.min(givenMs * MAX_STRETCH, horizonMs + Math.max(needMs, horizonMs * 0.1));
}

/** The warning a run gets when its horizon was stretched to reach enough responses. */
export function stretchWarning(control: Pick<RunControl, 'duration_s' | 'min_observations'>, simulatedS: number, observations: number): string | undefined {
  if (control.duration_s === undefined || simulatedS <= control.duration_s * 1.0001) return undefined;
  const enough = observations >= control.min_observations;
  return `the run went on past its ${control.duration_s} s horizon to ${Math.round(simulatedS)} s simulated to see ${enough ? `${control.min_observations}` : `more than ${observations}`} responses (run.min_observations ${control.min_observations})${enough ? '' : `: still fewer, stopped at ${MAX_STRETCH} × the horizon`}`;
}
