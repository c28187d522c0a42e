// PgBouncer opens up to default_pool_size (+ reserve_pool_size under pressure) server connections for each
// user/database pair. Σ pools × (default_pool_size + reserve_pool_size) must fit in the database's
// max_connections − superuser_reserved_connections, or PgBouncer's own connects fail ("sorry, too many
// clients already") and its clients wait until query_wait_timeout. The PgBouncer docs give no formula for it.

import { pgbouncerServerConnections, usableConnections } from '../derived/server-connections';
import { n, type LintFinding } from './finding';
import type { WebStackScenario } from '../schema/web-stack-schema';

export function checkPgbouncerServerPool(s: WebStackScenario): LintFinding[] {
  const pgb = s.pgbouncer;
  const db = s.database;
  if (!pgb || !db || db.engine !== 'postgresql') return [];
  const server = pgbouncerServerConnections(pgb);
  const usable = usableConnections(db);
  if (server <= usable) return [];
  const maxDefault = Math.floor(usable / pgb.pools) - pgb.reserve_pool_size;
  const shrink =
    maxDefault >= 1
      ? `set default_pool_size ≤ ${maxDefault} (${pgb.pools} × (${maxDefault} + ${pgb.reserve_pool_size}) = ${n(pgb.pools * (maxDefault + pgb.reserve_pool_size))} ≤ ${n(usable)})`
      : `lower reserve_pool_size and default_pool_size so that ${pgb.pools} × (default_pool_size + reserve_pool_size) ≤ ${n(usable)}`;
  return [
    {
      id: 'pgbouncer-pools-exceed-max-connections',
      severity: 'error',
      path: 'pgbouncer.default_pool_size',
      message: `${pgb.pools} pool${pgb.pools === 1 ? '' : 's'} × (${pgb.default_pool_size} default_pool_size + ${pgb.reserve_pool_size} reserve_pool_size) = ${n(server)} server connections > ${n(usable)} (max_connections ${db.max_connections} − ${db.superuser_reserved_connections} superuser_reserved_connections).`,
      numbers: {
        pools: pgb.pools,
        default_pool_size: pgb.default_pool_size,
        reserve_pool_size: pgb.reserve_pool_size,
        server_connections: server,
        max_connections: db.max_connections,
        superuser_reserved_connections: db.superuser_reserved_connections,
        limit: usable,
      },
      fix: `${shrink}, or raise max_connections to ${n(server + db.superuser_reserved_connections)}.`,
    },
  ];
}
