// Per-process client-side connection pools: SQLAlchemy's QueuePool and the MongoDB driver's pool.
// Capacity per process = pool_size + max_overflow (SQLAlchemy) or maxPoolSize (MongoDB); waiters queue FIFO
// and give up after pool_timeout / waitQueueTimeoutMS (→ 'pool_timeout'). Physical connections are opened
// lazily when a checkout finds no idle one; on return, SQLAlchemy keeps at most pool_size idle ones and closes
// the rest (the overflow), the MongoDB driver keeps them all (no idle timeout within a run).

import type { Simulator } from '../../kernel/simulator';
import type { TimeAverage } from '../../metrics/time-average';
import type { ResourceClient } from '../../resources/drop-cause';
import { Semaphore } from '../../resources/semaphore';

export class DriverPools {
  readonly sems: Semaphore[];
  /** Physical connections open per process. */
  readonly open: Int32Array;

  constructor(sim: Simulator, processes: number, client: ResourceClient, readonly capacity: number, timeoutMs: number, readonly keepIdle: number) {
    this.sems = Array.from({ length: processes }, (_, p) => new Semaphore(sim, p, client, { capacity, timeoutMs }));
    this.open = new Int32Array(processes);
  }

  /** After a grant: does this checkout need a new physical connection? */
  needsNew(p: number): boolean {
    return this.sems[p].inUse > this.open[p];
  }

  /** Give a checkout back; true when its physical connection must now be closed (too many idle). */
  giveBack(p: number): boolean {
    const s = this.sems[p];
    s.release();
    if (this.open[p] - s.inUse > this.keepIdle) {
      this.open[p]--;
      return true;
    }
    return false;
  }

  /** The process died: its connections close. Returns how many. */
  closeAll(p: number): number {
    const n = this.open[p];
    this.open[p] = 0;
    return n;
  }

  busyShare(first: number, count: number, from: number, to: number): number {
    let sum = 0;
    for (let p = first; p < first + count; p++) sum += this.sems[p].useLevel.average(from, to);
    return sum / (count * this.capacity);
  }

  levels(): TimeAverage[] {
    return this.sems.flatMap((s) => [s.useLevel, s.queueLevel]);
  }
}
