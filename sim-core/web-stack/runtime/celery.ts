// Celery: tasks enqueued by requests (the broker write is a Redis command of the request), drained by
// workers × concurrency execution slots; each task runs task_cpu_ms on its host's CPU, which it shares with
// every other process there. The queue is unbounded (tasks wait, they are not dropped).

import type { Simulator } from '../../kernel/simulator';
import type { TimeAverage } from '../../metrics/time-average';
import type { ResourceClient } from '../../resources/drop-cause';
import { Semaphore } from '../../resources/semaphore';
import type { CelerySpec } from '../schema';
import type { Host } from './host';

export class Celery {
  readonly slots: Semaphore;

  constructor(sim: Simulator, readonly spec: CelerySpec, readonly host: Host, client: ResourceClient) {
    this.slots = new Semaphore(sim, 0, client, { capacity: spec.workers * spec.concurrency });
  }

  levels(): TimeAverage[] {
    return [this.slots.useLevel, this.slots.queueLevel];
  }
}
