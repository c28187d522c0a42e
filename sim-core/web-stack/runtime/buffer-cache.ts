// Buffer hit ratio of the database: the pages its queries touch (working_set) against what stays in memory,
// PostgreSQL shared_buffers plus the OS page cache (the host RAM no process has taken).
//
// h = min(0.999, (cache / working_set)^0.25) when the cache is smaller than the working set, else 0.999.
// Why a fourth root and not the linear cache/working_set of uniform access: real access is skewed (a few hot
// rows and index pages take most reads, roughly Zipf-like), so the first part of the cache catches far more
// than its share: half the working set in memory gives ~84 % hits, a tenth ~56 %. The exponent is an
// assumption, stated as such; 0.999 caps it because a cold read always happens somewhere.

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
