// What each process group keeps resident, MB, with its formula — one rule for the simulated RAM budget (at the
// peaks a run observed), lint's RAM check and the export's container limits (at the worst the settings allow:
// every greenlet or task alive, every connection the clients can open). Constants measured here on Debian 12
// (RSS right after start, idle): redis-server 7.0 ≈ 12 MB, pgbouncer 1.18 ≈ 4 MB.

import type { WebStackScenario } from '../schema/web-stack-schema';
import { slotsPerWorker } from './app-slots';
import { appDbConnections } from './db-connections';
import { nginxWorkerProcesses } from './nginx-workers';
import { pgbouncerServerConnections, usableConnections } from './server-connections';

export const REDIS_BASE_MB = 12;
export const PGBOUNCER_BASE_MB = 4;
/** PgBouncer keeps a packet buffer per connection in each direction: 2 × pkt_buf (4096 bytes by default). */
export const PGBOUNCER_MB_PER_CONNECTION = 8 / 1024;

export type FootprintComponent = 'nginx' | 'app' | 'pgbouncer' | 'database' | 'redis' | 'celery';

export interface Footprint {
  component: FootprintComponent;
  /** The process group: nginx, app[0] (its workers), app[0].connections (greenlets/tasks), pgbouncer, database, database.replica[0]…, redis, celery. */
  name: string;
  host: string;
  mb: number;
  formula: string;
  /** Databases: work_mem × the connections that could each sort at once (not in mb; lint and limits weigh it). */
  work_mem_worst_mb?: number;
}

/** Peaks a run observed; omitted = the worst the settings allow. */
export interface MemoryPeaks {
  /** Peak in-flight requests per app instance. */
  appInFlight: number[];
  /** Peak open connections per database node (primary first, then replicas). */
  dbConnections: number[];
  pgbouncerClients: number;
}

const n = (x: number) => (Number.isInteger(x) ? x.toLocaleString('en-US') : x.toLocaleString('en-US', { maximumFractionDigits: 3 }));
const mb = (x: number) => `${n(x)} MB`;

function nginxFootprint(s: WebStackScenario): Footprint[] {
  if (!s.nginx) return [];
  const wp = nginxWorkerProcesses(s);
  const cache = s.nginx.proxy_cache?.keys_zone_mb ?? 0;
  return [{ component: 'nginx', name: 'nginx', host: s.nginx.host, mb: wp * s.nginx.memory_per_worker + cache, formula: `${wp} worker_processes × ${mb(s.nginx.memory_per_worker)}${cache ? ` + proxy_cache keys zone ${mb(cache)}` : ''}` }];
}

function appFootprints(s: WebStackScenario, peaks?: MemoryPeaks): Footprint[] {
  const app = s.app;
  // Greenlets and asyncio tasks each keep a stack and buffers; a sync or gthread worker's are in memory_per_worker.
  const perConnection = app.worker_class === 'gevent' || app.worker_class === 'uvicorn';
  const slots = slotsPerWorker(app);
  return app.instances.flatMap((inst, i): Footprint[] => {
    const workers: Footprint = { component: 'app', name: `app[${i}]`, host: inst.host, mb: app.workers * app.memory_per_worker, formula: `${app.workers} workers × ${mb(app.memory_per_worker)}` };
    const inFlight = !perConnection ? 0 : peaks ? (peaks.appInFlight[i] ?? 0) : Number.isFinite(slots) ? app.workers * slots : 0;
    if (inFlight === 0) return [workers];
    const what = peaks ? `${n(inFlight)} in flight at the peak` : `${app.workers} workers × ${n(slots)} ${app.worker_class === 'gevent' ? 'worker_connections' : 'limit_concurrency'}`;
    return [workers, { component: 'app', name: `app[${i}].connections`, host: inst.host, mb: inFlight * app.memory_per_connection, formula: `${what} × ${mb(app.memory_per_connection)}` }];
  });
}

function pgbouncerFootprint(s: WebStackScenario, peaks?: MemoryPeaks): Footprint[] {
  const p = s.pgbouncer;
  if (!p) return [];
  const clients = peaks ? peaks.pgbouncerClients : p.max_client_conn;
  const conns = clients + pgbouncerServerConnections(p);
  return [{ component: 'pgbouncer', name: 'pgbouncer', host: p.host, mb: PGBOUNCER_BASE_MB + conns * PGBOUNCER_MB_PER_CONNECTION, formula: `${mb(PGBOUNCER_BASE_MB)} + ${n(conns)} connections (${peaks ? 'clients at the peak' : 'max_client_conn'} + server) × 2 × pkt_buf 4 kB` }];
}

/** Backends that can exist at once: the clients that reach the database, within what it accepts. */
function staticDbConnections(s: WebStackScenario): number {
  const db = s.database!;
  const limit = db.engine === 'mongodb' ? db.max_connections : usableConnections(db) + db.superuser_reserved_connections;
  const clients = s.pgbouncer ? pgbouncerServerConnections(s.pgbouncer) : (appDbConnections(s)?.total ?? 0);
  return Math.min(limit, clients);
}

function databaseFootprints(s: WebStackScenario, peaks?: MemoryPeaks): Footprint[] {
  const db = s.database;
  if (!db) return [];
  const cacheName = db.engine === 'mysql' ? 'innodb_buffer_pool_size' : db.engine === 'mongodb' ? 'WiredTiger cache' : 'shared_buffers';
  // maintenance_work_mem is taken by VACUUM and index builds, not at rest: it counts in the worst case only.
  const maintenance = db.engine === 'mongodb' || peaks ? 0 : db.maintenance_work_mem;
  return [db.host, ...db.replicas.map((r) => r.host)].map((host, k) => {
    const conns = peaks ? (peaks.dbConnections[k] ?? 0) : staticDbConnections(s);
    const connText = peaks ? `${n(conns)} connections at the peak` : `${n(conns)} connections (the clients that can reach it)`;
    return {
      component: 'database',
      name: k === 0 ? 'database' : `database.replica[${k - 1}]`,
      host,
      mb: db.shared_buffers + conns * db.memory_per_connection + maintenance,
      formula: `${cacheName} ${mb(db.shared_buffers)} + ${connText} × ${mb(db.memory_per_connection)}${maintenance ? ` + maintenance_work_mem ${mb(maintenance)}` : ''}`,
      ...(db.engine !== 'mongodb' && { work_mem_worst_mb: conns * db.work_mem }),
    };
  });
}

function redisFootprint(s: WebStackScenario): Footprint[] {
  const r = s.redis;
  if (!r) return [];
  const spread = r.cache_working_set !== undefined ? r.cache_working_set / r.shards : undefined;
  const data = r.maxmemory !== undefined ? Math.min(r.maxmemory, spread ?? r.maxmemory) : (spread ?? 0);
  const src = r.maxmemory !== undefined ? (spread !== undefined && spread < r.maxmemory ? 'cache_working_set ÷ shards (under maxmemory)' : 'maxmemory') : spread !== undefined ? 'cache_working_set ÷ shards (no maxmemory)' : 'no data given';
  return [{ component: 'redis', name: 'redis', host: r.host, mb: r.shards * (REDIS_BASE_MB + data), formula: `${r.shards} shard(s) × (${mb(REDIS_BASE_MB)} base + ${src} ${mb(data)})` }];
}

function celeryFootprint(s: WebStackScenario): Footprint[] {
  const c = s.celery;
  if (!c) return [];
  // Prefork: each of a worker's `concurrency` children is a Python process of its own.
  return [{ component: 'celery', name: 'celery', host: c.host, mb: c.workers * c.concurrency * c.memory_per_worker, formula: `${c.workers} workers × concurrency ${c.concurrency} × ${mb(c.memory_per_worker)}` }];
}

export function memoryFootprints(s: WebStackScenario, peaks?: MemoryPeaks): Footprint[] {
  return [...nginxFootprint(s), ...appFootprints(s, peaks), ...pgbouncerFootprint(s, peaks), ...databaseFootprints(s, peaks), ...redisFootprint(s), ...celeryFootprint(s)];
}
