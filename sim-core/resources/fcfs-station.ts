// A multi-server first-come-first-served station: c servers, a waiting room of finite or infinite capacity,
// and optional patience (a waiter leaves after `patienceMs`). Service times are given per arrival, in ms.

import type { EventHandler, Simulator } from '../kernel/simulator';
import { TimeAverage } from '../metrics/time-average';
import type { ResourceClient } from './drop-cause';
import { NO_SLOT, WaitingLine } from './waiting-line';

const COMPLETION = -1;

export interface FcfsStationOptions {
  servers: number;
  /** Waiting room (not counting those in service); Infinity for none. */
  queueCapacity?: number;
  /** Maximum wait in queue before abandoning, ms; Infinity for none. */
  patienceMs?: number;
}

export class FcfsStation implements EventHandler {
  readonly handlerId: number;
  readonly servers: number;
  readonly patienceMs: number;
  readonly line: WaitingLine;
  busy = 0;
  completions = 0;
  rejected = 0;
  abandoned = 0;
  readonly busyLevel = new TimeAverage();
  readonly queueLevel = new TimeAverage();

  constructor(
    private readonly sim: Simulator,
    readonly index: number,
    private readonly client: ResourceClient,
    opts: FcfsStationOptions,
  ) {
    if (!Number.isInteger(opts.servers) || opts.servers < 1) throw new Error(`servers must be a whole number ≥ 1, got ${opts.servers}`);
    this.servers = opts.servers;
    this.patienceMs = opts.patienceMs ?? Infinity;
    this.line = new WaitingLine(opts.queueCapacity ?? Infinity);
    this.handlerId = sim.register(this);
  }

  arrive(entity: number, serviceMs: number): void {
    const sim = this.sim;
    if (this.busy < this.servers) {
      this.busy++;
      this.busyLevel.update(sim.now, this.busy);
      sim.after(serviceMs, this.handlerId, entity, COMPLETION);
      return;
    }
    if (this.line.isFull) {
      this.rejected++;
      this.client.onDropped(entity, this.index, 'queue_full');
      return;
    }
    const slot = this.patienceMs < Infinity ? sim.after(this.patienceMs, this.handlerId, entity, this.line.nextTicket) : NO_SLOT;
    this.line.push(entity, serviceMs, slot);
    this.queueLevel.update(sim.now, this.line.length);
  }

  onEvent(entity: number, tag: number): void {
    const sim = this.sim;
    if (tag === COMPLETION) {
      this.completions++;
      const next = this.line.shift();
      if (next >= 0) {
        if (this.line.lastTimeoutSlot !== NO_SLOT) sim.cancel(this.line.lastTimeoutSlot);
        this.queueLevel.update(sim.now, this.line.length);
        sim.after(this.line.lastPayload, this.handlerId, next, COMPLETION);
      } else {
        this.busy--;
        this.busyLevel.update(sim.now, this.busy);
      }
      this.client.onDone(entity, this.index);
      return;
    }
    if (this.line.remove(tag, entity)) {
      this.abandoned++;
      this.queueLevel.update(sim.now, this.line.length);
      this.client.onDropped(entity, this.index, 'timeout');
    }
  }

  /** Customers present (waiting + in service). */
  get population(): number {
    return this.busy + this.line.length;
  }
}
