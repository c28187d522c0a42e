// An infinite-server (pure delay) station: every arrival is served at once for its own duration (think time,
// network latency, a sleep). Durations in ms.

import type { EventHandler, Simulator } from '../kernel/simulator';
import { TimeAverage } from '../metrics/time-average';
import type { ResourceClient } from './drop-cause';

export class InfiniteServer implements EventHandler {
  readonly handlerId: number;
  present = 0;
  completions = 0;
  readonly presentLevel = new TimeAverage();

  constructor(
    private readonly sim: Simulator,
    readonly index: number,
    private readonly client: ResourceClient,
  ) {
    this.handlerId = sim.register(this);
  }

  arrive(entity: number, delayMs: number): void {
    this.present++;
    this.presentLevel.update(this.sim.now, this.present);
    this.sim.after(delayMs, this.handlerId, entity, 0);
  }

  onEvent(entity: number): void {
    this.present--;
    this.completions++;
    this.presentLevel.update(this.sim.now, this.present);
    this.client.onDone(entity, this.index);
  }
}
