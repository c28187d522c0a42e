// Connections on the database side: what ordinary roles may open (PostgreSQL and MySQL keep
// superuser_reserved_connections of max_connections for superusers; MongoDB reserves none), and what
// PgBouncer opens to it — reserve_pool_size is per pool like default_pool_size ("How many additional
// connections to allow to a pool", pgbouncer.ini(5) of 1.18), so pools × (default_pool_size + reserve_pool_size).

import type { DatabaseSpec, PgbouncerSpec } from '../schema/data-tier';
import type { WebStackScenario } from '../schema/web-stack-schema';

export function usableConnections(db: DatabaseSpec): number {
  return db.engine === 'mongodb' ? db.max_connections : Math.max(0, db.max_connections - db.superuser_reserved_connections);
}

export function usableConnectionsFormula(db: DatabaseSpec): string {
  return db.engine === 'mongodb' ? `maxIncomingConnections ${db.max_connections}` : `max_connections ${db.max_connections} − ${db.superuser_reserved_connections} superuser_reserved_connections`;
}

/** Server connections PgBouncer may open: every pool's default and reserve connections. */
export function pgbouncerServerConnections(p: PgbouncerSpec): number {
  return p.pools * (p.default_pool_size + p.reserve_pool_size);
}

export function pgbouncerServerFormula(p: PgbouncerSpec): string {
  return `${p.pools} pool${p.pools === 1 ? '' : 's'} × (default_pool_size ${p.default_pool_size} + reserve_pool_size ${p.reserve_pool_size})`;
}

/** The bound the app's connections meet: PgBouncer's max_client_conn when it is there, else the database's usable connections. */
export function connectionBound(s: WebStackScenario): { bound: number; via: 'pgbouncer' | 'database'; label: string } | undefined {
  if (s.pgbouncer) return { bound: s.pgbouncer.max_client_conn, via: 'pgbouncer', label: `PgBouncer max_client_conn ${s.pgbouncer.max_client_conn}` };
  if (!s.database) return undefined;
  const db = s.database;
  return { bound: usableConnections(db), via: 'database', label: `${usableConnections(db)} (${usableConnectionsFormula(db)})` };
}
