// The GIL: one per worker process. A process runs one request's Python CPU at a time whatever its concurrency
// (threads, greenlets, asyncio tasks): a CPU burst holds the GIL for as long as it runs on the host's shared
// cores, and waiters queue FIFO (CPython's switch interval hands the GIL over fairly; FIFO over whole bursts
// is the simplification). Pure waiting (I/O, database, Redis) happens without it.

import type { Simulator } from '../../kernel/simulator';
import type { TimeAverage } from '../../metrics/time-average';
import type { ResourceClient } from '../../resources/drop-cause';
import { Semaphore } from '../../resources/semaphore';

export class Gils {
  readonly sems: Semaphore[];

  constructor(sim: Simulator, processes: number, client: ResourceClient) {
    this.sems = Array.from({ length: processes }, (_, p) => new Semaphore(sim, p, client, { capacity: 1 }));
  }

  /** Mean busy fraction over the processes [first, first + count). */
  utilization(first: number, count: number, from: number, to: number): number {
    let sum = 0;
    for (let p = first; p < first + count; p++) sum += this.sems[p].useLevel.average(from, to);
    return sum / count;
  }

  levels(): TimeAverage[] {
    return this.sems.flatMap((s) => [s.useLevel, s.queueLevel]);
  }
}
