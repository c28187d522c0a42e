// The sizing search on a tiny hand-made catalog where the answer is worked out by hand: three instance types,
// an open load of 300 req/s of 10 ms exponential Python (sync workers, no database), headroom 30 % ⇒ 390 req/s,
// p95 ≤ 100 ms. A deployment of c vCPUs in all behaves as M/M/c (workers ≥ vCPUs), so it suffices iff the
// Erlang C p95 at 390 req/s on c servers is ≤ 100 ms; its price is the hosts plus a $15 load balancer when
// there is more than one app host (no nginx in front). Also: the reference profile validates and lints clean.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { mmcResponseQuantile } from '../../../sim-core/analytic';
import { sizeDeployment } from '../../../sim-core/capacity/sizing-search';
import { parseCatalog } from '../../../sim-core/cost/parse-catalog';
import { parseScenario } from '../../../sim-core/scenario/parse-scenario';
import { lintScenario } from '../../../sim-core/web-stack/lint';
import { webStackSchema, type WebStackScenario } from '../../../sim-core/web-stack/schema';
import { scenarioYaml } from '../../../cli/commands/size';

const types = [
  { type: 'small', vcpus: 2, ram_gb: 4, usd_per_month: 10 },
  { type: 'medium', vcpus: 4, ram_gb: 8, usd_per_month: 25 },
  { type: 'big', vcpus: 8, ram_gb: 16, usd_per_month: 40 },
];
const LB = 15;
const catalog = parseCatalog({
  provider: 'tiny',
  currency: 'USD',
  retrieved: '2025-01',
  source: 'https://example.com/pricing',
  note: 'Hand-made catalog for the sizing test: three instance types and a load balancer.',
  compute: types.map((t) => ({ ...t, disk_gb: 50, disk_type: 'ssd', cpu: 'dedicated' })),
  load_balancers: [{ type: 'lb', usd_per_month: LB }],
  egress: { pooled_allowance: false, tiers: [{ up_to_tb: null, usd_per_gb: 0 }] },
});

const profile: WebStackScenario = webStackSchema.parse({
  kind: 'web-stack',
  schema_version: 1,
  name: 'tiny profile',
  hosts: [{ name: 'h', vcpus: 2, ram: '4GB', instance: { provider: 'tiny', type: 'small' } }],
  app: { server: 'gunicorn', worker_class: 'sync', instances: [{ host: 'h' }], workers: 5, db_access: 'none' },
  workload: { load: { type: 'open', rate_per_s: 100 }, classes: [{ name: 'api', share: 1, app_cpu_ms: { dist: 'exponential', mean: 10 }, response_kb: 1 }] },
});

describe('sizing search', () => {
  it('picks the cheapest feasible deployment of a hand-made catalog', () => {
    const slo = { p95_ms: 100, max_error_rate: 0.01 };
    const rate = 300 * 1.3;
    // By hand: every (type, count) with its total vCPUs, feasible iff the M/M/c p95 holds, cheapest first.
    const hand: { what: string; usd: number; ok: boolean }[] = [];
    for (const t of types)
      for (let n = 1; n <= 8; n++) {
        const c = t.vcpus * n;
        const ok = rate / 1000 / (c * 0.1) < 1 && mmcResponseQuantile(rate / 1000, 0.1, c, 0.95) <= slo.p95_ms;
        hand.push({ what: `${n} × ${t.type}`, usd: t.usd_per_month * n + (n > 1 ? LB : 0), ok });
      }
    hand.sort((a, b) => a.usd - b.usd);
    const best = hand.find((h) => h.ok)!;
    expect(best).toEqual({ what: '1 × big', usd: 40, ok: true }); // 1 × medium ($25) and 2 × small ($35) have 4 vCPUs: ρ = 0.975

    const r = sizeDeployment(profile, { rps: 300 }, { slo, provider: 'tiny', catalogs: [catalog], headroom: 0.3, seed: 2, duration_s: 60 });
    expect(r.recommended).toBeDefined();
    const rec = r.recommended!;
    expect(rec.description).toMatch(/^1 × big/);
    expect(rec.cost.total_usd_per_month).toBe(best.usd);
    expect(r.checked_load.rate_per_s).toBeCloseTo(rate, 6);
    expect(rec.at_headroom.verdict).toBe('met');
    // The cheaper deployments failed, and say why.
    const failed = r.explanation.cheaper_failed.map((f) => f.description);
    expect(failed.some((d) => d.startsWith('1 × medium'))).toBe(true);
    expect(failed.some((d) => d.startsWith('2 × small'))).toBe(true);
    for (const f of r.explanation.cheaper_failed) expect(f.usd_per_month).toBeLessThanOrEqual(best.usd);
    // What binds next and the next tier up.
    expect(r.explanation.binds_next?.resource).toMatch(/cpu|slots|gil/);
    expect(r.explanation.next_tier).toBeDefined();
    expect(r.explanation.next_tier!.usd_per_month).toBeGreaterThan(best.usd);
    expect(r.explanation.next_tier!.max_throughput_rps).toBeGreaterThanOrEqual(1.1 * rec.analytic.max_throughput_rps);

    // The recommended scenario is complete: it validates through YAML and lints clean.
    const text = scenarioYaml(rec.scenario, ['test']);
    const back = parseScenario(parse(text));
    expect(back.kind).toBe('web-stack');
    expect(lintScenario(back as WebStackScenario).filter((f) => f.severity === 'error')).toEqual([]);
    expect((back as WebStackScenario).workload.load).toMatchObject({ type: 'open', rate_per_s: 300 });
  });

  it('turns daily users into concurrency by the stated defaults when the profile has no daily curve', () => {
    const closed = webStackSchema.parse({ ...JSON.parse(JSON.stringify(profile)), workload: { ...JSON.parse(JSON.stringify(profile.workload)), load: { type: 'closed', users: 10, think_ms: { dist: 'exponential', mean: 5000 } } } });
    const r = sizeDeployment(closed, { daily_users: 14400 }, { slo: { p95_ms: 100, max_error_rate: 0.01 }, provider: 'tiny', catalogs: [catalog], headroom: 0, seed: 1, duration_s: 30 });
    // 14,400 × 1 × 10 / 1,440 × 3 = 300 concurrent users.
    expect(r.target.concurrent_users).toBe(300);
    expect(r.assumptions.join(' ')).toMatch(/stated defaults/);
    expect(r.recommended?.scenario.workload.load).toMatchObject({ type: 'daily', daily_active_users: 14400 });
  });

  it('the reference profile validates and lints clean', () => {
    const file = resolve(__dirname, '../../../scenarios/reference/django-web-app.yaml');
    const s = parseScenario(parse(readFileSync(file, 'utf8'))) as WebStackScenario;
    expect(s.kind).toBe('web-stack');
    expect(lintScenario(s).filter((f) => f.severity !== 'info')).toEqual([]);
    expect(s.assumptions.length).toBeGreaterThan(10);
  });
});
