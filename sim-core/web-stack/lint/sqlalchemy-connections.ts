// SQLAlchemy's QueuePool is per process: every Gunicorn/Uvicorn worker may open pool_size + max_overflow
// connections, so the tier opens instances × workers × (pool_size + max_overflow) at peak. Teams size the pool
// per process and forget the multiplication (Audius PR #2054: (20 + 10) × 16 = 480 connections). Past the bound
// the database refuses connections ("too many clients") or PgBouncer refuses clients, under exactly the load
// the overflow was meant for.

import { dbConnectionsPerProcess } from '../derived/db-connections';
import { splitPool } from './stack-numbers';
import { connectionBound } from '../derived/server-connections';
import { appProcesses } from '../derived/app-slots';
import { n, type LintFinding } from './finding';
import type { WebStackScenario } from '../schema/web-stack-schema';

export function checkSqlalchemyConnections(s: WebStackScenario): LintFinding[] {
  const pool = s.app.sqlalchemy;
  if (s.app.db_access !== 'sqlalchemy' || !pool || !s.database) return [];
  const bound = connectionBound(s);
  if (!bound) return [];
  const instances = s.app.instances.length;
  const workers = s.app.workers;
  const processes = appProcesses(s);
  const unlimited = pool.pool_size === 0;
  const perProcess = dbConnectionsPerProcess(s.app)!.perProcess;
  const connections = processes * perProcess;
  if (connections <= bound.bound) return [];

  const perProcessText = unlimited ? `${n(perProcess)} (pool_size 0 = no limit, one per request slot)` : `(${pool.pool_size} pool_size + ${pool.max_overflow} max_overflow)`;
  const budget = Math.floor(bound.bound / processes);
  const split = splitPool(budget, unlimited ? 1 : pool.pool_size, unlimited ? 0 : pool.max_overflow);
  const raise =
    bound.via === 'pgbouncer'
      ? `raise PgBouncer max_client_conn to ${n(connections)}`
      : `raise max_connections to ${n(connections + s.database.superuser_reserved_connections)} (${n(connections)} + ${s.database.superuser_reserved_connections} reserved) or put PgBouncer in front`;
  const shrink =
    budget >= 1
      ? `set pool_size + max_overflow ≤ ${budget} per process (e.g. pool_size ${split.pool_size}, max_overflow ${split.max_overflow})`
      : `run at most ${n(bound.bound)} worker processes with one connection each`;
  return [
    {
      id: bound.via === 'pgbouncer' ? 'pgbouncer-client-connections-exceed-max' : 'db-connections-exceed-max',
      severity: 'error',
      path: 'app.sqlalchemy',
      message: `${instances} instance${instances === 1 ? '' : 's'} × ${workers} workers × ${perProcessText} = ${n(connections)} connections > ${bound.via === 'pgbouncer' ? bound.label : `${bound.label}`}.`,
      numbers: {
        instances,
        workers,
        pool_size: pool.pool_size,
        max_overflow: pool.max_overflow,
        connections_per_process: perProcess,
        connections,
        limit: bound.bound,
        max_pool_per_process: budget,
      },
      fix: `${shrink[0].toUpperCase()}${shrink.slice(1)}, or ${raise}.`,
    },
  ];
}
