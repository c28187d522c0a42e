// postgresql.conf: the scenario's own values where it states them (connections, memory), PGTune's "web" formulas
// (le0pard/pgtune, research A2) for the rest, by disk type, vCPUs and target major version.

import type { ExportContext } from './context';
import { FILE, header, kv, mem, memText, num } from './format';
import { components } from './sizing';

/** RAM PostgreSQL may plan with: the host's RAM less the other processes placed on it. */
export function dbRamMb(ctx: ExportContext): { mb: number; formula: string } {
  const d = ctx.s.database!;
  const h = ctx.host(d.host);
  const others = components(ctx).filter((c) => c.host === d.host && c.kind !== 'db');
  const used = others.reduce((a, c) => a + c.memMb, 0);
  const mb = Math.max(256, Math.floor(h.ram - used));
  const formula = others.length ? `host ${h.name} ${memText(h.ram)} − ${others.map((c) => c.name).join(', ')} ${memText(used)}` : `host ${h.name} RAM`;
  return { mb, formula };
}

export interface PgTune {
  sharedBuffers: number;
  effectiveCache: number;
  maintenance: number;
  workMem: number;
  walBuffersKb: number;
  randomPageCost: number;
  ioConcurrency: number;
  workers?: { processes: number; perGather: number; parallel: number; maintenance: number };
}

/** PGTune, DB type "web", Linux, all in MB (kB where noted), floored as PGTune does. */
export function pgtune(ramMb: number, cpus: number, maxConnections: number, sharedBuffersMb: number, disk: string, fitsInRam: boolean): PgTune {
  const ramKb = ramMb * 1024;
  const sb = Math.floor(ramKb / 4);
  const workerProcs = cpus >= 4 ? cpus : 8;
  const wm = Math.max(4096, Math.floor((ramKb - sharedBuffersMb * 1024) / ((maxConnections + workerProcs) * 3) / 1));
  let walKb = Math.floor((3 * sharedBuffersMb * 1024) / 100);
  if (walKb > 14 * 1024) walKb = 16 * 1024;
  walKb = Math.max(32, Math.min(walKb, 16 * 1024));
  const half = Math.ceil(cpus / 2);
  return {
    sharedBuffers: sb / 1024,
    effectiveCache: Math.floor((ramKb * 3) / 4) / 1024,
    maintenance: Math.min(Math.floor(ramKb / 16), 8 * 1024 * 1024) / 1024,
    workMem: wm / 1024,
    walBuffersKb: walKb,
    randomPageCost: fitsInRam ? 1.1 : disk === 'hdd' ? 4 : 1.1,
    ioConcurrency: ({ hdd: 2, ssd: 200, network: 300, nvme: 1000 } as Record<string, number>)[disk] ?? 200,
    workers: cpus >= 4 ? { processes: cpus, perGather: Math.min(half, 4), parallel: cpus, maintenance: Math.min(half, 4) } : undefined,
  };
}

function kbText(kb: number): string {
  return kb % 1024 === 0 ? mem(kb / 1024) : `${kb}kB`;
}

export function postgresqlConf(ctx: ExportContext): string {
  const d = ctx.s.database!;
  const h = ctx.host(d.host);
  const major = Number(ctx.versions.postgresql);
  const ram = dbRamMb(ctx);
  const fits = d.working_set <= ram.mb;
  const t = pgtune(ram.mb, h.vcpus, d.max_connections, d.shared_buffers, h.disk.type, fits);
  const P = `PGTune web, RAM ${memText(ram.mb)} (${ram.formula})`;
  const out: string[] = [];
  const sec = (title: string) => out.push('', `# --- ${title}`);

  sec('connections');
  const remote = ctx.target !== 'bare' || [ctx.s.pgbouncer?.host, ...ctx.s.app.instances.map((i) => i.host)].some((x) => x && x !== d.host);
  out.push(kv(`listen_addresses = '${remote ? '*' : 'localhost'}'`, remote ? 'clients on other hosts/containers; restrict them in pg_hba.conf' : 'every client is on this host'));
  out.push(kv('port = 5432', 'PostgreSQL default port'));
  out.push(kv(`max_connections = ${d.max_connections}`, 'scenario database.max_connections (simulated: above it, connection refused)'));
  out.push(kv(`superuser_reserved_connections = ${d.superuser_reserved_connections}`, 'scenario database.superuser_reserved_connections'));

  sec('memory');
  out.push(kv(`shared_buffers = ${mem(d.shared_buffers)}`, `scenario database.shared_buffers (simulated buffer hit ratio); ${P}: RAM/4 = ${mem(t.sharedBuffers)}`));
  out.push(kv(`huge_pages = ${d.shared_buffers >= 2048 ? 'try' : 'off'}`, 'PGTune: try when shared_buffers ≥ 2GB'));
  if (d.effective_cache_size !== undefined) out.push(kv(`effective_cache_size = ${mem(d.effective_cache_size)}`, `scenario database.effective_cache_size; ${P}: 3/4 RAM = ${mem(t.effectiveCache)}`));
  else out.push(kv(`effective_cache_size = ${mem(t.effectiveCache)}`, `${P}: 3/4 × RAM (scenario does not state it)`));
  out.push(kv(`work_mem = ${mem(d.work_mem)}`, `scenario database.work_mem; PGTune 2025: (RAM − shared_buffers) / ((max_connections + ${t.workers?.processes ?? 8} workers) × 3), ≥ 4MB = ${mem(t.workMem)}`));
  out.push(kv(`maintenance_work_mem = ${mem(d.maintenance_work_mem)}`, `scenario database.maintenance_work_mem; ${P}: RAM/16 = ${mem(t.maintenance)}`));
  out.push(`# Worst case: ${memText(d.shared_buffers)} + ${num(d.max_connections)} × (${memText(d.memory_per_connection)} backend + ${memText(d.work_mem)} work_mem) + ${memText(d.maintenance_work_mem)} = ${memText(d.shared_buffers + d.max_connections * (d.memory_per_connection + d.work_mem) + d.maintenance_work_mem)} of ${memText(ram.mb)}`);

  sec('write-ahead log and checkpoints');
  out.push(kv(`wal_buffers = ${kbText(t.walBuffersKb)}`, 'PGTune: 3% of shared_buffers, ≤ 16MB (rounded up to 16MB above 14MB), ≥ 32kB'));
  out.push(kv('checkpoint_completion_target = 0.9', 'PGTune (and the PostgreSQL 14+ default)'));
  out.push(kv('min_wal_size = 1GB', 'PGTune web'));
  out.push(kv('max_wal_size = 4GB', 'PGTune web'));
  out.push(kv(`wal_compression = ${major >= 15 ? 'lz4' : 'on'}`, 'PGTune: lz4 on PostgreSQL ≥ 15 (Debian and the official image build with lz4)'));

  sec('planner and I/O');
  out.push(kv('default_statistics_target = 100', 'PGTune web'));
  out.push(kv(`random_page_cost = ${t.randomPageCost}`, `PGTune: ${fits ? `working set ${memText(d.working_set)} fits in RAM` : `disk ${h.disk.type}, working set ${memText(d.working_set)} > RAM`} → ${t.randomPageCost}`));
  out.push(kv(`effective_io_concurrency = ${t.ioConcurrency}`, `PGTune by disk type: host ${h.name} disk ${h.disk.type} (hdd 2, ssd 200, network/SAN 300, nvme 1000)`));
  out.push(kv('jit = off', 'PGTune web: short queries lose more to JIT compilation than they gain'));
  if (major >= 18) {
    const ioWorkers = Math.min(32, Math.max(3, Math.floor(h.vcpus / 4)));
    out.push(kv("io_method = 'worker'", 'PostgreSQL 18 asynchronous I/O; io_uring needs liburing (PGTune warns), worker works everywhere'));
    out.push(kv(`io_workers = ${ioWorkers}`, `PGTune: clamp(floor(${h.vcpus} vCPUs / 4), 3, 32)`));
  }

  sec('parallelism');
  if (t.workers) {
    const c = `PGTune: host ${h.name} ${h.vcpus} vCPUs`;
    out.push(kv(`max_worker_processes = ${t.workers.processes}`, `${c}`));
    out.push(kv(`max_parallel_workers_per_gather = ${t.workers.perGather}`, `${c}: min(ceil(vCPUs/2), 4)`));
    out.push(kv(`max_parallel_workers = ${t.workers.parallel}`, c));
    out.push(kv(`max_parallel_maintenance_workers = ${t.workers.maintenance}`, `${c}: min(ceil(vCPUs/2), 4)`));
  } else {
    out.push(`# host ${h.name} has ${h.vcpus} vCPUs (< 4): PGTune keeps PostgreSQL's parallel worker defaults`);
  }
  out.push('');
  return [...header(ctx, FILE.postgresql, 'postgresql.conf'), ...out].join('\n');
}
