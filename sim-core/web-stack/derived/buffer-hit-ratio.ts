// Buffer hit ratio of the database: the pages its queries touch (working_set) against what stays in memory,
// PostgreSQL shared_buffers plus the OS page cache (the host RAM no process has taken).
//
// h = min(0.999, (cache / working_set)^0.25) when the cache is smaller than the working set, else 0.999.
// Why a fourth root and not the linear cache/working_set of uniform access: real access is skewed (a few hot
// rows and index pages take most reads, roughly Zipf-like), so the first part of the cache catches far more
// than its share: half the working set in memory gives ~84 % hits, a tenth ~56 %. The exponent is an
// assumption, stated as such; 0.999 caps it because a cold read always happens somewhere. The runtime and the
// preview both read it, with the idle processes' memory as what is taken before the page cache.

import type { WebStackScenario } from '../schema/web-stack-schema';
import { hostMemory, IDLE_PEAKS } from './host-memory';

export const MAX_BUFFER_HIT = 0.999;
export const SKEW_EXPONENT = 0.25;

export function bufferHitRatio(cacheMb: number, workingSetMb: number): number {
  if (!(workingSetMb > 0) || cacheMb >= workingSetMb) return MAX_BUFFER_HIT;
  if (!(cacheMb > 0)) return 0;
  return Math.min(MAX_BUFFER_HIT, (cacheMb / workingSetMb) ** SKEW_EXPONENT);
}

/** shared_buffers + the OS page cache: host RAM left after every process's footprint (never below 0). */
export function databaseCacheMb(sharedBuffersMb: number, hostRamMb: number, committedMb: number): number {
  return sharedBuffersMb + Math.max(0, hostRamMb - committedMb);
}

/** The hit ratio from the four numbers a user sees: shared_buffers, host RAM, committed memory, working set (MB). */
export function bufferHitRatioFor(p: { shared_buffers_mb: number; host_ram_mb: number; committed_mb: number; working_set_mb: number }): number {
  return bufferHitRatio(databaseCacheMb(p.shared_buffers_mb, p.host_ram_mb, p.committed_mb), p.working_set_mb);
}

/** Hit ratio per database node (primary first, then replicas), with the idle processes' memory as committed. */
export function dbNodeHitRatios(s: WebStackScenario): { host: string; hit_ratio: number; cache_mb: number }[] {
  const db = s.database;
  if (!db) return [];
  const idle = hostMemory(s, IDLE_PEAKS);
  return [db.host, ...db.replicas.map((r) => r.host)].map((host) => {
    const cache = databaseCacheMb(db.shared_buffers, idle[host].ram_mb, idle[host].committed_mb);
    return { host, hit_ratio: bufferHitRatio(cache, db.working_set), cache_mb: cache };
  });
}
