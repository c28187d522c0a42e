// Builds every component of a web-stack scenario on one simulator: hosts, nginx, the app tier with its GILs
// and pools, PgBouncer, the database, Redis, Celery; and the per-class demand tables the flow reads on its hot
// path (typed arrays indexed by class). Called once per run.

import { compileDistribution, type Sampler } from '../../kernel/distributions';
import type { Simulator } from '../../kernel/simulator';
import type { WebStackScenario } from '../schema';
import { AppTier } from './app-instance';
import type { Attempts } from './attempts';
import { Celery } from './celery';
import { Database } from './database';
import { DjangoConnections } from './django-connections';
import { DriverPools } from './driver-pool';
import { R_CELERY, R_CPU, R_DISK, R_GIL, R_NIC, R_PGB, R_POOL, R_REDIS_CONN, R_REDIS_SHARD, R_TICKET, type KindClient } from './dispatch';
import { Gils } from './gil';
import { Host } from './host';
import { dbConnectionsPerProcess } from '../derived/db-connections';
import { hostMemory, IDLE_PEAKS } from '../derived/host-memory';
import { Nginx } from './nginx';
import { PgBouncer } from './pgbouncer';
import { Redis } from './redis';

export interface ClassTables {
  appCpu: (Sampler | undefined)[];
  ioWait: (Sampler | undefined)[];
  dbQuery: (Sampler | undefined)[];
  taskCpu: (Sampler | undefined)[];
  isStatic: Uint8Array;
  readOnly: Uint8Array;
  cdnHit: Float64Array;
  redisCmds: Float64Array;
  cacheableQ: Float64Array;
  directQ: Float64Array;
  cacheHit: Float64Array;
  missPages: Float64Array; // per class × node: pages × (1 − hit), flattened [cls * nodes + node]
  responseBytes: Float64Array;
  tasks: Float64Array;
}

export interface StackParts {
  hosts: Host[];
  nginx?: Nginx;
  app: AppTier;
  gils: Gils;
  pools?: DriverPools; // SQLAlchemy QueuePool or MongoDB driver pool, per process
  django?: DjangoConnections; // persistent Django connections (CONN_MAX_AGE > 0 or None)
  pgb?: PgBouncer;
  db?: Database;
  redis?: Redis;
  celery?: Celery;
  tables: ClassTables;
  /** Round trips, ms: per instance to redis, per instance × db node (via PgBouncer when present). */
  rttRedis: Float64Array;
  rttDb: Float64Array;
  /** Per instance: nginx ↔ app round trip added to a proxied response. */
  rttUpstream: Float64Array;
}

export function buildParts(s: WebStackScenario, sim: Simulator, at: Attempts, k: KindClient[]): StackParts {
  const hosts = s.hosts.map((h, i) => new Host(sim, i, h, k[R_CPU], k[R_DISK], k[R_NIC]));
  const hostOf = (name: string) => hosts.find((h) => h.spec.name === name)!;
  const staticMem = hostMemory(s, IDLE_PEAKS);
  const nginx = s.nginx ? new Nginx(s.nginx, s, hostOf(s.nginx.host)) : undefined;
  const app = new AppTier(sim, s.app, hostOf, at);
  const P = app.processes;
  const gils = new Gils(sim, P, k[R_GIL]);
  const a = s.app;
  let pools: DriverPools | undefined;
  if (a.db_access === 'sqlalchemy' && a.sqlalchemy) {
    const q = a.sqlalchemy;
    // pool_size 0 is SQLAlchemy's "no size limit": as many connections as requests, all kept.
    pools = new DriverPools(sim, P, k[R_POOL], dbConnectionsPerProcess(a)!.perProcess, q.pool_timeout * 1000, q.pool_size === 0 ? Infinity : q.pool_size);
  } else if (a.db_access === 'mongodb' && a.mongodb) {
    const m = a.mongodb;
    pools = new DriverPools(sim, P, k[R_POOL], m.maxPoolSize, m.waitQueueTimeoutMS > 0 ? m.waitQueueTimeoutMS : Infinity, Infinity);
  }
  const dj = a.db_access === 'django' && a.django && a.django.conn_max_age !== 0 ? new DjangoConnections(P, true) : undefined;
  const pgb = s.pgbouncer ? new PgBouncer(sim, s.pgbouncer, hostOf(s.pgbouncer.host), k[R_PGB]) : undefined;
  // The OS page cache is what the process baselines leave (per-connection memory is not known before the run).
  const db = s.database ? new Database(sim, s.database, hosts, (h) => staticMem[h.spec.name].committed_mb, k[R_TICKET]) : undefined;
  const redis = s.redis ? new Redis(sim, s.redis, hostOf(s.redis.host), P, a.redis_max_connections, k[R_REDIS_SHARD], k[R_REDIS_CONN]) : undefined;
  const celery = s.celery ? new Celery(sim, s.celery, hostOf(s.celery.host), k[R_CELERY]) : undefined;

  const net = s.network;
  const rtt = (x: string, y: string) => (x === y ? net.same_host_rtt_ms : net.cross_host_rtt_ms);
  const instHosts = a.instances.map((i) => i.host);
  const nodes = db ? db.nodes.map((n) => n.host.spec.name) : [];
  const rttRedis = Float64Array.from(instHosts, (h) => (s.redis ? rtt(h, s.redis.host) : 0));
  const rttDb = new Float64Array(instHosts.length * Math.max(1, nodes.length));
  instHosts.forEach((h, i) =>
    nodes.forEach((n, j) => (rttDb[i * nodes.length + j] = s.pgbouncer ? rtt(h, s.pgbouncer.host) + rtt(s.pgbouncer.host, n) : rtt(h, n))),
  );
  const rttUpstream = Float64Array.from(instHosts, (h) => (s.nginx ? rtt(s.nginx.host, h) : 0));

  const cls = s.workload.classes;
  const opt = (d: Parameters<typeof compileDistribution>[0] | undefined) => (d ? compileDistribution(d) : undefined);
  const memFactor = redis ? redis.memoryFactor : 1;
  const nNodes = Math.max(1, nodes.length);
  const missPages = new Float64Array(cls.length * nNodes);
  cls.forEach((c, i) => db?.nodes.forEach((n, j) => (missPages[i * nNodes + j] = c.db_pages_per_query * (1 - n.hitRatio))));
  const tables: ClassTables = {
    appCpu: cls.map((c) => opt(c.app_cpu_ms)),
    ioWait: cls.map((c) => opt(c.io_wait_ms)),
    dbQuery: cls.map((c) => opt(c.db_query_ms)),
    taskCpu: cls.map((c) => opt(c.task_cpu_ms)),
    isStatic: Uint8Array.from(cls, (c) => (c.static ? 1 : 0)),
    readOnly: Uint8Array.from(cls, (c) => (c.read_only ? 1 : 0)),
    cdnHit: Float64Array.from(cls, (c) => (s.cdn && s.cdn.classes.includes(c.name) ? s.cdn.hit_ratio : 0)),
    redisCmds: Float64Array.from(cls, (c) => (s.redis ? c.redis_commands : 0)),
    cacheableQ: Float64Array.from(cls, (c) => (s.redis ? c.db_queries * c.cacheable_share : 0)),
    directQ: Float64Array.from(cls, (c) => (s.redis ? c.db_queries * (1 - c.cacheable_share) : c.db_queries)),
    cacheHit: Float64Array.from(cls, (c) => c.cache_hit_ratio * memFactor),
    missPages,
    responseBytes: Float64Array.from(cls, (c) => c.response_kb * 1024),
    tasks: Float64Array.from(cls, (c) => (s.celery ? c.celery_tasks : 0)),
  };
  return { hosts, nginx, app, gils, pools, django: dj, pgb, db, redis, celery, tables, rttRedis, rttDb, rttUpstream };
}
