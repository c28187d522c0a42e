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

import { slotsPerWorker } from '../derived/app-slots';
import { dbNodeHitRatios } from '../derived/buffer-hit-ratio';
import { appDbConnections } from '../derived/db-connections';
import { nginxConnectionCap } from '../derived/nginx-workers';
import { pgbouncerServerConnections, usableConnections } from '../derived/server-connections';
import type { WebStackScenario } from '../schema';
import { addClassDemands, demandFacts, type ClassTotals } from './class-demands';
import { meanOf, NetworkBuilder } from './network-builder';
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

/** The GIL of each instance: a queue of its own when a process runs several requests and the cores do not bind first. */
function placePython(b: NetworkBuilder, s: WebStackScenario, python: ClassTotals['python']): PreviewUtilTerm[] {
  const app = s.app;
  const slots = slotsPerWorker(app);
  // A process queues for its GIL only when it runs several requests at once (not sync: there the worker slot is
  // the process) and the GIL binds before the cores: fewer worker processes on the host than vCPUs.
  const workersOnHost = new Map<string, number>();
  for (const inst of app.instances) workersOnHost.set(inst.host, (workersOnHost.get(inst.host) ?? 0) + app.workers);
  const extraUtil: PreviewUtilTerm[] = [];
  app.instances.forEach((inst, i) => {
    const py1 = python[1] / b.speed(inst.host);
    const py2 = python[2] / b.speed(inst.host);
    if (slots > 1 && workersOnHost.get(inst.host)! < b.host(inst.host).vcpus) {
      const gil = b.station(`app[${i}].gil`, 'multiserver', app.workers);
      gil.demand[1] += py1;
      gil.demand[2] += py2;
      b.cpu(inst.host).shadow += py1 + py2;
    } else {
      b.cpu(inst.host).demand[1] += py1;
      b.cpu(inst.host).demand[2] += py2;
      extraUtil.push({ key: `app[${i}].gil`, work: py1 + py2, capacity: app.workers, stretchedBy: `${inst.host}.cpu` });
    }
  });
  return extraUtil;
}

export function buildPreviewNetwork(s: WebStackScenario): PreviewNetwork {
  const b = new NetworkBuilder(s);
  const dbNodes = s.database ? dbNodeHitRatios(s) : [];
  const facts = demandFacts(s, dbNodes);
  const totals: ClassTotals = { python: [0, 0, 0], celeryWork: 0, proxiedShare: 0 };
  for (const c of s.workload.classes) addClassDemands(b, s, c, facts, totals);
  const extraUtil = placePython(b, s, totals.python);
  if (s.celery) extraUtil.push({ key: 'celery.workers', work: totals.celeryWork, capacity: s.celery.workers * s.celery.concurrency });
  const d = ['delay.edge', 'delay.app', 'delay.session', 'delay.db'];
  b.delays.forEach((ms, level) => {
    if (ms > 0) b.station(d[level], 'delay', 1).demand[level] += ms;
  });
  const l = s.workload.load;
  return {
    stations: [...b.stations.values()].filter((st) => st.demand[0] + st.demand[1] + st.demand[2] + st.demand[3] + st.shadow > 0),
    caps: concurrencyCaps(s, dbNodes.length).filter((c) => c.servers > 0),
    extraUtil,
    think_ms: l.type === 'open' ? 0 : meanOf(l.think_ms),
    open: l.type === 'open',
    defaultUsers: l.type === 'closed' ? l.users : l.type === 'daily' ? dailyPeakUsers(l) : undefined,
    defaultRate: l.type === 'open' ? l.rate_per_s : undefined,
    nginxConnections: s.nginx ? { capacity: nginxConnectionCap(s), proxiedShare: totals.proxiedShare } : undefined,
    assumptions: [
      'request classes mixed by share into one average request (means only; service-time shapes ignored)',
      'Redis: one GET per cacheable query, one SET per cache miss, one broker write per Celery task',
      'worker slots and connection pools solved as flow-equivalent caps (pooled over instances, balanced round robin)',
    ],
  };
}

/**
 * Concurrency caps. Worker slots over the tier; database connections at the tightest of the client pools,
 * PgBouncer's server pool and the database's usable connections (MongoDB: its tickets too). Keys as the
 * runtime reports them (runtime/results.ts).
 */
function concurrencyCaps(s: WebStackScenario, dbNodeCount: number): PreviewCap[] {
  const app = s.app;
  const db = s.database;
  const slots = slotsPerWorker(app);
  const caps: PreviewCap[] = [];
  const perInstance = (key: string) => app.instances.slice(1).map((_, i) => key.replace('[0]', `[${i + 1}]`));
  if (Number.isFinite(slots)) caps.push({ key: 'app[0].slots', servers: app.instances.length * app.workers * slots, level: 1, alias: perInstance('app[0].slots') });
  if (!db) return caps;
  const client = appDbConnections(s);
  // SQLAlchemy (session) and MongoDB driver checkouts: from the first query to the end of the request.
  if (client && app.db_access !== 'django' && Number.isFinite(client.total)) {
    caps.push({ key: 'app[0].pool', servers: client.total, level: 2, alias: perInstance('app[0].pool') });
  }
  if (s.pgbouncer) caps.push({ key: 'pgbouncer.server_conns', servers: pgbouncerServerConnections(s.pgbouncer), level: s.pgbouncer.pool_mode === 'session' ? 2 : 3, alias: [] });
  if (db.engine !== 'mongodb') {
    // Django keeps a persistent connection per thread/greenlet (the slot); CONN_MAX_AGE 0 from first query to end.
    const persistentDjango = app.db_access === 'django' && app.django?.conn_max_age !== 0;
    const level = s.pgbouncer ? 3 : persistentDjango ? 1 : 2;
    caps.push({ key: 'database.connections', servers: usableConnections(db), level, alias: [] });
  } else {
    caps.push({ key: 'database.tickets', servers: db.concurrent_operations * dbNodeCount, level: 3, alias: db.replicas.map((_, k) => `database.replica[${k}].tickets`) });
  }
  return caps;
}
