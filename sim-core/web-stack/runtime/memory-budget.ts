// RAM committed on each host: the footprint of every process placed on it, at the simulated peak where it
// varies (in-flight requests, database connections). Over the host's RAM ⇒ the host would swap or the OOM
// killer would act: flagged, and a warning is written. Memory in MB.

import type { HostMemory } from './web-stack-result';
import type { WebStackScenario } from '../schema';

/** Peaks observed during the run; all zero for the static (pre-run) budget. */
export interface MemoryPeaks {
  /** Peak in-flight requests per app instance. */
  appInFlight: number[];
  /** Peak open connections per database node (primary first, then replicas). */
  dbConnections: number[];
  pgbouncerClients: number;
}

export const PGBOUNCER_BASE_MB = 10; // assumption: PgBouncer process
export const PGBOUNCER_PER_CLIENT_MB = 0.002; // assumption: ~2 kB per client connection
export const REDIS_BASE_MB = 10; // assumption: an empty redis-server

export function nginxWorkers(s: WebStackScenario): number {
  const n = s.nginx;
  if (!n) return 0;
  if (n.worker_processes !== 'auto') return n.worker_processes;
  return s.hosts.find((h) => h.name === n.host)?.vcpus ?? 1;
}

export function memoryBudget(s: WebStackScenario, peaks: MemoryPeaks): Record<string, HostMemory> {
  const out: Record<string, HostMemory> = {};
  for (const h of s.hosts) out[h.name] = { ram_mb: h.ram, committed_mb: 0, breakdown: { os_reserved: h.os_reserved }, over: false };
  const add = (host: string, what: string, mb: number) => {
    const m = out[host];
    m.breakdown[what] = (m.breakdown[what] ?? 0) + mb;
  };
  if (s.nginx) add(s.nginx.host, 'nginx', nginxWorkers(s) * s.nginx.memory_per_worker);
  s.app.instances.forEach((inst, i) => {
    add(inst.host, `app[${i}].workers`, s.app.workers * s.app.memory_per_worker);
    const inflight = peaks.appInFlight[i] ?? 0;
    if (inflight > 0) add(inst.host, `app[${i}].connections`, inflight * s.app.memory_per_connection);
  });
  if (s.pgbouncer) add(s.pgbouncer.host, 'pgbouncer', PGBOUNCER_BASE_MB + peaks.pgbouncerClients * PGBOUNCER_PER_CLIENT_MB);
  const db = s.database;
  if (db) {
    const nodes = [db.host, ...db.replicas.map((r) => r.host)];
    nodes.forEach((host, k) => {
      const name = k === 0 ? 'database' : `database.replica[${k - 1}]`;
      add(host, `${name}.shared_buffers`, db.shared_buffers);
      const conns = peaks.dbConnections[k] ?? 0;
      if (conns > 0) add(host, `${name}.connections`, conns * (db.memory_per_connection + db.work_mem));
    });
  }
  const r = s.redis;
  if (r) add(r.host, 'redis', REDIS_BASE_MB + (r.maxmemory !== undefined ? r.maxmemory * r.shards : (r.cache_working_set ?? 0)));
  if (s.celery) add(s.celery.host, 'celery', s.celery.workers * s.celery.memory_per_worker);
  for (const m of Object.values(out)) {
    m.committed_mb = Object.values(m.breakdown).reduce((a, b) => a + b, 0);
    m.over = m.committed_mb > m.ram_mb;
  }
  return out;
}

export function memoryWarnings(mem: Record<string, HostMemory>): string[] {
  return Object.entries(mem)
    .filter(([, m]) => m.over)
    .map(([host, m]) => {
      const top = Object.entries(m.breakdown).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, v]) => `${k} ${Math.round(v)} MB`).join(', ');
      return `host ${host}: committed memory ${Math.round(m.committed_mb)} MB exceeds its RAM ${Math.round(m.ram_mb)} MB (largest: ${top}); it would swap or the OOM killer would act`;
    });
}
