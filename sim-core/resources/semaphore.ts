// A counting semaphore: connection pools, max_connections, worker slots. Holders are not tracked (release
// frees one unit); waiters queue FIFO with an optional waiting-room cap and an optional wait timeout, ms.

import type { EventHandler, Simulator } from '../kernel/simulator';
import { TimeAverage } from '../metrics/time-average';
import type { ResourceClient } from './drop-cause';
import { NO_SLOT, WaitingLine } from './waiting-line';

export const GRANTED = 0;
export const QUEUED = 1;
export const REJECTED = 2;
export type AcquireResult = typeof GRANTED | typeof QUEUED | typeof REJECTED;

export interface SemaphoreOptions {
  capacity: number;
  queueCapacity?: number;
  timeoutMs?: number;
}

export class Semaphore implements EventHandler {
  readonly handlerId: number;
  readonly capacity: number;
  readonly timeoutMs: number;
  readonly line: WaitingLine;
  inUse = 0;
  grants = 0;
  rejected = 0;
  timedOut = 0;
  readonly useLevel = new TimeAverage();
  readonly queueLevel = new TimeAverage();

  constructor(
    private readonly sim: Simulator,
    readonly index: number,
    private readonly client: ResourceClient,
    opts: SemaphoreOptions,
  ) {
    if (!(opts.capacity >= 0) || !Number.isInteger(opts.capacity)) throw new Error(`capacity must be a whole number ≥ 0, got ${opts.capacity}`);
    this.capacity = opts.capacity;
    this.timeoutMs = opts.timeoutMs ?? Infinity;
    this.line = new WaitingLine(opts.queueCapacity ?? Infinity);
    this.handlerId = sim.register(this);
  }

  /**
   * Try to take one unit. GRANTED: the caller holds it now. QUEUED: client.onDone(entity) fires when granted,
   * or onDropped(…, 'timeout'). REJECTED: the waiting room is full; nothing fires.
   */
  acquire(entity: number): AcquireResult {
    const sim = this.sim;
    if (this.inUse < this.capacity) {
      this.inUse++;
      this.grants++;
      this.useLevel.update(sim.now, this.inUse);
      return GRANTED;
    }
    if (this.line.isFull) {
      this.rejected++;
      return REJECTED;
    }
    const slot = this.timeoutMs < Infinity ? sim.after(this.timeoutMs, this.handlerId, entity, this.line.nextTicket) : NO_SLOT;
    this.line.push(entity, 0, slot);
    this.queueLevel.update(sim.now, this.line.length);
    return QUEUED;
  }

  /** Give back one unit; the first waiter (if any) is granted it and notified synchronously. */
  release(): void {
    const sim = this.sim;
    if (this.inUse <= 0) throw new Error('semaphore released more times than acquired');
    const next = this.line.shift();
    if (next < 0) {
      this.inUse--;
      this.useLevel.update(sim.now, this.inUse);
      return;
    }
    if (this.line.lastTimeoutSlot !== NO_SLOT) sim.cancel(this.line.lastTimeoutSlot);
    this.grants++;
    this.queueLevel.update(sim.now, this.line.length);
    this.client.onDone(next, this.index);
  }

  onEvent(entity: number, ticket: number): void {
    if (this.line.remove(ticket, entity)) {
      this.timedOut++;
      this.queueLevel.update(this.sim.now, this.line.length);
      this.client.onDropped(entity, this.index, 'timeout');
    }
  }
}
