// The run limits of a web-stack scenario: the memory its components, users and requests in flight take and the
// events per simulated second its load costs (measured per step of the request flow), for run/run-limits.ts.

import { BYTES, CLOSED_USER_BYTES, GROWTH_PEAK, MAX_ENTITIES, REQUEST_IN_FLIGHT_BYTES, checkpointsFor, grownCapacity } from '../../kernel/memory-costs';
import { checkpointGrowth, int, meanOf, MIB, MIN_IN_FLIGHT_ROOM, neededSeconds, refuseOverLimits, type LoadOverride, type MemoryPart, type RunEstimate } from '../../run/run-limits';
import { slotsPerWorker } from '../derived/app-slots';
import { nginxConnectionCap } from '../derived/nginx-workers';
import type { WebStackScenario } from '../schema/web-stack-schema';
import { effectiveLoad, type EffectiveLoad } from './load';
import { errorCauses } from './web-stack-result';

/** Time-average levels of a web-stack model (see each component's levels()). */
function webLevels(s: WebStackScenario, processes: number): { perProcess: number; other: number } {
  const pools = s.app.db_access === 'sqlalchemy' || s.app.db_access === 'mongodb';
  const perProcess = 2 + (pools ? 2 : 0) + (s.redis ? 2 : 0);
  const nodes = s.database ? 1 + s.database.replicas.length : 0;
  const other = 1 + 6 * s.hosts.length + (s.nginx ? 1 : 0) + 3 * s.app.instances.length + (s.pgbouncer ? 3 : 0)
    + (s.database ? 1 + (s.database.engine === 'mongodb' ? 2 * nodes : 0) : 0) + (s.redis ? 2 * s.redis.shards : 0) + (s.celery ? 2 : 0);
  return { perProcess: perProcess * processes, other };
}

/** Requests the web stack can hold at once whatever the load (nginx's connections, else the app's slots and backlogs). */
function admissionCap(s: WebStackScenario): number {
  if (s.nginx) return nginxConnectionCap(s);
  const a = s.app;
  const slots = slotsPerWorker(a);
  return a.instances.length * (a.workers * slots + (a.worker_class === 'uvicorn' ? 0 : a.backlog));
}

/** Events one request costs, from the measured flow: 4 to pass the app, +1 nginx, +1 I/O wait, 2 per query, command or task. */
function webEventsPerRequest(s: WebStackScenario): number {
  let sum = 0;
  for (const c of s.workload.classes) {
    const cacheable = s.redis ? c.db_queries * c.cacheable_share : 0;
    const direct = c.db_queries - cacheable;
    const perClass = c.static ? 3 + (s.nginx ? 1 : 0)
      : 4 + (s.nginx ? 1 : 0) + (c.io_wait_ms ? 1 : 0) + 2 * direct + 2 * c.redis_commands + cacheable * (2 + 4 * (1 - c.cache_hit_ratio)) + 4 * c.celery_tasks;
    sum += c.share * perClass;
  }
  return sum;
}

/** Least time one request takes with no queueing, ms: its mean demands and round trips (the MVA asymptote D). */
function webMinResponseMs(s: WebStackScenario): number {
  const net = s.network;
  const rtt = net.same_host_rtt_ms;
  let sum = 0;
  for (const c of s.workload.classes) {
    const own = c.static ? 0 : meanOf(c.app_cpu_ms) + meanOf(c.io_wait_ms) + c.db_queries * (meanOf(c.db_query_ms) + rtt)
      + c.redis_commands * ((s.redis?.command_ms ?? 0) + rtt);
    sum += c.share * own;
  }
  return sum + net.client_rtt_ms;
}

/** Highest request rate the app tier can complete: its cores (and GILs) over the mean Python CPU per request. */
function appThroughputBound(s: WebStackScenario): number {
  const cpuMs = s.workload.classes.reduce((acc, c) => acc + c.share * (c.static ? 0 : meanOf(c.app_cpu_ms)), 0);
  if (!(cpuMs > 0)) return Infinity;
  const hosts = new Map(s.hosts.map((h) => [h.name, h]));
  const perInstance = s.app.instances.map((i) => {
    const h = hosts.get(i.host)!;
    return Math.min(s.app.workers, h.vcpus * h.cpu_speed);
  });
  return (perInstance.reduce((a, b) => a + b, 0) * 1000) / cpuMs;
}

function loadText(load: EffectiveLoad): string {
  return load.type === 'closed' ? `${int(load.users!)} users` : `${load.rate_per_s!.toLocaleString('en-US', { maximumFractionDigits: 3 })} requests/s`;
}

function webLoadPath(s: WebStackScenario, load: EffectiveLoad): string {
  if (load.type === 'open') return s.workload.load.type === 'open' ? 'workload.load.rate_per_s' : 'workload.load';
  return s.workload.load.type === 'daily' ? 'workload.load.daily_active_users' : 'workload.load.users';
}

export function estimateWebStack(s: WebStackScenario, overrides: LoadOverride): RunEstimate {
  const load = effectiveLoad(s, overrides);
  const budget = s.run.max_memory_mb * MIB;
  const P = s.app.instances.length * s.app.workers;
  const observations = s.run.max_events / 2;
  const growth = checkpointGrowth(observations);
  const levels = webLevels(s, P);
  const semaphores = (s.app.db_access === 'sqlalchemy' || s.app.db_access === 'mongodb' ? 1 : 0) + (s.redis ? 1 : 0);
  const classes = s.workload.classes.length;
  const counters = 12 + errorCauses.length + 2 * classes;
  const checkpoints = checkpointsFor(observations);
  const users = load.type === 'closed' ? load.users! : 0;
  const clients = load.type === 'closed' ? users : load.clients ?? 1;
  const perClientZones = s.nginx ? s.nginx.limit_req.filter((l) => l.key === 'per_client').length : 0;
  const retries = s.workload.retries?.max_retries ?? 0;
  const inFlightBound = Math.min(admissionCap(s), load.type === 'closed' ? users * (1 + retries) : Infinity);
  const room = Math.min(inFlightBound, MIN_IN_FLIGHT_ROOM);
  const loadPath = webLoadPath(s, load);
  const parts: MemoryPart[] = [
    { what: `${int(P)} worker processes`, path: 'app.workers', bytes: P * (BYTES.process + semaphores * BYTES.processSemaphore) + levels.perProcess * growth },
    { what: `${int(s.app.instances.length)} app instances`, path: 'app.instances', bytes: s.app.instances.length * BYTES.instance },
    { what: `${int(s.hosts.length + (s.database?.replicas.length ?? 0))} hosts and database nodes`, path: 'hosts', bytes: (s.hosts.length + (s.database ? 1 + s.database.replicas.length : 0)) * BYTES.host + levels.other * growth },
    { what: `${int(classes)} request classes (latency histograms)`, path: 'workload.classes', bytes: (1 + classes) * BYTES.analyzer + checkpoints * (counters * 8 + 64) },
  ];
  if (s.redis) parts.push({ what: `${int(s.redis.shards)} Redis shards`, path: 'redis.shards', bytes: s.redis.shards * BYTES.shard });
  if (perClientZones > 0) parts.push({ what: `limit_req buckets for ${int(clients)} clients`, path: 'nginx.limit_req', bytes: perClientZones * clients * BYTES.tokenBucket });
  if (users > 0) {
    parts.push({
      what: loadText(load),
      path: loadPath,
      bytes: users * BYTES.userRequest * GROWTH_PEAK + grownCapacity(users + room, 1024) * BYTES.event * GROWTH_PEAK,
    });
  }
  parts.push({ what: `room for ${int(room)} requests in flight`, path: loadPath, bytes: room * REQUEST_IN_FLIGHT_BYTES * GROWTH_PEAK });
  const memory = parts.reduce((a, p) => a + p.bytes, 0);

  // Closed users send at most N / (Z + D) requests per second (think time Z, least response time D).
  const cycleS = (meanOf(thinkOf(s)) + webMinResponseMs(s)) / 1000;
  const offered = load.type === 'open' ? load.rate_per_s! : cycleS > 0 ? users / cycleS : 0;
  const served = Math.min(offered, appThroughputBound(s));
  const perRequest = webEventsPerRequest(s);
  // Requests over capacity are refused at the door (about 3 events each) rather than served.
  const eventsPerS = served * perRequest + (offered - served) * 3;
  const needed = neededSeconds(load.type === 'closed' ? meanOf(thinkOf(s)) : 0, s.run.duration_s);
  const left = Math.max(0, budget - (memory - room * REQUEST_IN_FLIGHT_BYTES * GROWTH_PEAK));
  const entities = Math.min(MAX_ENTITIES, Math.floor(left / (REQUEST_IN_FLIGHT_BYTES * GROWTH_PEAK)));
  return {
    budget_bytes: budget, memory_bytes: memory, parts, peak_entities: users + room, events_per_s: eventsPerS, events_per_request: perRequest,
    covered_s: eventsPerS > 0 ? s.run.max_events / eventsPerS : Infinity, needed_s: needed, load_path: loadPath, load_text: loadText(load),
    caps: { entities, events: Math.min(MAX_ENTITIES, users + 5 * entities + 64) },
  };
}

function thinkOf(s: WebStackScenario) {
  const l = s.workload.load;
  return l.type === 'open' ? undefined : l.think_ms;
}


/** The estimate of a web-stack run that fits its limits, or the refusal naming the field. */
export function checkWebStackLimits(s: WebStackScenario, overrides: LoadOverride = {}): RunEstimate {
  return refuseOverLimits(estimateWebStack(s, overrides), s.run);
}
