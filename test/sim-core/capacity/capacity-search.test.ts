// The capacity search against answers derived without the simulator: a closed single queue (M/M/1//N with no
// think time, whose response time is Erlang-N), an open M/M/2 (Erlang C response-time quantile) and an nginx
// limit_req whose rejections (an M/D/1/1 loss system: Erlang B, insensitive to the service law) set the answer.

import { describe, expect, it } from 'vitest';
import { mmcResponseQuantile, mva } from '../../../sim-core/analytic';
import { capacitySearch } from '../../../sim-core/capacity/capacity-search';
import { judgePoint, wilsonInterval } from '../../../sim-core/capacity/judge';
import { scenario } from '../web-stack/helpers';

/** P(Erlang(k, mean m each) ≤ t) = 1 − Σ_{i<k} e^{−t/m} (t/m)^i / i!. */
function erlangCdf(k: number, m: number, t: number): number {
  const x = t / m;
  let term = Math.exp(-x);
  let sum = term;
  for (let i = 1; i < k; i++) {
    term *= x / i;
    sum += term;
  }
  return 1 - sum;
}
function erlangP95(k: number, m: number): number {
  let lo = 0;
  let hi = 100 * k * m;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (erlangCdf(k, m, mid) < 0.95) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

describe('capacity search: analytic oracles', () => {
  it('closed single queue (one sync worker, no think time) matches the largest N with Erlang-N p95 ≤ SLO', () => {
    // One sync worker holding the only slot, 10 ms exponential Python on a 64-core host: a single FCFS server.
    // With no think time all N users are always in it; a request waits for N − 1 others and its own service,
    // so its response is Erlang(N, 10 ms). MVA confirms the mean N × 10 ms.
    const S = 10;
    const s = scenario({
      app: { server: 'gunicorn', worker_class: 'sync', instances: [{ host: 'h' }], workers: 1, db_access: 'none' },
      workload: { load: { type: 'closed', users: 5, think_ms: { dist: 'deterministic', mean: 0 } }, classes: [{ name: 'api', share: 1, app_cpu_ms: { dist: 'exponential', mean: S }, response_kb: 0 }] },
    });
    for (const n of [3, 7]) expect(mva([{ name: 'worker', kind: 'queue', demand: S }], n, 0).responseTime).toBeCloseTo(n * S, 6);
    // SLO half-way between the p95 of N = 5 and N = 6: the answer is N* = 5.
    const slo = { p95_ms: (erlangP95(5, S) + erlangP95(6, S)) / 2, max_error_rate: 0.01 };
    let want = 0;
    for (let n = 1; n < 50; n++) if (erlangP95(n, S) <= slo.p95_ms) want = n;
    expect(want).toBe(5);
    const r = capacitySearch(s, { slo, seed: 3, duration_s: 60 });
    expect(r.metric).toBe('users');
    expect(r.confidence.lo).toBeLessThanOrEqual(want);
    expect(r.confidence.hi).toBeGreaterThanOrEqual(want);
    expect(r.max_load).toBe(r.confidence.lo);
    expect(r.max_load).toBeGreaterThanOrEqual(want - 2);
    expect(r.binding_resource.resource).toMatch(/app\[0\]\.(slots|gil)/);
    expect(r.bracket.method).toBe('analytic');
    expect(r.evaluations.length).toBeGreaterThan(1);
    // Every point counted as met has its whole interval under the SLO.
    for (const e of r.evaluations.filter((x) => x.counted_as === 'met')) expect(e.p95_hi).toBeLessThanOrEqual(slo.p95_ms);
    // Deterministic for a seed.
    const again = capacitySearch(s, { slo, seed: 3, duration_s: 60 });
    expect(again.max_load).toBe(r.max_load);
    expect(again.evaluations.map((e) => [e.load, e.p95_ms])).toEqual(r.evaluations.map((e) => [e.load, e.p95_ms]));
  });

  it('open M/M/2 (two sync workers) matches the largest rate with Erlang C p95 ≤ SLO', () => {
    const s = scenario({
      app: { server: 'gunicorn', worker_class: 'sync', instances: [{ host: 'h' }], workers: 2, db_access: 'none' },
      workload: { load: { type: 'open', rate_per_s: 100 }, classes: [{ name: 'api', share: 1, app_cpu_ms: { dist: 'exponential', mean: 10 }, response_kb: 0 }] },
    });
    const slo = { p95_ms: 100, max_error_rate: 0.01 };
    // λ* (per s): μ = 0.1/ms per server, 2 servers; bisection on the exact response-time quantile.
    let lo = 1;
    let hi = 199.9;
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2;
      if (mmcResponseQuantile(mid / 1000, 0.1, 2, 0.95) <= slo.p95_ms) lo = mid;
      else hi = mid;
    }
    const want = lo;
    // Near ρ = 0.85 the p95 needs long runs for its batch-means interval to hold: 300 s per point.
    const r = capacitySearch(s, { slo, seed: 5, duration_s: 300 });
    expect(r.metric).toBe('rps');
    expect(r.confidence.lo).toBeLessThanOrEqual(want);
    expect(r.confidence.hi).toBeGreaterThanOrEqual(want);
    expect(r.max_load).toBeGreaterThan(want * 0.85);
  });

  it('respects the error bound: a global limit_req sets the capacity through rejections', () => {
    // One global token bucket of 400 req/s with burst 0 admits a request only if 1/400 s passed since the last
    // admitted one: an M/D/1/1 loss system, so the rejected share is Erlang B with one server, a/(1 + a),
    // a = λ/400 (insensitive to the deterministic "service"). Errors ≤ 20 % ⇔ a ≤ 0.25 ⇔ λ ≤ 100 req/s.
    // The app is fast (1 ms on 8 uvicorn workers): latency never binds at this SLO.
    const s = scenario({
      nginx: { host: 'h', limit_req: [{ zone: 'all', rate_per_s: 400, burst: 0, key: 'global' }] },
      app: { server: 'uvicorn', worker_class: 'uvicorn', instances: [{ host: 'h' }], workers: 8, db_access: 'none' },
      workload: { load: { type: 'open', rate_per_s: 50 }, classes: [{ name: 'api', share: 1, app_cpu_ms: { dist: 'exponential', mean: 1 }, response_kb: 0 }] },
    });
    const slo = { p95_ms: 1000, max_error_rate: 0.2 };
    const want = 100;
    const r = capacitySearch(s, { slo, seed: 11, duration_s: 120 });
    expect(r.confidence.lo).toBeLessThanOrEqual(want);
    expect(r.confidence.hi).toBeGreaterThanOrEqual(want);
    expect(r.max_load).toBeGreaterThan(want * 0.8);
    for (const e of r.evaluations.filter((x) => x.counted_as === 'met')) expect(e.error_hi).toBeLessThanOrEqual(slo.max_error_rate);
    const boundary = r.evaluations.find((e) => e.load === r.confidence.hi && e.verdict === 'missed')!;
    expect(boundary.error_lo).toBeGreaterThan(slo.max_error_rate);
    expect(boundary.p95_ms).toBeLessThan(slo.p95_ms);
    expect(r.notes.join(' ')).toMatch(/error bound binds.*limit_req/);
  });

  it('judges a point by its intervals', () => {
    const base = { latency_ms: { p95: 250 }, ci95: { p95: { lo: 200, hi: 290 } }, user_error_rate: 0, throughput_rps: 100, simulated_s: 100, warmup: { simulated_s: 0 } };
    const slo = { p95_ms: 300, max_error_rate: 0.01 };
    expect(judgePoint(base as never, slo).verdict).toBe('met');
    expect(judgePoint({ ...base, ci95: { p95: { lo: 280, hi: 320 } } } as never, slo).verdict).toBe('uncertain');
    expect(judgePoint({ ...base, latency_ms: { p95: 400 }, ci95: { p95: { lo: 310, hi: 490 } } } as never, slo).verdict).toBe('missed');
    expect(judgePoint({ ...base, user_error_rate: 0.05 } as never, slo).verdict).toBe('missed');
    const w = wilsonInterval(0.1, 1000);
    expect(w.lo).toBeCloseTo(0.0829, 3); // Wilson (1927) for 100 of 1,000
    expect(w.hi).toBeCloseTo(0.1202, 3);
  });
});
