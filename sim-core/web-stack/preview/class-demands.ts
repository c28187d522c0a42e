// What one request class puts on the preview network, per user request and by scope level, in the order the
// runtime's request takes: the CDN edge and nginx (CPU, NIC, static files), then inside the app the Python CPU
// (half before the data work, half after, when it queries), io_wait, the round trips to nginx, Redis, PgBouncer
// and the database, Redis's command threads, the database's CPU and disk reads, and Celery's CPU.

import { STATIC_PAGE_CACHE_HIT } from '../runtime/nginx';
import type { RequestClassSpec, WebStackScenario } from '../schema';
import { meanOf, type NetworkBuilder } from './network-builder';

/** What the classes leave to be placed after the loop: Python per instance by level, Celery work, the proxied share. */
export interface ClassTotals {
  python: [number, number, number];
  celeryWork: number;
  proxiedShare: number;
}

/** Per-scenario facts every class reads. */
export interface DemandFacts {
  dbNodes: { host: string; hit_ratio: number }[];
  /** maxmemory's share of the cache working set: what is left of each class's cache hit ratio. */
  redisFactor: number;
  /** Django with CONN_MAX_AGE 0 and no PgBouncer opens a connection for every request that queries. */
  connectPerRequest: boolean;
}

export function demandFacts(s: WebStackScenario, dbNodes: DemandFacts['dbNodes']): DemandFacts {
  const redis = s.redis;
  const redisFactor = redis && redis.maxmemory !== undefined && redis.cache_working_set !== undefined && redis.cache_working_set > 0
    ? Math.min(1, (redis.maxmemory * redis.shards) / redis.cache_working_set)
    : 1;
  return { dbNodes, redisFactor, connectPerRequest: s.app.db_access === 'django' && s.app.django?.conn_max_age === 0 && !s.pgbouncer };
}

/** The CDN and nginx part of class c; returns the share of all requests that reaches the app. */
function edgeDemands(b: NetworkBuilder, s: WebStackScenario, c: RequestClassSpec): number {
  const p = c.share;
  const edgeHit = s.cdn && s.cdn.classes.includes(c.name) ? s.cdn.hit_ratio : 0;
  if (s.cdn && edgeHit > 0) b.delays[0] += p * edgeHit * s.cdn.edge_ms;
  const o = p * (1 - edgeHit); // reaches the origin
  if (o === 0) return 0;
  b.delays[0] += o * s.network.client_rtt_ms;
  const front = s.nginx?.host;
  if (s.nginx && front) {
    b.cpu(front).demand[0] += (o * (s.nginx.cpu_ms_per_request + (s.nginx.gzip ? s.nginx.gzip_cpu_ms_per_kb * c.response_kb : 0))) / b.speed(front);
    b.nic(front).demand[0] += (o * c.response_kb * 1024) / b.bytesPerMs(front);
  }
  if (c.static) {
    if (s.nginx && front) {
      const d = b.disk(front);
      d.st.demand[0] += o * (1 - STATIC_PAGE_CACHE_HIT) * d.service;
    }
    return 0;
  }
  const pc = s.nginx?.proxy_cache && s.nginx.proxy_cache.classes.includes(c.name) ? s.nginx.proxy_cache.hit_ratio : 0;
  return o * (1 - pc);
}

/** Round trips of a request share `a` from each app instance: to nginx (or the NIC without it), Redis, the database. */
function hopDemands(b: NetworkBuilder, s: WebStackScenario, c: RequestClassSpec, a: number, commands: number, queries: number, f: DemandFacts): void {
  const front = s.nginx?.host;
  const db = s.database;
  const instances = s.app.instances.length;
  for (const inst of s.app.instances) {
    const w = a / instances;
    if (s.nginx && front) b.delays[0] += w * b.rtt(front, inst.host);
    else b.nic(inst.host).demand[0] += (w * c.response_kb * 1024) / b.bytesPerMs(inst.host);
    if (s.redis && commands > 0) b.delays[1] += w * commands * b.rtt(inst.host, s.redis.host);
    if (db && queries > 0) {
      const hop = s.pgbouncer ? b.rtt(inst.host, s.pgbouncer.host) + b.rtt(s.pgbouncer.host, db.host) : b.rtt(inst.host, db.host);
      b.delays[3] += w * queries * hop;
      if (f.connectPerRequest) {
        const opens = Math.min(1, queries);
        b.cpu(db.host).demand[3] += (w * opens * db.connect_ms) / b.speed(db.host);
        b.delays[3] += w * opens * 2 * b.rtt(inst.host, db.host);
      }
    }
  }
}

/** The database's CPU and disk for the share `a`'s queries, read-only ones spread over primary and replicas. */
function databaseDemands(b: NetworkBuilder, c: RequestClassSpec, a: number, queries: number, f: DemandFacts): void {
  const queryMs = meanOf(c.db_query_ms);
  const readers = c.read_only ? f.dbNodes.length : 1;
  for (let k = 0; k < readers; k++) {
    const node = f.dbNodes[k];
    const q = (a * queries) / readers;
    b.cpu(node.host).demand[3] += (q * queryMs) / b.speed(node.host);
    const d = b.disk(node.host);
    d.st.demand[3] += q * c.db_pages_per_query * (1 - node.hit_ratio) * d.service;
  }
}

export function addClassDemands(b: NetworkBuilder, s: WebStackScenario, c: RequestClassSpec, f: DemandFacts, t: ClassTotals): void {
  if (c.share === 0) return;
  const a = edgeDemands(b, s, c);
  if (a === 0) return;
  t.proxiedShare += a;
  const instances = s.app.instances.length;
  const py = meanOf(c.app_cpu_ms);
  const hit = c.cache_hit_ratio * f.redisFactor;
  const cacheable = c.db_queries * c.cacheable_share;
  const queries = c.db_queries * (1 - c.cacheable_share * hit);
  // GET per cacheable query, SET per cache miss, the class's own commands, one broker write per Celery task.
  const commands = s.redis ? c.redis_commands + cacheable + cacheable * (1 - hit) + (s.celery ? c.celery_tasks : 0) : 0;
  // The runtime runs half the Python before the data work and half after it.
  if (queries > 0 && s.database) {
    t.python[1] += (a * py) / 2 / instances;
    t.python[2] += (a * py) / 2 / instances;
  } else t.python[1] += (a * py) / instances;
  b.delays[1] += a * meanOf(c.io_wait_ms);
  hopDemands(b, s, c, a, commands, queries, f);
  if (s.redis && commands > 0) {
    // The command thread is its own FCFS server (the runtime does not charge it to the host's cores).
    for (let k = 0; k < s.redis.shards; k++) b.station(`redis[${k}]`, 'queue', 1).demand[1] += (a * commands * s.redis.command_ms) / s.redis.shards;
  }
  if (s.database && queries > 0) databaseDemands(b, c, a, queries, f);
  if (s.celery && c.celery_tasks > 0) {
    const work = (a * c.celery_tasks * meanOf(c.task_cpu_ms)) / b.speed(s.celery.host);
    b.cpu(s.celery.host).shadow += work;
    t.celeryWork += work;
  }
}
