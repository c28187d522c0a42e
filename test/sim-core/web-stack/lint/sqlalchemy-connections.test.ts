import { describe, expect, it } from 'vitest';
import { lintScenario } from '../../../../sim-core/web-stack/lint';
import { instancesOn, scenario } from './scenario';

const byId = (s: Parameters<typeof lintScenario>[0], id: string) => lintScenario(s).filter((f) => f.id === id);

describe('lint: SQLAlchemy pools against max_connections / PgBouncer', () => {
  it('4 instances × 8 workers × (20 + 10) = 960 > 197 = 200 − 3', () => {
    const s = scenario({
      app: { instances: instancesOn('app1', 4), workers: 8, sqlalchemy: { pool_size: 20, max_overflow: 10 } },
      database: { max_connections: 200 },
    });
    const [f, ...rest] = byId(s, 'db-connections-exceed-max');
    expect(rest).toEqual([]);
    expect(f.severity).toBe('error');
    expect(f.path).toBe('app.sqlalchemy');
    expect(f.numbers).toMatchObject({ instances: 4, workers: 8, connections_per_process: 30, connections: 960, limit: 197, max_pool_per_process: 6 });
    expect(f.message).toContain('4 instances × 8 workers × (20 pool_size + 10 max_overflow) = 960 connections > 197');
    // floor(197 / 32) = 6 per process, split 20:10 → 4 + 2; or 960 + 3 = 963.
    expect(f.fix).toContain('Set pool_size + max_overflow ≤ 6 per process (e.g. pool_size 4, max_overflow 2)');
    expect(f.fix).toContain('raise max_connections to 963');
  });

  it("Audius PR #2054: 1 × 16 workers × (20 + 10) = 480 > 97 with PostgreSQL's default 100", () => {
    const s = scenario({ app: { workers: 16, sqlalchemy: { pool_size: 20, max_overflow: 10 } }, database: { max_connections: undefined } });
    const [f] = byId(s, 'db-connections-exceed-max');
    expect(f.numbers).toMatchObject({ connections: 480, limit: 97, max_pool_per_process: 6 });
    expect(f.fix).toContain('483');
  });

  it('with PgBouncer the bound is max_client_conn: 960 > 100, at most 3 per process', () => {
    const s = scenario({
      app: { instances: instancesOn('app1', 4), workers: 8, sqlalchemy: { pool_size: 20, max_overflow: 10 } },
      database: { max_connections: 200 },
      pgbouncer: { host: 'db', max_client_conn: 100 },
    });
    expect(byId(s, 'db-connections-exceed-max')).toEqual([]);
    const [f] = byId(s, 'pgbouncer-client-connections-exceed-max');
    expect(f.severity).toBe('error');
    expect(f.numbers).toMatchObject({ connections: 960, limit: 100, max_pool_per_process: 3 });
    expect(f.fix).toContain('≤ 3 per process');
    expect(f.fix).toContain('raise PgBouncer max_client_conn to 960');
  });

  it('PgBouncer server side: 2 pools × (20 + 5) = 50 > 37 = 40 − 3', () => {
    const s = scenario({
      app: { workers: 4, sqlalchemy: { pool_size: 2, max_overflow: 0 } },
      database: { max_connections: 40 },
      pgbouncer: { host: 'db', max_client_conn: 1000, pools: 2, default_pool_size: 20, reserve_pool_size: 5 },
    });
    const [f] = byId(s, 'pgbouncer-pools-exceed-max-connections');
    expect(f.severity).toBe('error');
    expect(f.path).toBe('pgbouncer.default_pool_size');
    expect(f.numbers).toMatchObject({ server_connections: 50, limit: 37 });
    // floor(37 / 2) − 5 = 13; or 50 + 3 = 53.
    expect(f.fix).toContain('default_pool_size ≤ 13');
    expect(f.fix).toContain('max_connections to 53');
  });

  it('PgBouncer in session mode with 255 pooled app connections over 20 server connections: a warning', () => {
    const s = scenario({ pgbouncer: { host: 'db', pool_mode: 'session', max_client_conn: 1000 } });
    const [f] = byId(s, 'pgbouncer-session-mode-starves-clients');
    expect(f.severity).toBe('warning');
    expect(f.numbers).toMatchObject({ app_connections: 255, server_connections: 20 });
  });

  it('pool_size 0 means no limit: gevent then opens one per greenlet, 2 × 1000 = 2,000 > 297', () => {
    const s = scenario({ app: { worker_class: 'gevent', workers: 2, sqlalchemy: { pool_size: 0, max_overflow: 0 } } });
    const [f] = byId(s, 'db-connections-exceed-max');
    expect(f.numbers).toMatchObject({ connections_per_process: 1000, connections: 2000, limit: 297 });
  });

  it('stays silent when it fits: 17 × 15 = 255 ≤ 297, and with PgBouncer 255 ≤ 300', () => {
    expect(byId(scenario(), 'db-connections-exceed-max')).toEqual([]);
    const s = scenario({ pgbouncer: { host: 'db', max_client_conn: 300 } });
    expect(lintScenario(s)).toEqual([]);
  });
});
