// The two rules that copies disagreed on, decided against the servers' documentation and held here in every
// view that reads them: SQLAlchemy's pool_size 0 ("can be set to 0 to indicate no size limit", QueuePool docs
// of SQLAlchemy 1.4, the version Debian 12 ships) and PgBouncer's reserve_pool_size ("How many additional
// connections to allow to a pool", pgbouncer.ini(5) of PgBouncer 1.18: per pool, like default_pool_size).

import { describe, expect, it } from 'vitest';
import { exportScenario } from '../../../sim-core/export';
import { appDbConnections, dbConnectionsPerProcess } from '../../../sim-core/web-stack/derived/db-connections';
import { pgbouncerServerConnections } from '../../../sim-core/web-stack/derived/server-connections';
import { buildPreviewNetwork } from '../../../sim-core/web-stack/preview';
import { runWebStack } from '../../../sim-core/web-stack/runtime/run-web-stack';
import { scenario } from './helpers';

const query = { name: 'q', share: 1, db_queries: 1, db_query_ms: { dist: 'deterministic' as const, mean: 20 } };

describe('SQLAlchemy pool_size 0 = no size limit: one connection per concurrent request', () => {
  const s = scenario({
    app: { server: 'gunicorn', worker_class: 'gevent', worker_connections: 40, instances: [{ host: 'h' }], workers: 2, db_access: 'sqlalchemy', sqlalchemy: { pool_size: 0, max_overflow: 10 } },
    database: { engine: 'postgresql', host: 'h', max_connections: 500, working_set: '1GB' },
    workload: { load: { type: 'closed', users: 60, think_ms: { dist: 'deterministic', mean: 0 } }, classes: [query] },
    run: { duration_s: 20 },
  });

  it('derived: 40 greenlets per process → 40 connections per process, 80 for the tier (max_overflow plays no part)', () => {
    expect(dbConnectionsPerProcess(s.app)?.perProcess).toBe(40);
    expect(appDbConnections(s)?.total).toBe(80);
  });

  it('the simulator serves every request, holding up to 60 connections for 60 users (no pool timeouts)', () => {
    const r = runWebStack(s, { seed: 3 });
    expect(r.errors.rate).toBe(0);
    expect(r.throughput_rps).toBeGreaterThan(0);
    // 60 users, no think time, each request holds one connection: at most 60 (≤ 80 the pools allow) at once.
    expect(r.database!.peak_connections).toBe(60);
  });

  it('the export writes pool_size=0 and counts 80 connections, as lint does', () => {
    const files = exportScenario(s, { target: 'bare' }).files;
    const sqlalchemy = Object.entries(files).find(([name]) => /sqlalchemy/.test(name))![1];
    expect(sqlalchemy).toMatch(/pool_size=0,/);
    expect(sqlalchemy).toMatch(/\b80\b/);
    expect(sqlalchemy).not.toMatch(/= 0 for the app tier/);
  });
});

describe('PgBouncer reserve_pool_size is per pool', () => {
  const s = scenario({
    app: { server: 'gunicorn', worker_class: 'gevent', worker_connections: 200, instances: [{ host: 'h' }], workers: 1, db_access: 'sqlalchemy', sqlalchemy: { pool_size: 200, max_overflow: 0 } },
    pgbouncer: { host: 'h', pool_mode: 'transaction', pools: 3, default_pool_size: 10, reserve_pool_size: 5, max_client_conn: 1000 },
    database: { engine: 'postgresql', host: 'h', max_connections: 500, working_set: '1GB' },
    workload: { load: { type: 'closed', users: 150, think_ms: { dist: 'deterministic', mean: 0 } }, classes: [query] },
    run: { duration_s: 10 },
  });

  it('3 pools × (10 + 5) = 45 server connections, in derived, the preview and the simulator', () => {
    expect(pgbouncerServerConnections(s.pgbouncer!)).toBe(45);
    expect(buildPreviewNetwork(s).caps.find((c) => c.key === 'pgbouncer.server_conns')?.servers).toBe(45);
    // 150 clients queue for the server pool: the database sees exactly the 45 server connections, never more.
    expect(runWebStack(s, { seed: 5 }).database!.peak_connections).toBe(45);
  });
});
