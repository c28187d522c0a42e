// Without maxmemory Redis has no limit on 64-bit builds: the dataset grows until the host swaps or the OOM
// killer ends it. With the default noeviction policy even a maxmemory only turns that into write errors; the
// eviction policies need a maxmemory to do anything at all.

import { formatMemory } from '../schema/memory-size';
import { mb, type LintFinding } from './finding';
import type { WebStackScenario } from '../schema/web-stack-schema';

export function checkRedisMaxmemory(s: WebStackScenario): LintFinding[] {
  const redis = s.redis;
  if (!redis || redis.maxmemory !== undefined) return [];
  const ws = redis.cache_working_set;
  const perShard = ws !== undefined ? Math.ceil(ws / redis.shards) : undefined;
  return [
    {
      id: 'redis-maxmemory-unset',
      severity: 'warning',
      path: 'redis.maxmemory',
      message:
        `Redis has no maxmemory with policy ${redis.maxmemory_policy}, so it can grow unbounded` +
        (ws !== undefined ? `; the RAM budget counts its cache_working_set of ${mb(ws)} instead.` : ' and the RAM budget cannot count it.'),
      numbers: { shards: redis.shards, ...(ws !== undefined && { cache_working_set_mb: ws }) },
      fix:
        perShard !== undefined
          ? `Set maxmemory to ${formatMemory(perShard, 'redis')} per shard (cache_working_set ÷ ${redis.shards} shard${redis.shards === 1 ? '' : 's'}) with maxmemory_policy allkeys-lru for a cache (keep noeviction only for sessions, locks or a Celery broker).`
          : 'Set maxmemory per shard (what the host can spare) with maxmemory_policy allkeys-lru for a cache.',
    },
  ];
}
