// Claims are judged from simulated results at the claimed load. The simulation is replaced here by fixed
// results so every verdict follows from numbers written in the test.

import { describe, expect, it } from 'vitest';
import { judgeClaims, type ClaimLoad } from '../../../../sim-core/web-stack/claims/judge-claims';
import type { WebStackScenario } from '../../../../sim-core/web-stack/schema';
import type { WebStackResult } from '../../../../sim-core/web-stack/runtime/web-stack-result';

function result(load: ClaimLoad, p95: number, throughput: number, extra: Partial<WebStackResult> = {}): WebStackResult {
  const interval = (x: number) => ({ lo: x * 0.95, hi: x * 1.05, rel_half_width: 0.05 });
  const lat = { mean: p95 / 3, p50: p95 / 4, p90: p95 / 1.5, p95, p99: p95 * 1.5, p999: p95 * 2 };
  return {
    throughput_rps: throughput,
    latency_ms: lat,
    ci95: { mean: interval(lat.mean), p50: interval(lat.p50), p90: interval(lat.p90), p95: interval(p95), p99: interval(lat.p99), p999: interval(lat.p999) },
    utilization: { 'web.cpu': 0.5 },
    errors: { rate: 0, by_cause: {} },
    user_error_rate: 0,
    slo: { p95_ms: 300, max_error_rate: 0.01, met: p95 <= 300 },
    load,
    bottleneck: { resource: 'web.cpu', utilization: 0.5 },
    memory: { web: { ram_mb: 8192, committed_mb: 3072, breakdown: {}, over: false } },
    classes: {},
    ...extra,
  } as unknown as WebStackResult;
}

const scenario = (claims: unknown[], daily = false) =>
  ({
    claims,
    workload: { load: daily ? { type: 'daily', daily_active_users: 10000, sessions_per_user: 2, session_minutes: 24, peak_factor: 3 } : { type: 'closed', users: 500 } },
  }) as unknown as WebStackScenario;

describe('judgeClaims', () => {
  it('concurrent users: simulated at the low and high end, SLO decides', () => {
    // p95 grows with users: 100 ms at 1,000, 900 ms at 2,000.
    const simulate = (l: ClaimLoad) => result(l, l.users === 1000 ? 100 : 900, 200);
    const [v] = judgeClaims(scenario([{ id: 'u', metric: 'concurrent_users', min: 1000, max: 2000, quote: '1,000 - 2,000' }]), { simulate });
    expect(v.verdict).toBe('partly');
    expect(v.claimed).toBe('1,000–2,000 concurrent users');
    expect(v.reason).toMatch(/met at 1,000 users but not at 2,000/);
  });

  it('concurrent users: a missed SLO at the low end does not hold', () => {
    const [v] = judgeClaims(scenario([{ id: 'u', metric: 'concurrent_users', min: 12000, quote: '12,000 concurrent users' }]), { simulate: (l) => result(l, 8900, 570) });
    expect(v.verdict).toBe('does_not_hold');
  });

  it('daily users become peak users through the daily curve: 10,000 × 2 × 24 / 1440 × 3 = 1,000', () => {
    const loads: ClaimLoad[] = [];
    const [v] = judgeClaims(scenario([{ id: 'd', metric: 'daily_active_users', min: 10000, quote: '10,000 daily' }], true), {
      simulate: (l) => (loads.push(l), result(l, 100, 50)),
    });
    expect(loads).toEqual([{ users: 1000 }]);
    expect(v.verdict).toBe('holds');
  });

  it('daily users without a daily curve cannot be judged', () => {
    const [v] = judgeClaims(scenario([{ id: 'd', metric: 'daily_active_users', min: 10000, quote: 'x' }]), { simulate: (l) => result(l, 100, 50) });
    expect(v.verdict).toBe('cannot_judge');
  });

  it('rps on its own is a capacity claim: the rate is offered and must be served within the SLO', () => {
    const loads: ClaimLoad[] = [];
    // Offered 200 req/s, 161 served: 19.5 % short.
    const [v] = judgeClaims(scenario([{ id: 'r', metric: 'rps', min: 200, max: 500, quote: '200 - 500 RPS' }]), {
      simulate: (l) => (loads.push(l), result(l, 1684, 161)),
    });
    expect(loads).toEqual([{ rate_per_s: 200 }]);
    expect(v.verdict).toBe('does_not_hold');
    expect(v.reason).toMatch(/cannot serve the claimed rate/);
  });

  it('rps at a stated user load: the throughput reached there, 161 req/s is 19.5 % below 200', () => {
    const [v] = judgeClaims(scenario([{ id: 'r', metric: 'rps', min: 200, at_users: 1000, quote: '200 RPS at 1,000 users' }]), {
      simulate: (l) => result(l, 100, 161),
    });
    expect(v.verdict).toBe('does_not_hold');
    expect(v.reason).toMatch(/19\.5 % below/);
  });

  it('latency: decided by the whole interval against the bound, straddling cannot be judged', () => {
    const claims = [
      { id: 'a', metric: 'p95_ms', max: 200, quote: '< 200ms' },
      { id: 'b', metric: 'p95_ms', max: 250, at_users: 10, quote: '< 250ms' },
      { id: 'c', metric: 'p95_ms', max: 150, at_users: 20, quote: '< 150ms' },
    ];
    // interval = p95 ± 5 %: 150 → [142.5, 157.5]; 240 → [228, 252]; 100 → [95, 105].
    const p95 = (l: ClaimLoad) => (l.users === 10 ? 240 : l.users === 20 ? 100 : 150);
    const vs = judgeClaims(scenario(claims), { simulate: (l) => result(l, p95(l), 10) });
    expect(vs.map((v) => v.verdict)).toEqual(['holds', 'cannot_judge', 'holds']);
  });

  it('the same load is simulated once for several claims', () => {
    let runs = 0;
    judgeClaims(
      scenario([
        { id: 'a', metric: 'p95_ms', max: 200, quote: 'x' },
        { id: 'b', metric: 'error_rate', max: 0.01, quote: 'y' },
        { id: 'c', metric: 'memory_gb', max: 4, quote: 'z' },
      ]),
      { simulate: (l) => (runs++, result(l, 100, 10)) },
    );
    expect(runs).toBe(1);
  });

  it('memory, cache hit rate and cost', () => {
    const vs = judgeClaims(
      scenario([
        { id: 'm', metric: 'memory_gb', min: 2, max: 2.5, quote: '2-2.5 GB' },
        { id: 'h', metric: 'cache_hit_rate', min: 0.85, quote: '85%' },
        { id: 'c', metric: 'cost_usd_month', min: 500, max: 800, quote: '$500-800' },
      ]),
      { simulate: (l) => result(l, 100, 10), monthlyCost: () => 900 },
    );
    // 3,072 MB = 3 GB > 2.5 GB × 1.05; $900 > $800 × 1.05.
    expect(vs.map((v) => v.verdict)).toEqual(['does_not_hold', 'cannot_judge', 'does_not_hold']);
  });
});
