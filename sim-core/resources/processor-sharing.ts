// Egalitarian processor sharing over `cores` identical cores: with n jobs present each progresses at
// min(1, cores/n) of a core. Used for the CPUs of a host shared by every process on it. Work and time in ms.
// Virtual-time implementation: every job's finish is fixed in "attained service" units at arrival, so only the
// earliest finish needs a calendar event, rescheduled whenever n changes.

import { EventCalendar } from '../kernel/event-calendar';
import type { EventHandler, Simulator } from '../kernel/simulator';
import { TimeAverage } from '../metrics/time-average';
import type { ResourceClient } from './drop-cause';

export class ProcessorSharing implements EventHandler {
  readonly handlerId: number;
  /** Jobs keyed by virtual finish time. */
  private readonly jobs = new EventCalendar(64);
  /** Service attained so far by every job present since the station was last empty, ms of one core. */
  private virtual = 0;
  private lastUpdate = 0;
  private pendingSlot = -1;
  completions = 0;
  /** Core-ms of work done, for utilisation. */
  readonly busyLevel = new TimeAverage();
  readonly jobLevel = new TimeAverage();

  constructor(
    private readonly sim: Simulator,
    readonly index: number,
    private readonly client: ResourceClient,
    readonly cores: number,
    /** Work units per ms of one core (a faster CPU > 1). */
    readonly speed = 1,
  ) {
    if (!(cores > 0)) throw new Error(`cores must be > 0, got ${cores}`);
    if (!(speed > 0)) throw new Error(`speed must be > 0, got ${speed}`);
    this.handlerId = sim.register(this);
  }

  get jobCount(): number {
    return this.jobs.size;
  }

  private rate(n: number): number {
    return n <= this.cores ? this.speed : (this.speed * this.cores) / n;
  }

  private advance(now: number): void {
    const n = this.jobs.size;
    if (n > 0) this.virtual += (now - this.lastUpdate) * this.rate(n);
    this.lastUpdate = now;
  }

  private reschedule(): void {
    const sim = this.sim;
    if (this.pendingSlot >= 0) sim.cancel(this.pendingSlot);
    const n = this.jobs.size;
    this.busyLevel.update(sim.now, Math.min(n, this.cores));
    this.jobLevel.update(sim.now, n);
    if (n === 0) {
      this.pendingSlot = -1;
      this.virtual = 0;
      return;
    }
    const delay = Math.max(0, (this.jobs.peekTime() - this.virtual) / this.rate(n));
    this.pendingSlot = sim.after(delay, this.handlerId, 0, 0);
  }

  /** Add a job needing `work` ms of one core; it returns through client.onDone. Returns the job's handle. */
  arrive(entity: number, work: number): number {
    this.advance(this.sim.now);
    const handle = this.jobs.schedule(this.virtual + work, 0, entity, 0);
    this.reschedule();
    return handle;
  }

  /** Remove a job before it finishes (a killed request). */
  remove(handle: number): boolean {
    if (!this.jobs.isPending(handle)) return false;
    this.advance(this.sim.now);
    this.jobs.cancel(handle);
    this.reschedule();
    return true;
  }

  onEvent(): void {
    this.pendingSlot = -1;
    this.advance(this.sim.now);
    this.jobs.pop();
    const entity = this.jobs.lastEntity;
    // Floating-point drift can leave the earliest finish a hair past `virtual`: it is done.
    this.virtual = Math.max(this.virtual, this.jobs.lastTime);
    this.completions++;
    this.reschedule();
    this.client.onDone(entity, this.index);
  }
}
