// Judging one simulated load against an SLO with the uncertainty of the simulation: the p95's 95 % interval
// (batch means, from the run) and a 95 % interval on the share of failed user requests (Wilson score interval
// on the user requests of the kept window). "met" when both whole intervals are within the SLO, "missed" when
// either lies wholly outside it, "uncertain" when an interval straddles its bound.

import type { WebStackResult } from '../web-stack/runtime/web-stack-result';

export type Verdict = 'met' | 'missed' | 'uncertain';

export interface SloBound {
  p95_ms: number;
  max_error_rate: number;
}

export interface PointJudgement {
  p95_ms: number;
  p95_lo: number;
  p95_hi: number;
  user_error_rate: number;
  error_lo: number;
  error_hi: number;
  /** User requests behind the error interval. */
  user_requests: number;
  verdict: Verdict;
  /** One phrase: which interval decided, with its numbers. */
  reason: string;
}

const Z = 1.959963984540054;

/** Wilson score interval for a proportion p out of n trials (95 %). n = 0 ⇒ [0, 1]. */
export function wilsonInterval(p: number, n: number): { lo: number; hi: number } {
  if (!(n > 0)) return { lo: 0, hi: 1 };
  const z2 = Z * Z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { lo: Math.max(0, centre - half), hi: Math.min(1, centre + half) };
}

/** User requests (answered or failed) in the kept window of a run. */
export function userRequests(r: WebStackResult): number {
  const windowS = Math.max(0, r.simulated_s - r.warmup.simulated_s);
  const ok = r.throughput_rps * windowS;
  const failShare = Math.min(0.999999, Math.max(0, r.user_error_rate));
  return ok / (1 - failShare);
}

const f = (x: number) => (Number.isFinite(x) ? (Math.abs(x) >= 100 ? x.toFixed(0) : x.toPrecision(3)) : '∞');
const pc = (x: number) => `${(x * 100).toPrecision(3)} %`;

export function judgePoint(r: WebStackResult, slo: SloBound): PointJudgement {
  const p95 = Number.isFinite(r.latency_ms.p95) ? r.latency_ms.p95 : Infinity;
  const ci = r.ci95?.p95;
  let lo = ci && Number.isFinite(ci.lo) ? ci.lo : NaN;
  let hi = ci && Number.isFinite(ci.hi) ? ci.hi : NaN;
  if (p95 === Infinity) lo = hi = Infinity;
  const n = userRequests(r);
  const e = Number.isFinite(r.user_error_rate) ? r.user_error_rate : 1;
  const w = wilsonInterval(e, Math.round(n));
  const base = { p95_ms: p95, p95_lo: lo, p95_hi: hi, user_error_rate: e, error_lo: w.lo, error_hi: w.hi, user_requests: n };
  // Missed as soon as one whole interval lies beyond its bound.
  if (lo > slo.p95_ms) return { ...base, verdict: 'missed', reason: `p95 ${f(p95)} ms, interval ${f(lo)}–${f(hi)} ms above ${slo.p95_ms} ms` };
  if (w.lo > slo.max_error_rate) return { ...base, verdict: 'missed', reason: `errors ${pc(e)}, interval ${pc(w.lo)}–${pc(w.hi)} above ${pc(slo.max_error_rate)}` };
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return { ...base, verdict: 'uncertain', reason: `p95 ${f(p95)} ms without an interval (too few samples)` };
  const p95Ok = hi <= slo.p95_ms;
  const errOk = w.hi <= slo.max_error_rate;
  if (p95Ok && errOk) return { ...base, verdict: 'met', reason: `p95 ${f(p95)} ms (${f(lo)}–${f(hi)}) ≤ ${slo.p95_ms} ms, errors ${pc(e)} (≤ ${pc(w.hi)})` };
  const parts: string[] = [];
  if (!p95Ok) parts.push(`p95 interval ${f(lo)}–${f(hi)} ms straddles ${slo.p95_ms} ms`);
  if (!errOk) parts.push(`error interval ${pc(w.lo)}–${pc(w.hi)} straddles ${pc(slo.max_error_rate)}`);
  return { ...base, verdict: 'uncertain', reason: parts.join('; ') };
}
