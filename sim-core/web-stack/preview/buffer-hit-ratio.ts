// The database buffer hit ratio the preview and the simulator share: h = min(0.999, (cache/working_set)^0.25)
// with cache = shared_buffers + (host RAM − committed memory). The formula itself already lives in the runtime
// (runtime/buffer-cache.ts, which database.ts uses), so it is re-exported here rather than copied: one formula,
// two users. dbNodeHitRatios applies it to every database node of a scenario the way the runtime does, with the
// static (pre-run) memory budget as the committed memory.

import type { WebStackScenario } from '../schema';
import { bufferHitRatio, databaseCacheMb, MAX_BUFFER_HIT, SKEW_EXPONENT } from '../runtime/buffer-cache';
import { memoryBudget } from '../runtime/memory-budget';

export { bufferHitRatio, databaseCacheMb, MAX_BUFFER_HIT, SKEW_EXPONENT };

/** The hit ratio from the four numbers a user sees: shared_buffers, host RAM, committed memory, working set (MB). */
export function bufferHitRatioFor(p: { shared_buffers_mb: number; host_ram_mb: number; committed_mb: number; working_set_mb: number }): number {
  return bufferHitRatio(databaseCacheMb(p.shared_buffers_mb, p.host_ram_mb, p.committed_mb), p.working_set_mb);
}

/** Hit ratio per database node (primary first, then replicas), from the static memory budget. */
export function dbNodeHitRatios(s: WebStackScenario): { host: string; hit_ratio: number; cache_mb: number }[] {
  const db = s.database;
  if (!db) return [];
  const budget = memoryBudget(s, { appInFlight: [], dbConnections: [], pgbouncerClients: 0 });
  return [db.host, ...db.replicas.map((r) => r.host)].map((host) => {
    const h = s.hosts.find((x) => x.name === host)!;
    const cache = databaseCacheMb(db.shared_buffers, h.ram, budget[host].committed_mb);
    return { host, hit_ratio: bufferHitRatio(cache, db.working_set), cache_mb: cache };
  });
}
