// Shared, hand-checkable quantities the checks build on: processes, per-worker concurrency, nginx workers,
// the database's usable connections, and which hosts run what.

import type { AppServerSpec } from '../schema/app-server';
import type { DatabaseSpec } from '../schema/data-tier';
import type { HostSpec } from '../schema/hardware';
import type { WebStackScenario } from '../schema/web-stack-schema';

/** Worker processes of the whole app tier: instances × workers (every pool, driver and client lives per process). */
export function appProcesses(s: WebStackScenario): number {
  return s.app.instances.length * s.app.workers;
}

/**
 * Requests one worker process holds at once: sync 1, gthread threads, gevent worker_connections (greenlets),
 * uvicorn --limit-concurrency (Infinity when unset: uvicorn admits everything).
 */
export function slotsPerWorker(app: AppServerSpec): number {
  switch (app.worker_class) {
    case 'sync':
      return 1;
    case 'gthread':
      return app.threads;
    case 'gevent':
      return app.worker_connections;
    case 'uvicorn':
      return app.limit_concurrency ?? Infinity;
  }
}

/** How the slots per worker were derived, for messages: "1 (sync)", "8 threads", "1000 greenlets". */
export function slotsLabel(app: AppServerSpec): string {
  switch (app.worker_class) {
    case 'sync':
      return '1 (sync)';
    case 'gthread':
      return `${app.threads} threads`;
    case 'gevent':
      return `${app.worker_connections} greenlets`;
    case 'uvicorn':
      return app.limit_concurrency === undefined ? 'unbounded (no limit_concurrency)' : `limit_concurrency ${app.limit_concurrency}`;
  }
}

export function host(s: WebStackScenario, name: string): HostSpec {
  const h = s.hosts.find((x) => x.name === name);
  if (!h) throw new Error(`lint: host "${name}" not found (the schema checks references)`);
  return h;
}

/** nginx worker_processes, with "auto" resolved to the vCPUs of nginx's host as nginx does. */
export function nginxWorkerProcesses(s: WebStackScenario): number {
  if (!s.nginx) return 0;
  return s.nginx.worker_processes === 'auto' ? host(s, s.nginx.host).vcpus : s.nginx.worker_processes;
}

/** Connections ordinary roles may open: max_connections − superuser_reserved_connections. */
export function usableConnections(db: DatabaseSpec): number {
  return Math.max(0, db.max_connections - db.superuser_reserved_connections);
}

/** Instances of the app placed on each host, in the order hosts are listed. */
export function instancesPerHost(s: WebStackScenario): Map<string, number> {
  const m = new Map<string, number>();
  for (const inst of s.app.instances) m.set(inst.host, (m.get(inst.host) ?? 0) + 1);
  return m;
}

export function hostIndex(s: WebStackScenario, name: string): number {
  return s.hosts.findIndex((h) => h.name === name);
}

/** The bound client connections meet: PgBouncer's max_client_conn when it is there, else the database's. */
export function connectionBound(s: WebStackScenario): { bound: number; via: 'pgbouncer' | 'database'; label: string } | undefined {
  if (s.pgbouncer) return { bound: s.pgbouncer.max_client_conn, via: 'pgbouncer', label: `PgBouncer max_client_conn ${s.pgbouncer.max_client_conn}` };
  if (!s.database) return undefined;
  const db = s.database;
  return {
    bound: usableConnections(db),
    via: 'database',
    label: `${usableConnections(db)} (max_connections ${db.max_connections} − ${db.superuser_reserved_connections} superuser_reserved_connections)`,
  };
}

/** Split a per-process connection budget into pool_size + max_overflow, keeping the scenario's proportion. */
export function splitPool(budget: number, poolSize: number, maxOverflow: number): { pool_size: number; max_overflow: number } {
  const total = poolSize + maxOverflow;
  const pool = total === 0 ? budget : Math.min(budget, Math.max(budget > 0 ? 1 : 0, Math.round((budget * poolSize) / total)));
  return { pool_size: pool, max_overflow: budget - pool };
}

/**
 * Database client connections the app tier can hold at once, per process and in total:
 * SQLAlchemy pool_size + max_overflow (pool_size 0 = no limit: one per slot); Django one per thread or
 * greenlet; the MongoDB driver maxPoolSize. undefined when the app has no database access.
 */
export function appDbConnections(s: WebStackScenario): { perProcess: number; total: number } | undefined {
  const app = s.app;
  let perProcess: number;
  if (app.db_access === 'sqlalchemy' && app.sqlalchemy) {
    perProcess = app.sqlalchemy.pool_size === 0 ? slotsPerWorker(app) : app.sqlalchemy.pool_size + app.sqlalchemy.max_overflow;
  } else if (app.db_access === 'django') {
    perProcess = slotsPerWorker(app);
  } else if (app.db_access === 'mongodb' && app.mongodb) {
    perProcess = app.mongodb.maxPoolSize;
  } else {
    return undefined;
  }
  return { perProcess, total: appProcesses(s) * perProcess };
}
