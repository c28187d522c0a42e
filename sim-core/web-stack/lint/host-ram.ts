// Every process on a host shares its RAM: nginx workers, app workers (and their greenlets/tasks), the
// database's shared_buffers and backends, Redis, Celery, the OS. Over RAM the host swaps or the OOM killer ends
// the biggest process (often PostgreSQL or a worker mid-request); above 90% there is no room for page cache,
// a deploy's second set of workers, or work_mem spikes.

import { hostFootprints, type HostFootprint } from './host-footprint';
import { instancesPerHost } from '../derived/app-slots';
import { formatMemory } from '../schema/memory-size';
import { mb, n, type LintFinding } from './finding';
import type { WebStackScenario } from '../schema/web-stack-schema';

export const RAM_WARNING_SHARE = 0.9;

export function checkHostRam(s: WebStackScenario): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const f of hostFootprints(s)) {
    if (f.items.length <= 1) continue; // only os_reserved: nothing placed on the host
    const over = f.total > f.ram;
    if (!over && f.total <= RAM_WARNING_SHARE * f.ram) continue;
    const share = f.total / f.ram;
    const breakdown = f.items.map((i) => `${n(i.mb)} MB ${i.key.replace(/_mb$/, '')}${i.formula ? ` (${i.formula})` : ''}`).join(' + ');
    const numbers: Record<string, number> = {};
    for (const i of f.items) numbers[i.key] = i.mb;
    numbers.total_mb = f.total;
    numbers.ram_mb = f.ram;
    numbers.share = Math.round(share * 1000) / 1000;
    if (f.workMemWorst > 0) numbers.work_mem_worst_mb = f.workMemWorst;
    findings.push({
      id: over ? 'host-ram-over-budget' : 'host-ram-near-budget',
      severity: over ? 'error' : 'warning',
      path: `hosts[${f.index}]`,
      message: `Host "${f.host}": ${breakdown} = ${n(f.total)} MB > ${over ? '' : `${Math.round(RAM_WARNING_SHARE * 100)}% of `}${n(f.ram)} MB RAM (${Math.round(share * 100)}%).`,
      numbers,
      fix: ramFix(s, f),
    });
  }
  return findings;
}

function ramFix(s: WebStackScenario, f: HostFootprint): string {
  const target = RAM_WARNING_SHARE * f.ram;
  const cut = Math.ceil(f.total - target);
  const neededGb = Math.ceil(f.total / RAM_WARNING_SHARE / 1024);
  const biggest = f.items.filter((i) => i.key !== 'os_reserved_mb').sort((a, b) => b.mb - a.mb)[0];
  let cutText = `cut ${n(cut)} MB from ${biggest.key.replace(/_mb$/, '')} (${mb(biggest.mb)})`;
  if (biggest.key === 'app_mb') {
    const count = instancesPerHost(s).get(f.host) ?? 1;
    const perWorker = s.app.memory_per_worker + (f.items.find((i) => i.key === 'app_connections_mb')?.mb ?? 0) / (count * s.app.workers);
    const fit = Math.floor((target - (f.total - biggest.mb - (f.items.find((i) => i.key === 'app_connections_mb')?.mb ?? 0))) / (count * perWorker));
    if (fit >= 1) cutText = `set workers ≤ ${fit} (${count} instance${count === 1 ? '' : 's'} × ${fit} × ${n(perWorker)} MB fits in 90%)`;
  } else if (biggest.key === 'database_mb' || biggest.key === 'database_replica_mb') {
    const db = s.database!;
    const sb = Math.floor(db.shared_buffers - cut);
    if (sb >= 128) cutText = `lower shared_buffers to ${formatMemory(sb)}`;
  } else if (biggest.key === 'redis_mb' && s.redis) {
    const per = Math.floor((biggest.mb - cut) / s.redis.shards);
    if (per >= 1) cutText = `set Redis maxmemory to ${formatMemory(per, 'redis')} per shard`;
  }
  return `Use a host with at least ${neededGb} GB RAM (keeps it ≤ 90%), or ${cutText}.`;
}
