// In session pool mode PgBouncer pins a server connection to each client for as long as the client stays
// connected; pooled app connections (SQLAlchemy pools, Django persistent connections) stay connected for good.
// So only pools × (default_pool_size + reserve_pool_size) app connections can work at once and the rest wait
// query_wait_timeout for a server connection that is never released. Transaction mode releases it per transaction.

import { pgbouncerServerConnections } from '../derived/server-connections';
import { appDbConnections } from '../derived/db-connections';
import { n, type LintFinding } from './finding';
import type { WebStackScenario } from '../schema/web-stack-schema';

export function checkPgbouncerSessionMode(s: WebStackScenario): LintFinding[] {
  const pgb = s.pgbouncer;
  if (!pgb || pgb.pool_mode !== 'session' || !s.database) return [];
  const conns = appDbConnections(s);
  if (!conns || s.app.db_access === 'mongodb') return [];
  const server = pgbouncerServerConnections(pgb);
  // With several user/database pairs the app's connections spread over them; compare totals.
  if (conns.total <= server) return [];
  return [
    {
      id: 'pgbouncer-session-mode-starves-clients',
      severity: 'warning',
      path: 'pgbouncer.pool_mode',
      message: `PgBouncer in session mode serves at most ${pgb.pools} × (${pgb.default_pool_size} + ${pgb.reserve_pool_size}) = ${n(server)} clients at once, but the app holds up to ${n(conns.total)} connections (${n(conns.perProcess)} per process): the rest wait query_wait_timeout ${n(pgb.query_wait_timeout)} s.`,
      numbers: { app_connections: conns.total, server_connections: server, query_wait_timeout_s: pgb.query_wait_timeout },
      fix: `Set pool_mode to transaction (with DISABLE_SERVER_SIDE_CURSORS for Django), or default_pool_size ≥ ${n(Math.ceil(conns.total / pgb.pools) - pgb.reserve_pool_size)} within max_connections.`,
    },
  ];
}
