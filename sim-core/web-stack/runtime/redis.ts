// Redis: per shard one command thread (FCFS, command_ms per command), keys spread uniformly over shards.
// Each app process keeps a redis-py pool of up to redis_max_connections connections (a command waits FIFO for
// one when all are busy, as BlockingConnectionPool does); connections are opened lazily, kept, and counted
// against maxclients over all processes (beyond it the server refuses: 'redis_maxclients').
// Cache hit ratio of a lookup = cache_hit_ratio × min(1, maxmemory × shards / cache_working_set): with less
// memory than the data the application would cache, eviction removes keys it asks for again.

import type { Simulator } from '../../kernel/simulator';
import type { TimeAverage } from '../../metrics/time-average';
import type { ResourceClient } from '../../resources/drop-cause';
import { FcfsStation } from '../../resources/fcfs-station';
import { Semaphore } from '../../resources/semaphore';
import type { RedisSpec } from '../schema';
import type { Host } from './host';

export class Redis {
  readonly shards: FcfsStation[];
  readonly conns: Semaphore[];
  readonly open: Int32Array;
  clients = 0;
  refused = 0;
  /** Multiplies each class's cache_hit_ratio (eviction under maxmemory). */
  readonly memoryFactor: number;

  constructor(sim: Simulator, readonly spec: RedisSpec, readonly host: Host, processes: number, perProcess: number, shardClient: ResourceClient, connClient: ResourceClient) {
    this.shards = Array.from({ length: spec.shards }, (_, k) => new FcfsStation(sim, k, shardClient, { servers: 1 }));
    this.conns = Array.from({ length: processes }, (_, p) => new Semaphore(sim, p, connClient, { capacity: perProcess }));
    this.open = new Int32Array(processes);
    this.memoryFactor = spec.maxmemory !== undefined && spec.cache_working_set !== undefined && spec.cache_working_set > 0
      ? Math.min(1, (spec.maxmemory * spec.shards) / spec.cache_working_set)
      : 1;
  }

  /** After a connection grant in process p: open a physical one if needed; false when maxclients refuses. */
  connect(p: number): boolean {
    if (this.conns[p].inUse <= this.open[p]) return true;
    if (this.clients >= this.spec.maxclients) {
      this.refused++;
      return false;
    }
    this.open[p]++;
    this.clients++;
    return true;
  }

  closeAll(p: number): void {
    this.clients -= this.open[p];
    this.open[p] = 0;
  }

  levels(): TimeAverage[] {
    return [...this.shards.flatMap((s) => [s.busyLevel, s.queueLevel]), ...this.conns.flatMap((s) => [s.useLevel, s.queueLevel])];
  }
}
