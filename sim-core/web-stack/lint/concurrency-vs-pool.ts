// A process that admits more concurrent requests than its SQLAlchemy pool has connections (uvicorn
// limit_concurrency, gevent greenlets, gthread threads) queues the surplus on the pool: those requests hold a
// slot, wait pool_timeout and then fail with "QueuePool limit of size 5 overflow 10 reached, connection timed
// out". Capping admission at the pool size turns that into a fast 503 (or an nginx retry) instead.

import { dbConnectionsPerProcess } from '../derived/db-connections';
import { n, type LintFinding } from './finding';
import type { WebStackScenario } from '../schema/web-stack-schema';

export function checkConcurrencyVsPool(s: WebStackScenario): LintFinding[] {
  const app = s.app;
  const pool = app.sqlalchemy;
  if (app.db_access !== 'sqlalchemy' || !pool || pool.pool_size === 0) return []; // pool_size 0 = no limit
  const perProcess = dbConnectionsPerProcess(app)!.perProcess;
  const poolText = `SQLAlchemy pool of ${pool.pool_size} pool_size + ${pool.max_overflow} max_overflow = ${perProcess} connections`;
  const numbers = { pool_size: pool.pool_size, max_overflow: pool.max_overflow, pool_per_process: perProcess, pool_timeout_s: pool.pool_timeout };

  if (app.worker_class === 'uvicorn') {
    const limit = app.limit_concurrency;
    if (limit !== undefined && limit <= perProcess) return [];
    return [
      {
        id: 'concurrency-exceeds-db-pool',
        severity: 'warning',
        path: 'app.limit_concurrency',
        message:
          limit === undefined
            ? `Each uvicorn process admits unlimited requests (no limit_concurrency) but has a ${poolText}: the surplus waits pool_timeout ${n(pool.pool_timeout)} s for a connection and then fails.`
            : `Each uvicorn process admits limit_concurrency ${n(limit)} requests but has a ${poolText}: ${n(limit - perProcess)} admitted requests wait pool_timeout ${n(pool.pool_timeout)} s for a connection and then fail.`,
        numbers: { ...(limit !== undefined && { limit_concurrency: limit, waiting: limit - perProcess }), ...numbers },
        fix: `Set limit_concurrency to ${perProcess} (pool_size + max_overflow) so the surplus gets a fast 503, or raise the pool to match the concurrency within the database's connection bound.`,
      },
    ];
  }
  if (app.worker_class === 'gevent' || app.worker_class === 'gthread') {
    const slots = app.worker_class === 'gevent' ? app.worker_connections : app.threads;
    if (slots <= perProcess) return [];
    const knob = app.worker_class === 'gevent' ? 'worker_connections' : 'threads';
    return [
      {
        id: 'concurrency-exceeds-db-pool',
        severity: 'warning',
        path: `app.${knob}`,
        message: `Each ${app.worker_class} worker runs ${knob} ${n(slots)} requests at once but has a ${poolText}: ${n(slots - perProcess)} of them wait pool_timeout ${n(pool.pool_timeout)} s for a connection and then fail.`,
        numbers: { [knob]: slots, waiting: slots - perProcess, ...numbers },
        fix: `Set ${knob} to ${perProcess} (pool_size + max_overflow), or raise the pool to ${n(slots)} per process within the database's connection bound.`,
      },
    ];
  }
  return [];
}
