// redis-py keeps a ConnectionPool per process (max_connections each), so the tier may open
// instances × workers × redis_max_connections connections to every shard (a cluster client pools per node).
// Redis refuses clients past maxclients ("ERR max number of clients reached"), default 10000 and silently
// lowered to the file-descriptor limit − 32.

import { appProcesses } from '../derived/app-slots';
import { n, type LintFinding } from './finding';
import type { WebStackScenario } from '../schema/web-stack-schema';

export function checkRedisConnections(s: WebStackScenario): LintFinding[] {
  const redis = s.redis;
  if (!redis) return [];
  const instances = s.app.instances.length;
  const processes = appProcesses(s);
  const connections = processes * s.app.redis_max_connections;
  if (connections <= redis.maxclients) return [];
  const fit = Math.floor(redis.maxclients / processes);
  return [
    {
      id: 'redis-connections-exceed-maxclients',
      severity: 'error',
      path: 'app.redis_max_connections',
      message: `${instances} instance${instances === 1 ? '' : 's'} × ${s.app.workers} workers × ${s.app.redis_max_connections} redis_max_connections = ${n(connections)} connections${redis.shards > 1 ? ' to each shard' : ''} > Redis maxclients ${n(redis.maxclients)}.`,
      numbers: {
        instances,
        workers: s.app.workers,
        redis_max_connections: s.app.redis_max_connections,
        connections,
        maxclients: redis.maxclients,
        max_per_process: fit,
      },
      fix:
        fit >= 1
          ? `Set redis_max_connections ≤ ${fit} per process, or raise maxclients to ${n(connections)} (and the fd limit to ${n(connections + 32)}).`
          : `Raise maxclients to ${n(connections)} (and the fd limit to ${n(connections + 32)}), or run at most ${n(redis.maxclients)} worker processes.`,
    },
  ];
}
