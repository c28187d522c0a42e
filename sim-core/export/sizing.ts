// Numbers several files share: memory footprint of each process group, CPU share of its host, database
// connections the application opens, and the checks of those against RAM and connection limits (warnings).

import { slotsPerWorker } from '../web-stack/derived/app-slots';
import { appDbConnections, dbConnectionsPerProcess } from '../web-stack/derived/db-connections';
import { memoryFootprints } from '../web-stack/derived/memory-footprints';
import { nginxWorkerProcesses } from '../web-stack/derived/nginx-workers';
import { pgbouncerServerConnections, pgbouncerServerFormula, usableConnections, usableConnectionsFormula } from '../web-stack/derived/server-connections';
import type { AppServerSpec } from '../web-stack/schema/app-server';
import type { ExportContext } from './context';
import { FILE, memText, num } from './format';

export type ComponentKind = 'nginx' | 'app' | 'pgbouncer' | 'db' | 'redis' | 'celery';

export interface Component {
  kind: ComponentKind;
  /** Service name: nginx, app1…, pgbouncer, db, redis, celery. */
  name: string;
  host: string;
  memMb: number;
  formula: string;
}

/** Requests one worker process holds at once (derived/app-slots.ts). */
export const concurrencyPerWorker = slotsPerWorker;

export function nginxWorkers(ctx: ExportContext): number {
  return nginxWorkerProcesses(ctx.s);
}

/** Database connections one app worker process may open, with the formula (derived/db-connections.ts). */
export function dbConnsPerProcess(app: AppServerSpec): { n: number; formula: string } {
  const c = dbConnectionsPerProcess(app);
  return c ? { n: c.perProcess, formula: c.formula } : { n: 0, formula: 'no database access' };
}

/** Database clients of the whole app tier: instances × workers × connections per process. */
export function appDbClients(ctx: ExportContext): { n: number; formula: string } {
  const c = appDbConnections(ctx.s);
  return c ? { n: c.total, formula: c.totalFormula } : { n: 0, formula: 'no database access' };
}

/** One app instance's footprint at full concurrency (derived/memory-footprints.ts). */
export function appInstanceMemory(ctx: ExportContext): { mb: number; formula: string } {
  const of = memoryFootprints(ctx.s).filter((f) => f.name === 'app[0]' || f.name === 'app[0].connections');
  return { mb: of.reduce((a, f) => a + f.mb, 0), formula: of.map((f) => f.formula).join(' + ') };
}

/** Every process group with its host and memory: the footprints lint and the simulated RAM budget use, at the
 *  worst the settings allow (databases with work_mem for every connection, nginx with its limit_req zones). */
export function components(ctx: ExportContext): Component[] {
  const fps = memoryFootprints(ctx.s);
  const out: Component[] = [];
  const zones = limitZoneSizes(ctx).reduce((a, z) => a + z.mb, 0);
  for (const f of fps.filter((x) => x.component === 'nginx')) {
    out.push({ kind: 'nginx', name: 'nginx', host: f.host, memMb: f.mb + zones, formula: `${f.formula}${zones ? ` + limit_req zones ${memText(zones)}` : ''}` });
  }
  const app = appInstanceMemory(ctx);
  ctx.appInstances().forEach((i) => out.push({ kind: 'app', name: i.name, host: i.host, memMb: app.mb, formula: app.formula }));
  for (const f of fps) {
    if (f.component === 'pgbouncer' || f.component === 'redis' || f.component === 'celery') out.push({ kind: f.component, name: f.component, host: f.host, memMb: f.mb, formula: f.formula });
    if (f.name === 'database') {
      const wm = f.work_mem_worst_mb ?? 0;
      out.push({ kind: 'db', name: 'db', host: f.host, memMb: f.mb + wm, formula: `${f.formula}${wm ? ` + work_mem for each of them ${memText(wm)}` : ''}` });
    }
  }
  return out;
}

/** limit_req zone sizes: 1 MB keeps about 8,000 per-client states of 128 bytes (nginx docs); clients from the workload. */
export function limitZoneSizes(ctx: ExportContext): { zone: string; mb: number; formula: string }[] {
  const load = ctx.s.workload.load;
  const clients = load.type === 'open' ? load.clients : load.type === 'closed' ? load.users : Math.ceil(load.daily_active_users / 10);
  const source = load.type === 'open' ? 'workload.load.clients' : load.type === 'closed' ? 'workload.load.users' : 'daily_active_users / 10';
  return (ctx.s.nginx?.limit_req ?? []).map((l) => {
    if (l.key === 'global') return { zone: l.zone, mb: 1, formula: 'one shared bucket: the 1 MB minimum' };
    const mb = Math.max(1, Math.ceil(clients / 8000));
    return { zone: l.zone, mb, formula: `ceil(${num(clients)} clients (${source}) / 8,000 states per MB), ≥ 1` };
  });
}

/** Container CPU: the simulation shares all the host's vCPUs between the processes on it (processor sharing). */
export function cpuShare(ctx: ExportContext, c: Component, all: Component[]): { limit: number; request: number; formula: string } {
  const h = ctx.host(c.host);
  const limit = Math.round(h.vcpus * (1 - h.background_cpu) * 100) / 100;
  const n = all.filter((x) => x.host === c.host).length;
  const request = Math.max(0.1, Math.floor((limit / n) * 10) / 10);
  return { limit, request, formula: `limit: host ${h.name} ${h.vcpus} vCPUs × (1 − background ${h.background_cpu}); request: limit / ${n} processes on the host` };
}

/** Container memory limit: footprint × 1.25 headroom, rounded up to 64 MB. */
export function memLimitMb(c: Component): number {
  return Math.ceil((c.memMb * 1.25) / 64) * 64;
}

export function filesOf(ctx: ExportContext, kind: ComponentKind): string[] {
  const s = ctx.s;
  const own: Record<ComponentKind, string[]> = {
    nginx: [FILE.nginx],
    app: [s.app.server === 'uvicorn' ? FILE.uvicorn : FILE.gunicorn],
    pgbouncer: [FILE.pgbouncer],
    db: [s.database?.engine === 'mysql' ? FILE.mysql : s.database?.engine === 'mongodb' ? FILE.mongod : FILE.postgresql],
    redis: [FILE.redis],
    celery: [],
  };
  const pack = ctx.target === 'compose' ? [FILE.compose] : ctx.target === 'k8s' ? [k8sFile(kind)] : kind === 'celery' ? [FILE.systemdCelery] : [];
  return [...own[kind], ...pack];
}

export function k8sFile(kind: ComponentKind): string {
  return `k8s/${kind === 'db' ? 'database' : kind}.yaml`;
}

/** Host RAM and connection-limit checks; run before any file is rendered so every header carries its warnings. */
export function runChecks(ctx: ExportContext): void {
  const s = ctx.s;
  const all = components(ctx);
  for (const h of s.hosts) {
    const on = all.filter((c) => c.host === h.name);
    const sum = on.reduce((a, c) => a + c.memMb, 0);
    const avail = h.ram - h.os_reserved;
    if (on.length && sum > avail) {
      const parts = on.map((c) => `${c.name} ${memText(c.memMb)}`).join(' + ');
      const files = [...new Set(on.flatMap((c) => filesOf(ctx, c.kind)))];
      ctx.warn(files, `host ${h.name}: the configs ask for ${memText(sum)} (${parts}) but ${memText(h.ram)} RAM − ${memText(h.os_reserved)} os_reserved leaves ${memText(avail)}: swap or OOM kills under peak load`);
    }
  }
  const d = s.database;
  const db = all.find((c) => c.kind === 'db');
  if (d && db && d.engine !== 'mongodb') {
    const h = ctx.host(d.host);
    const others = all.filter((c) => c.host === d.host && c !== db).reduce((a, c) => a + c.memMb, 0);
    const free = h.ram - h.os_reserved - others - d.shared_buffers - d.maintenance_work_mem;
    const fit = Math.max(0, Math.floor(free / (d.memory_per_connection + d.work_mem)));
    if (fit < d.max_connections) {
      const need = d.shared_buffers + d.max_connections * (d.memory_per_connection + d.work_mem) + d.maintenance_work_mem;
      ctx.warn(filesOf(ctx, 'db'), `max_connections ${num(d.max_connections)} would need ${memText(need)} with every connection open (shared_buffers ${memText(d.shared_buffers)} + ${num(d.max_connections)} × (${memText(d.memory_per_connection)} backend + work_mem ${memText(d.work_mem)}) + maintenance_work_mem ${memText(d.maintenance_work_mem)}); the memory left on ${h.name} allows ${num(fit)} connections at this work_mem — exported as simulated, lower max_connections or work_mem`);
    }
  }
  const clients = appDbClients(ctx);
  const appFiles = filesOf(ctx, 'app');
  const dbFiles = filesOf(ctx, 'db');
  const drvFile = s.app.db_access === 'django' ? FILE.django : s.app.db_access === 'sqlalchemy' ? FILE.sqlalchemy : FILE.pymongo;
  if (d && !Number.isFinite(clients.n)) {
    ctx.warn([...appFiles, drvFile], `database connections are unbounded: ${clients.formula}; set app.limit_concurrency`);
  } else if (d && s.pgbouncer) {
    const p = s.pgbouncer;
    if (clients.n > p.max_client_conn) {
      ctx.warn([FILE.pgbouncer, ...appFiles, drvFile], `the app tier may open ${num(clients.n)} connections (${clients.formula}) but PgBouncer max_client_conn is ${num(p.max_client_conn)}: the rest are refused`);
    }
    const server = pgbouncerServerConnections(p);
    const room = usableConnections(d);
    if (server > room) {
      ctx.warn([FILE.pgbouncer, ...dbFiles], `PgBouncer may open ${num(server)} server connections (${pgbouncerServerFormula(p)}) but ${usableConnectionsFormula(d)} = ${num(room)}`);
    }
  } else if (d && clients.n > usableConnections(d)) {
    ctx.warn([...dbFiles, ...appFiles, drvFile], `the app tier may open ${num(clients.n)} database connections (${clients.formula}) but the database accepts ${num(d.max_connections)}${d.engine === 'mongodb' ? '' : ` − ${d.superuser_reserved_connections} reserved`}`);
  }
  if (s.redis) {
    const rc = s.app.instances.length * s.app.workers * s.app.redis_max_connections;
    if (rc > s.redis.maxclients) ctx.warn([FILE.redis], `the app tier may open ${num(rc)} Redis connections (${s.app.instances.length} instances × ${s.app.workers} workers × redis_max_connections ${s.app.redis_max_connections}) but maxclients is ${num(s.redis.maxclients)}`);
    if (s.redis.maxmemory === undefined) ctx.warn([FILE.redis], 'no maxmemory in the scenario: Redis grows without limit (as simulated); set redis.maxmemory to bound it');
  }
  if (s.nginx) {
    const conc = peakClientConnections(ctx);
    const wp = nginxWorkers(ctx);
    if (conc && Math.ceil((2 * conc.n) / wp) > s.nginx.worker_connections) {
      ctx.warn([FILE.nginx], `about ${num(conc.n)} concurrent client connections (${conc.formula}) need 2 × ${num(Math.ceil(conc.n / wp))} per worker (client + upstream) but worker_connections is ${num(s.nginx.worker_connections)}`);
    }
  }
}

/** Concurrent client connections at nginx: closed users each hold one; else Little's law on the simulated result. */
export function peakClientConnections(ctx: ExportContext): { n: number; formula: string } | undefined {
  const load = ctx.s.workload.load;
  const sim = ctx.simulated;
  if (sim?.users !== undefined) return { n: sim.users, formula: `${num(sim.users)} simulated users, one keep-alive connection each` };
  if (load.type === 'closed') return { n: load.users, formula: `workload.load.users ${num(load.users)}, one keep-alive connection each` };
  if (sim) {
    const n = Math.ceil((sim.throughput_rps * sim.p95_ms) / 1000);
    return { n, formula: `Little's law: ${num(sim.throughput_rps)} req/s × p95 ${num(sim.p95_ms)} ms` };
  }
  return undefined;
}
