// Celery tasks a request enqueues: each becomes an entity of its own that waits for a worker slot and runs its
// CPU on the Celery host; the request does not wait for it.

import { GRANTED } from '../../resources/semaphore';
import * as A from './attempts';
import { K_CELERY_DONE } from './counters';
import type { FlowContext } from './flow-context';

export class CeleryFlow {
  constructor(private readonly x: FlowContext) {}

  enqueue(cls: number, n: number): void {
    const at = this.x.at;
    const celery = this.x.parts.celery!;
    for (let k = 0; k < n; k++) {
      const t = at.alloc();
      at.c[at.CLS][t] = cls;
      at.c[at.STEP][t] = A.S_TASK_WAIT;
      if (celery.slots.acquire(t) === GRANTED) this.run(t);
    }
  }

  run(t: number): void {
    const x = this.x;
    const at = x.at;
    at.c[at.STEP][t] = A.S_TASK_CPU;
    const d = x.parts.tables.taskCpu[at.c[at.CLS][t]];
    x.parts.celery!.host.cpu.arrive(t, d ? d.sample(x.rng) : 0);
  }

  done(t: number): void {
    const x = this.x;
    x.counters.values[K_CELERY_DONE]++;
    x.at.free(t);
    x.parts.celery!.slots.release();
  }
}
