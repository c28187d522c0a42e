// Capacity search: the most concurrent users (closed and daily workloads) or requests per second (open
// workloads) a scenario serves within an SLO (p95 ≤ X ms and user errors ≤ Y). The analytic preview brackets the
// answer in about a millisecond per load; the simulation then confirms it by bisection on the load, judging each
// simulated point by its p95 and error rate together with their 95 % intervals (judge.ts). A point whose
// interval straddles the SLO is simulated once more, three times longer; if it is still uncertain it counts as
// missed (conservative). Every simulated point uses the same seed (common random numbers), so the search is
// deterministic for a seed. Loads: whole users, or requests per second.

import type { WebStackScenario } from '../web-stack/schema';
import { bracketCapacity, PreviewModel } from '../web-stack/preview';
import { runWebStack } from '../web-stack/runtime/run-web-stack';
import type { WebStackResult } from '../web-stack/runtime/web-stack-result';
import { judgePoint, type PointJudgement, type SloBound, type Verdict } from './judge';

export type CapacityMetric = 'users' | 'rps';

export interface LoadPoint {
  users?: number;
  rate_per_s?: number;
}

export interface CapacityOptions {
  /** Defaults to the scenario's slo block. */
  slo?: SloBound;
  /** 'users' for closed/daily workloads, 'rps' for open ones (default: by the workload). */
  metric?: CapacityMetric;
  seed?: number;
  /** Simulated seconds per point (default 60; stretched for light loads so ~3,000 requests are seen, ≤ 5×). */
  duration_s?: number;
  /** The simulator (default runWebStack); receives the scenario the search simulates (see `scenario_note`). */
  simulate?: (load: LoadPoint, opts: { duration_s: number; seed: number; scenario: WebStackScenario }) => WebStackResult;
  onProgress?: (share: number, note: string) => void;
  /** Wall clock in ms for wall_ms (sim-core has no timer of its own); default the result's wall_ms. */
  clock?: () => number;
  /** Most simulated points (default 24). */
  max_evaluations?: number;
}

/** One simulated point: its judgement ('uncertain' points are resimulated once; the second run says what the search used). */
export interface CapacityEvaluation extends Omit<PointJudgement, 'user_requests'> {
  load: number;
  duration_s: number;
  /** What the search took the point as: uncertain after the longer run counts as missed. */
  counted_as: 'met' | 'missed' | 'resimulate';
  reason: string;
  bottleneck: { resource: string; utilization: number };
  throughput_rps: number;
  wall_ms: number;
}

export interface CapacityResult {
  scenario: string;
  metric: CapacityMetric;
  /** The largest load judged met (0 when even the smallest load misses). */
  max_load: number;
  /** The bottleneck of the simulation at max_load. */
  binding_resource: { resource: string; utilization: number };
  /** The most utilised resource after the binding one, at max_load. */
  next_bottleneck?: { resource: string; utilization: number };
  slo: SloBound;
  /** The boundary lies between lo (last point met) and hi (first point clearly missed above it). */
  confidence: { lo: number; hi: number; note: string };
  bracket: { lo: number; hi: number; method: 'analytic'; note: string };
  evaluations: CapacityEvaluation[];
  /** The simulation at max_load (absent when max_load is 0). */
  at_max?: { throughput_rps: number; p95_ms: number; user_error_rate: number; utilization: Record<string, number> };
  seed: number;
  notes: string[];
}

const DEFAULT_DURATION_S = 60;
const TARGET_REQUESTS = 3000;

/** The scenario with an open Poisson workload (for an RPS search on a closed or daily scenario). */
export function asOpenWorkload(s: WebStackScenario, rate: number): WebStackScenario {
  const l = s.workload.load;
  const clients = l.type === 'open' ? l.clients : l.type === 'closed' ? l.users : 1000;
  return { ...s, workload: { ...s.workload, load: { type: 'open', rate_per_s: rate, clients } } };
}

function fmt(x: number, metric: CapacityMetric): string {
  if (!Number.isFinite(x)) return '∞';
  return metric === 'users' ? Math.round(x).toLocaleString('en-US') : `${+x.toPrecision(4)} req/s`;
}

/** Analytic bracket of an open scenario's rate: lo by the p95 estimate, hi by the mean (×1.25, ≤ 1.05 × capacity). */
function bracketRate(m: PreviewModel, slo: SloBound): { lo: number; hi: number } {
  const xMax = m.bounds.xMax * 1000;
  if (!Number.isFinite(xMax)) throw new RangeError('capacitySearch: the scenario has no finite capacity (no resource is ever used)');
  const largest = (ok: (rate: number) => boolean): number => {
    let lo = 0;
    let hi = xMax;
    for (let i = 0; i < 50 && hi - lo > xMax * 1e-4; i++) {
      const mid = (lo + hi) / 2;
      if (ok(mid)) lo = mid;
      else hi = mid;
    }
    return lo;
  };
  const byP95 = largest((r) => {
    const p = m.solve({ rate_per_s: r });
    return !p.saturated && p.p95_response_ms_estimate <= slo.p95_ms;
  });
  const byMean = largest((r) => {
    const p = m.solve({ rate_per_s: r });
    return !p.saturated && p.mean_response_ms <= slo.p95_ms;
  });
  const lo = byP95 > 0 ? byP95 : xMax * 0.01;
  const hi = Math.max(lo * 1.05, Math.min(byMean * 1.25, xMax * 1.05));
  return { lo, hi };
}

export function capacitySearch(s: WebStackScenario, opts: CapacityOptions = {}): CapacityResult {
  const slo: SloBound = opts.slo ?? { p95_ms: s.slo.p95_ms, max_error_rate: s.slo.max_error_rate };
  if (!(slo.p95_ms > 0)) throw new RangeError(`capacitySearch: slo.p95_ms must be > 0, got ${slo.p95_ms}`);
  if (!(slo.max_error_rate >= 0 && slo.max_error_rate <= 1)) throw new RangeError(`capacitySearch: slo.max_error_rate must be within 0..1, got ${slo.max_error_rate}`);
  const open = s.workload.load.type === 'open';
  const metric: CapacityMetric = opts.metric ?? (open ? 'rps' : 'users');
  if (metric === 'users' && open) throw new RangeError('capacitySearch: an open workload has no users to count; search its rate (metric "rps")');
  const notes: string[] = [];
  const scenario = metric === 'rps' && !open ? asOpenWorkload(s, 1) : s;
  if (scenario !== s) notes.push(`the ${s.workload.load.type} workload was replaced by Poisson arrivals to search a rate (think time and population dropped)`);
  const seed = opts.seed ?? s.run.seed;
  const base = opts.duration_s ?? DEFAULT_DURATION_S;
  if (!(base > 0)) throw new RangeError(`capacitySearch: duration_s must be > 0, got ${base}`);
  const maxEvals = opts.max_evaluations ?? 24;
  const progress = opts.onProgress ?? (() => {});
  const simulate =
    opts.simulate ??
    ((load: LoadPoint, o: { duration_s: number; seed: number; scenario: WebStackScenario }) =>
      runWebStack(o.scenario, { ...load, seed: o.seed, duration_s: o.duration_s, ...(opts.clock && { clock: opts.clock }) }));
  const asLoad = (x: number): LoadPoint => (metric === 'users' ? { users: x } : { rate_per_s: x });

  // 1. Analytic bracket.
  const model = new PreviewModel(scenario);
  let bLo: number;
  let bHi: number;
  if (metric === 'users') {
    const b = bracketCapacity(scenario, { p95_ms: slo.p95_ms });
    bLo = Math.max(1, b.lo_users);
    bHi = Math.max(bLo + 1, b.hi_users);
  } else {
    const b = bracketRate(model, slo);
    bLo = b.lo;
    bHi = b.hi;
  }
  const bracketNote =
    metric === 'users'
      ? 'lo: largest N whose analytic p95 estimate meets the SLO; hi: largest N whose analytic mean meets it, +25 % for model error'
      : 'lo: largest rate whose analytic p95 estimate meets the SLO; hi: largest rate whose analytic mean meets it, +25 % (at most 1.05 × the analytic capacity)';
  progress(0.02, `analytic bracket ${fmt(bLo, metric)} – ${fmt(bHi, metric)}`);

  // Duration: long enough to see ~3,000 requests at the analytic throughput of the load, at most 5 × the base.
  const durationFor = (x: number): number => {
    let rps = 0;
    try {
      rps = model.solve(asLoad(x)).throughput_rps;
    } catch {
      rps = 0;
    }
    const need = rps > 0 ? TARGET_REQUESTS / rps : 5 * base;
    return Math.min(5 * base, Math.max(base, Math.ceil(need)));
  };

  const evaluations: CapacityEvaluation[] = [];
  const results = new Map<number, { met: boolean; result: WebStackResult; judged: PointJudgement }>();
  let expected = 8;
  const record = (x: number, d: number, r: WebStackResult, j: PointJudgement, counted: CapacityEvaluation['counted_as']) => {
    evaluations.push({
      load: x, duration_s: r.simulated_s, p95_ms: j.p95_ms, p95_lo: j.p95_lo, p95_hi: j.p95_hi, user_error_rate: j.user_error_rate,
      error_lo: j.error_lo, error_hi: j.error_hi, verdict: j.verdict, counted_as: counted, reason: j.reason,
      bottleneck: r.bottleneck, throughput_rps: r.throughput_rps, wall_ms: r.wall_ms,
    });
  };
  const evaluate = (x: number): boolean => {
    const known = results.get(x);
    if (known) return known.met;
    if (evaluations.length >= maxEvals) throw new BudgetSpent();
    const d = durationFor(x);
    progress(Math.min(0.97, 0.05 + (0.92 * evaluations.length) / expected), `simulating ${fmt(x, metric)} for ${d} s`);
    let r = simulate(asLoad(x), { duration_s: d, seed, scenario });
    let j = judgePoint(r, slo);
    if (j.verdict === 'uncertain') {
      record(x, d, r, j, 'resimulate');
      const d2 = 3 * d;
      progress(Math.min(0.97, 0.05 + (0.92 * evaluations.length) / expected), `${fmt(x, metric)} uncertain (${j.reason}): resimulating for ${d2} s`);
      r = simulate(asLoad(x), { duration_s: d2, seed: seed + 1, scenario });
      j = judgePoint(r, slo);
      const met = j.verdict === 'met';
      record(x, d2, r, j, met ? 'met' : 'missed');
      results.set(x, { met, result: r, judged: j });
      return met;
    }
    const met = j.verdict === 'met';
    record(x, d, r, j, met ? 'met' : 'missed');
    results.set(x, { met, result: r, judged: j });
    return met;
  };

  const tolerance = (lo: number): number => (metric === 'users' ? Math.max(2, 0.02 * lo) : 0.02 * lo);
  const mid = (a: number, b: number): number => (metric === 'users' ? Math.floor((a + b) / 2) : (a + b) / 2);
  const round = (x: number): number => (metric === 'users' ? Math.max(1, Math.round(x)) : x);

  let lo = 0; // largest load met (0: none yet)
  let hi = Infinity; // smallest load counted as missed
  let budgetNote = '';
  try {
    // 2. Anchor the bracket's bottom: step down by 30 % until a point is met.
    let x = round(bLo);
    for (;;) {
      if (evaluate(x)) {
        lo = x;
        break;
      }
      hi = x;
      const minLoad = metric === 'users' ? 1 : bLo * 1e-3;
      if (x <= minLoad) break;
      x = metric === 'users' ? Math.max(1, Math.min(x - 1, Math.floor(x * 0.7))) : x * 0.7;
      if (metric === 'rps' && x < minLoad) x = minLoad;
    }
    // 3. Anchor the top: the bracket's top, widened ×1.5 while it is still met (up to 6 times).
    if (lo > 0 && hi === Infinity) {
      let top = Math.max(round(bHi), lo + (metric === 'users' ? 1 : lo * 0.05));
      for (let i = 0; i < 6; i++) {
        if (!evaluate(top)) {
          hi = top;
          break;
        }
        lo = top;
        top = round(top * 1.5);
      }
      if (hi === Infinity) notes.push(`no missed point found up to ${fmt(lo, metric)}: the answer is at least that`);
    }
    expected = evaluations.length + Math.ceil(Math.log2(Math.max(2, (hi - lo) / Math.max(1e-9, tolerance(lo))))) + 2;
    // 4. Bisection.
    while (lo > 0 && Number.isFinite(hi) && hi - lo > tolerance(lo)) {
      const m = mid(lo, hi);
      if (m <= lo || m >= hi) break;
      if (evaluate(m)) lo = m;
      else hi = m;
    }
    // 5. The boundary may lie above an uncertain point counted as missed: find a point clearly missed above lo.
    if (lo > 0 && Number.isFinite(hi)) {
      const clearlyMissed = () => evaluations.some((e) => e.load > lo && e.verdict === 'missed');
      let step = Math.max(tolerance(lo), metric === 'users' ? 1 : 0);
      let probe = hi;
      for (let i = 0; i < 3 && !clearlyMissed(); i++) {
        probe = round(probe + step);
        step *= 2;
        if (evaluate(probe)) {
          // Met above a point counted as missed: the load is not monotone at this precision; keep the conservative answer.
          notes.push(`${fmt(probe, metric)} was met although ${fmt(hi, metric)} was counted as missed: the boundary is noisy at this precision`);
        }
      }
    }
  } catch (e) {
    if (!(e instanceof BudgetSpent)) throw e;
    budgetNote = `stopped after ${maxEvals} simulated points (max_evaluations)`;
    notes.push(budgetNote);
  }

  // The confidence range: last met, first clearly missed above it (uncertain points between are explained).
  const missedAbove = evaluations.filter((e) => e.load > lo && e.verdict === 'missed').map((e) => e.load);
  const confHi = missedAbove.length ? Math.min(...missedAbove) : hi;
  const uncertainBetween = [...new Set(evaluations.filter((e) => e.load > lo && e.load < confHi && e.counted_as === 'missed' && e.verdict !== 'missed').map((e) => e.load))];
  const noteParts: string[] = [];
  if (lo > 0) noteParts.push(`${fmt(lo, metric)} met (${results.get(lo)!.judged.reason})`);
  else noteParts.push('no load met the SLO, not even the smallest tried');
  if (Number.isFinite(confHi)) {
    const j = results.get(confHi)?.judged;
    noteParts.push(`${fmt(confHi, metric)} missed (${j?.reason ?? 'counted as missed'})`);
  } else noteParts.push('no missed point found above it');
  if (uncertainBetween.length) {
    noteParts.push(
      `between them ${uncertainBetween.sort((a, b) => a - b).map((x) => fmt(x, metric)).join(', ')} stayed uncertain after a 3× longer run and ${uncertainBetween.length === 1 ? 'was' : 'were'} counted as missed (conservative)`,
    );
  }
  if (metric === 'users' && Number.isFinite(confHi) && confHi - lo <= Math.max(2, 0.02 * lo)) noteParts.push('bisection stopped at the 2 % / 2-user tolerance');
  if (metric === 'rps' && Number.isFinite(confHi) && confHi - lo <= 0.02 * lo) noteParts.push('bisection stopped at the 2 % tolerance');
  if (budgetNote) noteParts.push(budgetNote);

  const atMax = lo > 0 ? results.get(lo)!.result : undefined;
  const binding = atMax ? atMax.bottleneck : (evaluations[evaluations.length - 1]?.bottleneck ?? { resource: 'none', utilization: 0 });
  let next: { resource: string; utilization: number } | undefined;
  if (atMax) {
    for (const [k, u] of Object.entries(atMax.utilization)) {
      if (k === binding.resource || !Number.isFinite(u)) continue;
      if (!next || u > next.utilization) next = { resource: k, utilization: u };
    }
  }
  // Errors rather than latency may set the answer: say so.
  const boundary = Number.isFinite(confHi) ? results.get(confHi)?.judged : undefined;
  if (boundary && boundary.error_lo > slo.max_error_rate && !(boundary.p95_lo > slo.p95_ms)) {
    const top = atMax ? Object.entries(atMax.errors.by_cause).sort((a, b) => b[1] - a[1])[0] : undefined;
    notes.push(`the error bound binds, not latency${top && top[1] > 0 ? ` (errors mostly ${top[0]})` : ''}`);
  }
  progress(1, `max ${fmt(lo, metric)}`);
  return {
    scenario: s.name,
    metric,
    max_load: lo,
    binding_resource: binding,
    ...(next && { next_bottleneck: next }),
    slo,
    confidence: { lo, hi: confHi, note: noteParts.join('; ') },
    bracket: { lo: bLo, hi: bHi, method: 'analytic', note: bracketNote },
    evaluations,
    ...(atMax && { at_max: { throughput_rps: atMax.throughput_rps, p95_ms: atMax.latency_ms.p95, user_error_rate: atMax.user_error_rate, utilization: atMax.utilization } }),
    seed,
    notes,
  };
}

class BudgetSpent extends Error {}
