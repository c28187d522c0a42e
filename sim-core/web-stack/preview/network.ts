// The single-class closed queueing network the preview solves, built from a web-stack scenario. The request
// classes are mixed by share into per-station demands per user request (ms), so one "average request" stands
// for the mix. Every demand is split by the scope that holds it, as the runtime orders a request's steps
// (Python first half → io_wait → Redis → queries → Python second half → response):
//   level 0 — outside the app's worker slots (client RTT, CDN edge, nginx CPU, NIC, nginx → app RTT);
//   level 1 — inside a worker slot, before the first query (first half of Python CPU, io_wait, Redis);
//   level 2 — from the first query to the end of the request (second half of Python, for classes that query):
//             how long a SQLAlchemy/MongoDB pool checkout or a PgBouncer session-mode connection is held;
//   level 3 — the queries themselves (RTT, database CPU and disk, connection setup): PgBouncer transactions.
// Concurrency limits (worker slots, connection pools) are caps on a scope, solved as flow-equivalent servers.
// Work a resource does that the request does not wait for there ("shadow": Celery tasks, Redis's command thread
// on its host's cores, Python CPU when it is queued at the GIL instead) takes capacity away from that station.

import type { DistributionSpec } from '../../kernel/distributions';
import { compileDistribution } from '../../kernel/distributions';
import { slotsPerWorker } from '../derived/app-slots';
import { dbNodeHitRatios } from '../derived/buffer-hit-ratio';
import { appDbConnections } from '../derived/db-connections';
import { nginxConnectionCap } from '../derived/nginx-workers';
import { pgbouncerServerConnections, usableConnections } from '../derived/server-connections';
import { diskModel } from '../runtime/disk-profiles';
import { STATIC_PAGE_CACHE_HIT } from '../runtime/nginx';
import type { WebStackScenario } from '../schema';
import { dailyPeakUsers } from '../derived/daily-peak-users';

export type StationKind = 'queue' | 'multiserver' | 'delay';

export interface PreviewStation {
  /** Utilisation key, named as the runtime names it: "<host>.cpu", "<host>.disk", "app[i].gil", "redis[k]". */
  key: string;
  kind: StationKind;
  servers: number;
  /** On-path demand per user request by scope level 0..3, ms (already divided by cpu_speed). */
  demand: [number, number, number, number];
  /** Demand per user request the resource carries but the request does not wait for here, ms. */
  shadow: number;
  /** Share of the resource left after background load (host background_cpu); 1 elsewhere. */
  available: number;
}

export interface PreviewCap {
  key: string;
  /** Concurrent requests the limit admits over the whole tier. */
  servers: number;
  /** Scope the limit holds: 1 = the worker slot, 2 = first query to end of request, 3 = the queries. */
  level: 1 | 2 | 3;
  /** Further keys that show the same limit's utilisation (one per app instance). */
  alias: string[];
}

export interface PreviewUtilTerm {
  key: string;
  /** Work per user request, ms, divided by `capacity` gives the utilisation at throughput X (per ms). */
  work: number;
  capacity: number;
  /** The host CPU whose slowdown stretches the holding time (a GIL is held while its burst runs on the cores). */
  stretchedBy?: string;
}

export interface PreviewNetwork {
  stations: PreviewStation[];
  caps: PreviewCap[];
  /** Utilisations not carried by a station (the GIL when it is not a queue of its own, Celery slots). */
  extraUtil: PreviewUtilTerm[];
  think_ms: number;
  /** Requests are open (rate) in the scenario's own workload. */
  open: boolean;
  /** Default load of the scenario: users (closed, daily) or rate per second (open). */
  defaultUsers?: number;
  defaultRate?: number;
  /** nginx connection cap and whether idle keepalive clients count against it (runtime: they do not). */
  nginxConnections?: { capacity: number; proxiedShare: number };
  assumptions: string[];
}

const meanCache = new WeakMap<object, number>();
function mean(spec: DistributionSpec | undefined): number {
  if (!spec) return 0;
  let m = meanCache.get(spec);
  if (m === undefined) {
    m = compileDistribution(spec).mean;
    meanCache.set(spec, m);
  }
  return m;
}


export function buildPreviewNetwork(s: WebStackScenario): PreviewNetwork {
  const hostByName = new Map(s.hosts.map((h) => [h.name, h]));
  const stations = new Map<string, PreviewStation>();
  const assumptions: string[] = [];
  const station = (key: string, kind: StationKind, servers: number, available = 1): PreviewStation => {
    let st = stations.get(key);
    if (!st) {
      st = { key, kind, servers, demand: [0, 0, 0, 0], shadow: 0, available };
      stations.set(key, st);
    }
    return st;
  };
  const cpu = (host: string) => {
    const h = hostByName.get(host)!;
    return station(`${host}.cpu`, 'multiserver', h.vcpus, 1 - h.background_cpu);
  };
  const speed = (host: string) => hostByName.get(host)!.cpu_speed;
  const disk = (host: string) => {
    const d = diskModel(hostByName.get(host)!.disk);
    return { st: station(`${host}.disk`, 'multiserver', d.servers), service: d.service_ms };
  };
  const nic = (host: string) => station(`${host}.nic`, 'queue', 1);
  const bytesPerMs = (host: string) => (hostByName.get(host)!.nic_gbps * 1e9) / 8 / 1000;
  const delays: [number, number, number, number] = [0, 0, 0, 0];
  const net = s.network;
  const rtt = (a: string, b: string) => (a === b ? net.same_host_rtt_ms : net.cross_host_rtt_ms);

  const app = s.app;
  const instances = app.instances.length;
  const workers = app.workers;
  const slots = slotsPerWorker(app);
  // A process queues for its GIL only when it runs several requests at once (not sync: there the worker slot is
  // the process) and the GIL binds before the cores: fewer worker processes on the host than vCPUs.
  const workersOnHost = new Map<string, number>();
  for (const inst of app.instances) workersOnHost.set(inst.host, (workersOnHost.get(inst.host) ?? 0) + workers);
  const gilIsStation = app.instances.map((inst) => slots > 1 && workersOnHost.get(inst.host)! < hostByName.get(inst.host)!.vcpus);

  const db = s.database;
  const dbNodes = db ? dbNodeHitRatios(s) : [];
  const redis = s.redis;
  const redisFactor = redis && redis.maxmemory !== undefined && redis.cache_working_set !== undefined && redis.cache_working_set > 0
    ? Math.min(1, (redis.maxmemory * redis.shards) / redis.cache_working_set)
    : 1;
  const djangoConnectPerRequest = app.db_access === 'django' && app.django?.conn_max_age === 0 && !s.pgbouncer;
  const front = s.nginx?.host;

  const pythonPerInstance = [0, 0, 0]; // Python CPU ms per user request per instance by level (1, 2), reference core
  let celeryWork = 0;
  let proxiedShare = 0;
  for (const c of s.workload.classes) {
    const p = c.share;
    if (p === 0) continue;
    const edgeHit = s.cdn && s.cdn.classes.includes(c.name) ? s.cdn.hit_ratio : 0;
    if (s.cdn && edgeHit > 0) delays[0] += p * edgeHit * s.cdn.edge_ms;
    const o = p * (1 - edgeHit); // reaches the origin
    if (o === 0) continue;
    delays[0] += o * net.client_rtt_ms;
    const bytes = c.response_kb * 1024;
    if (s.nginx && front) {
      cpu(front).demand[0] += (o * (s.nginx.cpu_ms_per_request + (s.nginx.gzip ? s.nginx.gzip_cpu_ms_per_kb * c.response_kb : 0))) / speed(front);
      nic(front).demand[0] += (o * bytes) / bytesPerMs(front);
    }
    if (c.static) {
      if (s.nginx && front) {
        const d = disk(front);
        d.st.demand[0] += o * (1 - STATIC_PAGE_CACHE_HIT) * d.service;
      }
      continue;
    }
    const pc = s.nginx?.proxy_cache && s.nginx.proxy_cache.classes.includes(c.name) ? s.nginx.proxy_cache.hit_ratio : 0;
    const a = o * (1 - pc); // reaches the app
    if (a === 0) continue;
    proxiedShare += a;
    const py = mean(c.app_cpu_ms);
    const hit = c.cache_hit_ratio * redisFactor;
    const cacheable = c.db_queries * c.cacheable_share;
    const queries = c.db_queries * (1 - c.cacheable_share * hit);
    // GET per cacheable query, SET per cache miss, the class's own commands, one broker write per Celery task.
    const commands = redis ? c.redis_commands + cacheable + cacheable * (1 - hit) + (s.celery ? c.celery_tasks : 0) : 0;
    // The runtime runs half the Python before the data work and half after it.
    if (queries > 0 && db) {
      pythonPerInstance[1] += (a * py) / 2 / instances;
      pythonPerInstance[2] += (a * py) / 2 / instances;
    } else pythonPerInstance[1] += (a * py) / instances;
    delays[1] += a * mean(c.io_wait_ms);
    const queryMs = mean(c.db_query_ms);
    for (const inst of app.instances) {
      const w = a / instances;
      if (s.nginx && front) delays[0] += w * rtt(front, inst.host);
      else nic(inst.host).demand[0] += (w * bytes) / bytesPerMs(inst.host);
      if (redis && commands > 0) delays[1] += w * commands * rtt(inst.host, redis.host);
      if (db && queries > 0) {
        const hop = s.pgbouncer ? rtt(inst.host, s.pgbouncer.host) + rtt(s.pgbouncer.host, db.host) : rtt(inst.host, db.host);
        delays[3] += w * queries * hop;
        if (djangoConnectPerRequest) {
          const opens = Math.min(1, queries);
          cpu(db.host).demand[3] += (w * opens * db.connect_ms) / speed(db.host);
          delays[3] += w * opens * 2 * rtt(inst.host, db.host);
        }
      }
    }
    if (redis && commands > 0) {
      // The command thread is its own FCFS server (the runtime does not charge it to the host's cores).
      for (let k = 0; k < redis.shards; k++) station(`redis[${k}]`, 'queue', 1).demand[1] += (a * commands * redis.command_ms) / redis.shards;
    }
    if (db && queries > 0) {
      const readers = c.read_only ? dbNodes.length : 1;
      for (let k = 0; k < readers; k++) {
        const node = dbNodes[k];
        const q = (a * queries) / readers;
        cpu(node.host).demand[3] += (q * queryMs) / speed(node.host);
        const d = disk(node.host);
        d.st.demand[3] += q * c.db_pages_per_query * (1 - node.hit_ratio) * d.service;
      }
    }
    if (s.celery && c.celery_tasks > 0) {
      const work = a * c.celery_tasks * mean(c.task_cpu_ms);
      cpu(s.celery.host).shadow += work / speed(s.celery.host);
      celeryWork += work / speed(s.celery.host);
    }
  }

  const extraUtil: PreviewUtilTerm[] = [];
  app.instances.forEach((inst, i) => {
    const py1 = pythonPerInstance[1] / speed(inst.host);
    const py2 = pythonPerInstance[2] / speed(inst.host);
    if (gilIsStation[i]) {
      const gil = station(`app[${i}].gil`, 'multiserver', workers);
      gil.demand[1] += py1;
      gil.demand[2] += py2;
      cpu(inst.host).shadow += py1 + py2;
    } else {
      cpu(inst.host).demand[1] += py1;
      cpu(inst.host).demand[2] += py2;
      extraUtil.push({ key: `app[${i}].gil`, work: py1 + py2, capacity: workers, stretchedBy: `${inst.host}.cpu` });
    }
  });
  if (s.celery) extraUtil.push({ key: 'celery.workers', work: celeryWork, capacity: s.celery.workers * s.celery.concurrency });
  const d = ['delay.edge', 'delay.app', 'delay.session', 'delay.db'];
  delays.forEach((ms, level) => {
    if (ms > 0) station(d[level], 'delay', 1).demand[level] += ms;
  });

  // Concurrency caps. Worker slots over the tier; database connections at the tightest of the client pools,
  // PgBouncer's server pool and the database's usable connections (MongoDB: its tickets too).
  // Keys as the runtime reports them (runtime/results.ts).
  const caps: PreviewCap[] = [];
  const perInstance = (key: string) => app.instances.slice(1).map((_, i) => key.replace('[0]', `[${i + 1}]`));
  if (Number.isFinite(slots)) caps.push({ key: 'app[0].slots', servers: instances * workers * slots, level: 1, alias: perInstance('app[0].slots') });
  if (db) {
    const client = appDbConnections(s);
    // SQLAlchemy (session) and MongoDB driver checkouts: from the first query to the end of the request.
    if (client && app.db_access !== 'django' && Number.isFinite(client.total)) {
      caps.push({ key: 'app[0].pool', servers: client.total, level: 2, alias: perInstance('app[0].pool') });
    }
    if (s.pgbouncer) {
      const server = pgbouncerServerConnections(s.pgbouncer);
      caps.push({ key: 'pgbouncer.server_conns', servers: server, level: s.pgbouncer.pool_mode === 'session' ? 2 : 3, alias: [] });
    }
    if (db.engine !== 'mongodb') {
      // Django keeps a persistent connection per thread/greenlet (the slot); CONN_MAX_AGE 0 from first query to end.
      const persistentDjango = app.db_access === 'django' && app.django?.conn_max_age !== 0;
      const level = s.pgbouncer ? 3 : persistentDjango ? 1 : 2;
      caps.push({ key: 'database.connections', servers: usableConnections(db), level, alias: [] });
    } else {
      caps.push({ key: 'database.tickets', servers: db.concurrent_operations * dbNodes.length, level: 3, alias: db.replicas.map((_, k) => `database.replica[${k}].tickets`) });
    }
  }

  const l = s.workload.load;
  const think = l.type === 'open' ? 0 : mean(l.think_ms);
  assumptions.push(
    'request classes mixed by share into one average request (means only; service-time shapes ignored)',
    'Redis: one GET per cacheable query, one SET per cache miss, one broker write per Celery task',
    'worker slots and connection pools solved as flow-equivalent caps (pooled over instances, balanced round robin)',
  );
  return {
    stations: [...stations.values()].filter((st) => st.demand[0] + st.demand[1] + st.demand[2] + st.demand[3] + st.shadow > 0),
    caps: caps.filter((c) => c.servers > 0),
    extraUtil,
    think_ms: think,
    open: l.type === 'open',
    defaultUsers: l.type === 'closed' ? l.users : l.type === 'daily' ? dailyPeakUsers(l) : undefined,
    defaultRate: l.type === 'open' ? l.rate_per_s : undefined,
    nginxConnections: s.nginx
      ? { capacity: nginxConnectionCap(s), proxiedShare }
      : undefined,
    assumptions,
  };
}
