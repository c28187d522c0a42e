// Numbers several files share: memory footprint of each process group, CPU share of its host, database
// connections the application opens, and the checks of those against RAM and connection limits (warnings).

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

/** Requests one worker process holds at once: sync 1, gthread threads, gevent greenlets, uvicorn --limit-concurrency. */
export function concurrencyPerWorker(app: AppServerSpec): number {
  switch (app.worker_class) {
    case 'sync': return 1;
    case 'gthread': return app.threads;
    case 'gevent': return app.worker_connections;
    default: return app.limit_concurrency ?? Infinity;
  }
}

export function nginxWorkers(ctx: ExportContext): number {
  const n = ctx.s.nginx!;
  return n.worker_processes === 'auto' ? ctx.host(n.host).vcpus : n.worker_processes;
}

/** Database connections one app worker process may open, with the formula. */
export function dbConnsPerProcess(app: AppServerSpec): { n: number; formula: string } {
  switch (app.db_access) {
    case 'sqlalchemy': {
      const p = app.sqlalchemy!;
      return { n: p.pool_size + p.max_overflow, formula: `pool_size ${p.pool_size} + max_overflow ${p.max_overflow}` };
    }
    case 'django': {
      const c = concurrencyPerWorker(app);
      return { n: c, formula: `one connection per concurrent request (${app.worker_class}: ${Number.isFinite(c) ? num(c) : 'unbounded'})` };
    }
    case 'mongodb':
      return { n: app.mongodb!.maxPoolSize, formula: `maxPoolSize ${app.mongodb!.maxPoolSize}` };
    default:
      return { n: 0, formula: 'no database access' };
  }
}

/** Database clients of the whole app tier: instances × workers × connections per process. */
export function appDbClients(ctx: ExportContext): { n: number; formula: string } {
  const app = ctx.s.app;
  const per = dbConnsPerProcess(app);
  return {
    n: app.instances.length * app.workers * per.n,
    formula: `${app.instances.length} instances × ${app.workers} workers × ${per.n} (${per.formula})`,
  };
}

export function appInstanceMemory(app: AppServerSpec): { mb: number; formula: string } {
  const c = concurrencyPerWorker(app);
  const perConn = app.worker_class === 'gevent' || app.worker_class === 'uvicorn';
  const conn = perConn && Number.isFinite(c) ? app.workers * c * app.memory_per_connection : 0;
  const mb = app.workers * app.memory_per_worker + conn;
  const f = `${app.workers} workers × ${memText(app.memory_per_worker)}` + (conn ? ` + ${app.workers} × ${num(c)} in flight × ${memText(app.memory_per_connection)}` : '');
  return { mb, formula: f };
}

/** Every process group with its host and memory (the same footprints the simulated host RAM budget uses). */
export function components(ctx: ExportContext): Component[] {
  const s = ctx.s;
  const out: Component[] = [];
  if (s.nginx) {
    const wp = nginxWorkers(ctx);
    const cache = s.nginx.proxy_cache?.keys_zone_mb ?? 0;
    const zones = limitZoneSizes(ctx).reduce((a, z) => a + z.mb, 0);
    out.push({ kind: 'nginx', name: 'nginx', host: s.nginx.host, memMb: wp * s.nginx.memory_per_worker + cache + zones,
      formula: `${wp} workers × ${memText(s.nginx.memory_per_worker)} + cache keys zone ${memText(cache)} + limit_req zones ${memText(zones)}` });
  }
  const am = appInstanceMemory(s.app);
  ctx.appInstances().forEach((i) => out.push({ kind: 'app', name: i.name, host: i.host, memMb: am.mb, formula: am.formula }));
  if (s.pgbouncer) {
    const p = s.pgbouncer;
    const conns = p.max_client_conn + p.pools * (p.default_pool_size + p.reserve_pool_size);
    out.push({ kind: 'pgbouncer', name: 'pgbouncer', host: p.host, memMb: 4 + (conns * 8) / 1024,
      formula: `4 MB + ${num(conns)} connections × 8 kB (2 × pkt_buf 4096)` });
  }
  if (s.database) {
    const d = s.database;
    if (d.engine === 'mongodb') {
      out.push({ kind: 'db', name: 'db', host: d.host, memMb: d.shared_buffers + d.max_connections * d.memory_per_connection,
        formula: `WiredTiger cache ${memText(d.shared_buffers)} + ${num(d.max_connections)} connections × ${memText(d.memory_per_connection)}` });
    } else {
      const cache = d.engine === 'mysql' ? 'innodb_buffer_pool_size' : 'shared_buffers';
      out.push({ kind: 'db', name: 'db', host: d.host,
        memMb: d.shared_buffers + d.max_connections * (d.memory_per_connection + d.work_mem) + d.maintenance_work_mem,
        formula: `${cache} ${memText(d.shared_buffers)} + max_connections ${num(d.max_connections)} × (backend ${memText(d.memory_per_connection)} + work_mem ${memText(d.work_mem)}) + maintenance_work_mem ${memText(d.maintenance_work_mem)}` });
    }
  }
  if (s.redis) {
    const r = s.redis;
    const per = r.maxmemory ?? r.cache_working_set ?? 64;
    const src = r.maxmemory !== undefined ? 'maxmemory' : r.cache_working_set !== undefined ? 'cache_working_set (no maxmemory)' : 'assumed 64 MB (no maxmemory, no cache_working_set)';
    out.push({ kind: 'redis', name: 'redis', host: r.host, memMb: r.shards * per + r.shards * 8,
      formula: `${r.shards} shard(s) × (${src} ${memText(per)} + 8 MB base)` });
  }
  if (s.celery) {
    const c = s.celery;
    out.push({ kind: 'celery', name: 'celery', host: c.host, memMb: c.workers * c.concurrency * c.memory_per_worker,
      formula: `${c.workers} workers × concurrency ${c.concurrency} × ${memText(c.memory_per_worker)}` });
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
      ctx.warn(filesOf(ctx, 'db'), `max_connections ${num(d.max_connections)} needs ${memText(db.memMb)} (${db.formula}); the memory left on ${h.name} allows ${num(fit)} connections at this work_mem — exported as simulated, lower max_connections or work_mem`);
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
    const server = p.pools * (p.default_pool_size + p.reserve_pool_size);
    const room = d.max_connections - d.superuser_reserved_connections;
    if (server > room) {
      ctx.warn([FILE.pgbouncer, ...dbFiles], `PgBouncer may open ${num(server)} server connections (${p.pools} pools × (default_pool_size ${p.default_pool_size} + reserve_pool_size ${p.reserve_pool_size})) but max_connections − superuser_reserved_connections = ${num(room)}`);
    }
  } else if (d && clients.n > d.max_connections - (d.engine === 'mongodb' ? 0 : d.superuser_reserved_connections)) {
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
