import { describe, expect, it } from 'vitest';
import { lintScenario } from '../../../../sim-core/web-stack/lint';
import { scenario } from './scenario';

const byId = (s: Parameters<typeof lintScenario>[0], id: string) => lintScenario(s).filter((f) => f.id === id);
const uvicorn = (limit_concurrency?: number) =>
  scenario({ app: { server: 'uvicorn', worker_class: 'uvicorn', workers: 8, limit_concurrency } });

describe('lint: per-process admission against the SQLAlchemy pool', () => {
  it('uvicorn limit_concurrency 100 vs 5 + 10 = 15 connections: 85 wait pool_timeout', () => {
    const [f] = byId(uvicorn(100), 'concurrency-exceeds-db-pool');
    expect(f.severity).toBe('warning');
    expect(f.path).toBe('app.limit_concurrency');
    expect(f.numbers).toMatchObject({ limit_concurrency: 100, pool_per_process: 15, waiting: 85, pool_timeout_s: 30 });
    expect(f.fix).toContain('limit_concurrency to 15');
  });

  it('uvicorn without limit_concurrency admits everything: a warning too', () => {
    expect(byId(uvicorn(), 'concurrency-exceeds-db-pool')).toHaveLength(1);
  });

  it('stays silent when limit_concurrency ≤ the pool', () => {
    expect(lintScenario(uvicorn(15))).toEqual([]);
  });
});

describe('lint: timeouts nest gunicorn < nginx < client', () => {
  it('gunicorn timeout 120 s ≥ nginx proxy_read_timeout 60 s: 504 while the work continues', () => {
    const s = scenario({ app: { timeout: 120 }, workload: { retries: { client_timeout_s: 300 } } });
    const findings = lintScenario(s);
    expect(findings.map((f) => f.id)).toEqual(['nginx-timeout-below-gunicorn-timeout']);
    expect(findings[0].numbers).toEqual({ proxy_read_timeout_s: 60, gunicorn_timeout_s: 120 });
    expect(findings[0].fix).toContain('proxy_read_timeout to 125 s');
  });

  it('client timeout 10 s < gunicorn 30 s with 2 retries: gunicorn 8 s, proxy_read 9 s', () => {
    const s = scenario({ workload: { retries: { client_timeout_s: 10, max_retries: 2 } } });
    const [f] = byId(s, 'client-timeout-below-server-timeout');
    expect(f.severity).toBe('warning');
    expect(f.numbers).toMatchObject({ client_timeout_s: 10, server_timeout_s: 30, max_retries: 2 });
    expect(f.message).toContain('up to 2 retries');
    expect(f.fix).toContain('Gunicorn timeout to 8 s and proxy_read_timeout to 9 s');
  });
});
