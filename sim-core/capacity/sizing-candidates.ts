// The deployments the sizing search tries, built from a profile scenario: the profile keeps its request classes,
// demands and stack shape (server, worker class, database engine, cache, nginx, PgBouncer, Celery); the search
// chooses the app hosts' instance type and count, workers per instance, the database host or managed plan with
// its max_connections / shared_buffers (PGTune: 25 % of RAM), pool sizes that fit under max_connections, and the
// Redis host or managed plan. Every candidate is a complete, parsed WebStackScenario.

import { pgbouncerServerConnections } from '../web-stack/derived/server-connections';
import { effectiveComputeUsd } from '../cost/resolve-hosts';
import type { ComputeEntry, PricingCatalog } from '../cost/pricing-schema';
import { hostSchema, type HostSpec, type WebStackScenario } from '../web-stack/schema';
import { appDbConnections } from '../web-stack/derived/db-connections';
import { slotsPerWorker } from '../web-stack/derived/app-slots';
import { dailyPeakUsers } from '../web-stack/derived/daily-peak-users';

/** One option for a tier: a catalog entry turned into a host. */
export interface HostOption {
  /** What it is, e.g. "s-4vcpu-8gb (4 vCPU, 8 GB)" or "managed db-s-2vcpu-4gb". */
  label: string;
  type: string;
  managed: boolean;
  vcpus: number;
  ram_gb: number;
  disk_type: 'nvme' | 'ssd' | 'hdd' | 'network';
  disk_gb?: number;
  /** Effective monthly price, for ordering options only (the candidate's cost comes from monthlyCost). */
  usd: number;
  /** Most connections the database plan accepts (managed plans), else undefined. */
  max_connections_cap?: number;
}

export interface CandidateSpec {
  app: HostOption;
  app_hosts: number;
  workers: number;
  db?: HostOption;
  redis?: HostOption;
}

export interface BuiltCandidate {
  spec: CandidateSpec;
  /** undefined when the combination cannot be configured (the reason says why). */
  scenario?: WebStackScenario;
  invalid?: string;
  /** One line: "3 × s-8vcpu-16gb, 17 sync workers each; PostgreSQL on managed db-s-4vcpu-8gb (max_connections 60); Redis on s-1vcpu-2gb". */
  description: string;
}

const diskRank = { hdd: 0, network: 1, ssd: 2, nvme: 3 } as const;

/** Managed PostgreSQL/MySQL connection limits by provider (the rule the provider documents), else undefined. */
export function managedConnectionCap(provider: string, ramGb: number): number | undefined {
  if (provider === 'digitalocean') return Math.max(1, Math.floor(25 * ramGb)); // 25 per GB of RAM (3 kept for the provider)
  if (provider === 'aws') return Math.min(5000, Math.floor((ramGb * 1024 ** 3) / 9531392)); // RDS: DBInstanceClassMemory / 9,531,392
  return undefined;
}

/** Compute entries usable as hosts: not burstable, and not dominated (another with ≥ vCPUs, ≥ RAM, ≥ disk class, ≤ price). */
export function computeOptions(catalog: PricingCatalog, withDisk: boolean): HostOption[] {
  const probe = hostSchema.parse({ name: 'probe', vcpus: 1, ram: 1024 });
  const entries = catalog.compute.filter((e) => e.cpu !== 'burstable').map((e) => ({ e, usd: effectiveComputeUsd(e, catalog, probe) }));
  const dominated = (a: { e: ComputeEntry; usd: number }) =>
    entries.some(
      (b) =>
        b !== a &&
        b.e.vcpus >= a.e.vcpus &&
        b.e.ram_gb >= a.e.ram_gb &&
        (!withDisk || diskRank[b.e.disk_type] >= diskRank[a.e.disk_type]) &&
        (b.usd < a.usd - 1e-9 || (Math.abs(b.usd - a.usd) <= 1e-9 && (b.e.vcpus > a.e.vcpus || b.e.ram_gb > a.e.ram_gb || b.e.type < a.e.type))),
    );
  return entries
    .filter((x) => !dominated(x))
    .map(({ e, usd }) => ({
      label: `${e.type} (${e.vcpus} vCPU, ${e.ram_gb} GB)`,
      type: e.type,
      managed: false,
      vcpus: e.vcpus,
      ram_gb: e.ram_gb,
      disk_type: e.disk_gb === 0 ? 'network' : e.disk_type,
      ...(e.disk_gb > 0 && { disk_gb: e.disk_gb }),
      usd,
    }))
    .sort((a, b) => a.usd - b.usd || a.type.localeCompare(b.type));
}

export function managedDatabaseOptions(catalog: PricingCatalog, engine: string): HostOption[] {
  return catalog.managed_databases
    .filter((e) => e.engine === engine)
    .map((e) => ({
      label: `managed ${e.type} (${e.vcpus} vCPU, ${e.ram_gb} GB)`,
      type: e.type,
      managed: true,
      vcpus: e.vcpus,
      ram_gb: e.ram_gb,
      disk_type: e.storage_usd_per_gb_month !== undefined ? ('network' as const) : ('ssd' as const),
      usd: e.usd_per_month,
      max_connections_cap: managedConnectionCap(catalog.provider, e.ram_gb),
    }))
    .sort((a, b) => a.usd - b.usd);
}

export function managedCacheOptions(catalog: PricingCatalog): HostOption[] {
  return catalog.managed_caches
    .filter((e) => e.engine === 'redis')
    .map((e) => ({ label: `managed ${e.type} (${e.vcpus} vCPU, ${e.ram_gb} GB)`, type: e.type, managed: true, vcpus: e.vcpus, ram_gb: e.ram_gb, disk_type: 'ssd' as const, usd: e.usd_per_month }))
    .sort((a, b) => a.usd - b.usd);
}

/** Workers per instance to try: sync/gthread 2×vCPU+1 and its neighbours vCPU+1, 3×vCPU+1; gevent/uvicorn one per vCPU. */
export function workerChoices(workerClass: WebStackScenario['app']['worker_class'], vcpus: number): number[] {
  if (workerClass === 'gevent' || workerClass === 'uvicorn') return [Math.max(1, Math.round(vcpus))];
  return [...new Set([vcpus + 1, 2 * vcpus + 1, 3 * vcpus + 1].map((w) => Math.max(1, Math.round(w))))];
}

/** RAM the OS keeps on a host: 1 GB on servers; on managed plans the provider's share, taken as min(1 GB, 25 %). */
function osReservedMb(o: HostOption): number {
  return o.managed ? Math.min(1024, Math.floor(o.ram_gb * 1024 * 0.25)) : 1024;
}

function makeHost(name: string, o: HostOption, provider: string): HostSpec {
  return hostSchema.parse({
    name,
    vcpus: o.vcpus,
    ram: Math.round(o.ram_gb * 1024),
    disk: { type: o.disk_type, ...(o.disk_gb !== undefined && { size_gb: o.disk_gb }) },
    os_reserved: osReservedMb(o),
    instance: { provider, type: o.type },
  });
}

function describe(profile: WebStackScenario, c: CandidateSpec, extra: { maxConn?: number; pool?: string }): string {
  const app = profile.app;
  const parts = [`${c.app_hosts} × ${c.app.type} (${c.app.vcpus} vCPU, ${c.app.ram_gb} GB), ${c.workers} ${app.worker_class} workers each${extra.pool ? ` (${extra.pool})` : ''}`];
  if (c.db && profile.database) parts.push(`${profile.database.engine} on ${c.db.managed ? 'managed ' : ''}${c.db.type} (${c.db.vcpus} vCPU, ${c.db.ram_gb} GB${extra.maxConn ? `, max_connections ${extra.maxConn}` : ''})`);
  if (c.redis) parts.push(`Redis on ${c.redis.managed ? 'managed ' : ''}${c.redis.type} (${c.redis.ram_gb} GB)`);
  return parts.join('; ');
}

/** worker_connections for nginx to pass every user's request (2 connections each: client and upstream). */
function nginxConnections(n: NonNullable<WebStackScenario['nginx']>, vcpus: number, workload: WebStackScenario['workload']): number {
  const l = workload.load;
  const users = l.type === 'closed' ? l.users : l.type === 'daily' ? dailyPeakUsers(l) : 0;
  const procs = n.worker_processes === 'auto' ? vcpus : n.worker_processes;
  return Math.max(n.worker_connections, Math.ceil((2 * users) / Math.max(1, procs) / 256) * 256);
}

const MB = (x: number) => Math.max(1, Math.floor(x));

/** The candidate's scenario, with the workload given (the target load) and the SLO. */
export function buildCandidate(profile: WebStackScenario, c: CandidateSpec, provider: string, workload: WebStackScenario['workload'], slo: WebStackScenario['slo'], name: string): BuiltCandidate {
  const hosts: HostSpec[] = [];
  const appHosts: string[] = [];
  for (let i = 1; i <= c.app_hosts; i++) {
    const h = makeHost(`web-${i}`, c.app, provider);
    hosts.push(h);
    appHosts.push(h.name);
  }
  const front = appHosts[0];
  const app: WebStackScenario['app'] = { ...profile.app, instances: appHosts.map((host) => ({ host })), workers: c.workers };
  const slots = slotsPerWorker(app);
  // SQLAlchemy: a process never needs more connections than it runs requests at once.
  if (app.db_access === 'sqlalchemy' && app.sqlalchemy) {
    const sa = app.sqlalchemy;
    const pool = Math.min(sa.pool_size === 0 ? slots : sa.pool_size, slots);
    const overflow = Math.min(sa.max_overflow, Math.max(0, slots - pool));
    app.sqlalchemy = { ...sa, pool_size: Math.max(1, pool), max_overflow: overflow };
  }
  let s: WebStackScenario = {
    ...profile,
    name,
    hosts,
    app,
    nginx: profile.nginx ? { ...profile.nginx, host: front, worker_connections: nginxConnections(profile.nginx, c.app.vcpus, workload) } : undefined,
    celery: profile.celery ? { ...profile.celery, host: front } : undefined,
    workload,
    slo,
    claims: [],
    source: undefined,
    database: undefined,
    redis: undefined,
    pgbouncer: undefined,
  };
  let maxConn: number | undefined;
  if (profile.database) {
    if (!c.db) return { spec: c, invalid: 'no database host', description: describe(profile, c, {}) };
    const dbHost = makeHost('db', c.db, provider);
    hosts.push(dbHost);
    const pd = profile.database;
    const ramMb = dbHost.ram;
    const shared = MB(ramMb * 0.25); // PGTune: 25 % of RAM
    const conns = appDbConnections(s);
    const appConns = conns ? conns.total : 0;
    let serverConns = appConns;
    if (profile.pgbouncer) {
      const pb = profile.pgbouncer;
      serverConns = Math.min(appConns, pgbouncerServerConnections(pb));
      s.pgbouncer = { ...pb, host: c.db.managed ? front : 'db', max_client_conn: Math.max(pb.max_client_conn, appConns) };
    }
    // max_connections: the connections the app tier (or PgBouncer) can open, + 10 % for admin tools and migrations.
    const need = pd.engine === 'mongodb' ? Math.max(pd.max_connections, appConns) : Math.ceil(serverConns * 1.1) + 5 + pd.superuser_reserved_connections;
    const memCap = Math.floor(((ramMb - osReservedMb(c.db) - shared) * 0.5) / pd.memory_per_connection);
    const cap = Math.min(c.db.max_connections_cap ?? Infinity, memCap);
    maxConn = Math.max(need, Math.min(pd.max_connections, cap));
    if (need > cap) {
      return {
        spec: c,
        invalid: `needs max_connections ${need} (${appConns} app connections${profile.pgbouncer ? ` through PgBouncer ${serverConns}` : ''}); ${c.db.type} allows ${cap}${c.db.max_connections_cap !== undefined && c.db.max_connections_cap <= memCap ? ' (provider limit)' : ' (RAM)'}`,
        description: describe(profile, c, { maxConn: need }),
      };
    }
    const workMem = Math.max(1, Math.min(pd.work_mem, Math.floor((ramMb - shared) / (3 * maxConn))));
    s.database = {
      ...pd,
      host: 'db',
      replicas: [],
      max_connections: maxConn,
      shared_buffers: shared,
      effective_cache_size: MB(ramMb * 0.75),
      work_mem: workMem,
      maintenance_work_mem: Math.min(pd.maintenance_work_mem, MB(ramMb / 16)),
    };
  }
  if (profile.redis) {
    if (!c.redis) return { spec: c, invalid: 'no Redis host', description: describe(profile, c, { maxConn }) };
    const rh = makeHost('cache', c.redis, provider);
    hosts.push(rh);
    const pr = profile.redis;
    const fit = MB((rh.ram * 0.9 - rh.os_reserved) / pr.shards);
    const want = pr.maxmemory ?? (pr.cache_working_set !== undefined ? MB(pr.cache_working_set * 1.5) : undefined);
    if (want !== undefined && want > fit) {
      return { spec: c, invalid: `Redis maxmemory ${want} MB does not fit in ${c.redis.type} (${fit} MB usable)`, description: describe(profile, c, { maxConn }) };
    }
    s.redis = { ...pr, host: 'cache', ...(want !== undefined && { maxmemory: want, maxmemory_policy: pr.maxmemory ? pr.maxmemory_policy : 'allkeys-lru' }) };
  }
  s = { ...s, hosts };
  const pool = app.db_access === 'sqlalchemy' && app.sqlalchemy ? `pool_size ${app.sqlalchemy.pool_size} + max_overflow ${app.sqlalchemy.max_overflow}` : undefined;
  return { spec: c, scenario: s, description: describe(profile, c, { maxConn, pool }) };
}
