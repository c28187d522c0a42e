// Small test harness for the resource tests: a Poisson source driven by Simulator events, a client that records
// what comes back, and batch-means statistics (reference uniforms: test/support/test-rng.ts).
// Not a test file itself (no .test.ts suffix).

import type { EventHandler, Simulator } from '../../../sim-core/kernel/simulator';
import type { Rng } from '../../../sim-core/kernel/prng';
import type { DropCause, ResourceClient } from '../../../sim-core/resources/drop-cause';

/** Exponential draw with the given mean (ms) from any uniform source on (0, 1]. */
export function expo(mean: number, u01open: number): number {
  return -mean * Math.log(u01open);
}


/** Something customers can be sent to: arrive(entity, demand in ms). */
export interface Station {
  arrive(entity: number, demandMs: number): unknown;
}

/**
 * Poisson arrivals into `station`: customer k (entity id k) arrives at the k-th event of a Poisson process of
 * rate `lambda` per ms and brings a demand drawn by `demand`. Arrival times and demands are kept per customer.
 */
export class PoissonSource implements EventHandler {
  readonly id: number;
  readonly arrival: Float64Array;
  readonly demand: Float64Array;
  sent = 0;
  station!: Station;

  constructor(
    private readonly sim: Simulator,
    private readonly rng: Rng,
    readonly lambda: number,
    readonly customers: number,
    private readonly draw: (rng: Rng) => number,
  ) {
    this.id = sim.register(this);
    this.arrival = new Float64Array(customers);
    this.demand = new Float64Array(customers);
  }

  start(): void {
    this.sim.after(expo(1 / this.lambda, this.rng.nextOpen()), this.id, 0, 0);
  }

  onEvent(): void {
    const k = this.sent++;
    const d = this.draw(this.rng);
    this.arrival[k] = this.sim.now;
    this.demand[k] = d;
    this.station.arrive(k, d);
    if (this.sent < this.customers) this.sim.after(expo(1 / this.lambda, this.rng.nextOpen()), this.id, 0, 0);
  }
}

/** Records, per entity, when it came back and how (NaN = not yet). */
export class RecordingClient implements ResourceClient {
  readonly doneAt: Float64Array;
  readonly droppedAt: Float64Array;
  readonly causes: (DropCause | undefined)[] = [];
  readonly order: number[] = [];
  done = 0;
  dropped = 0;

  constructor(private readonly sim: Simulator, size: number, private readonly keepOrder = false) {
    this.doneAt = new Float64Array(size).fill(NaN);
    this.droppedAt = new Float64Array(size).fill(NaN);
  }

  onDone(entity: number): void {
    this.doneAt[entity] = this.sim.now;
    this.done++;
    if (this.keepOrder) this.order.push(entity);
  }

  onDropped(entity: number, _resource: number, cause: DropCause): void {
    this.droppedAt[entity] = this.sim.now;
    this.causes[entity] = cause;
    this.dropped++;
    if (this.keepOrder) this.order.push(-1 - entity);
  }
}

/**
 * Batch means of a ratio estimator sum(x)/sum(w) over consecutive index ranges [from, to) split into `batches`
 * equal batches. Returns the overall ratio and its standard error estimated from the spread of the batch ratios
 * (customers in different batches are nearly independent when a batch is much longer than the correlation time).
 */
export function batchRatio(
  x: (i: number) => number,
  w: (i: number) => number,
  from: number,
  to: number,
  batches = 50,
): { mean: number; se: number } {
  const size = Math.floor((to - from) / batches);
  const ratios: number[] = [];
  let sx = 0;
  let sw = 0;
  for (let b = 0; b < batches; b++) {
    let bx = 0;
    let bw = 0;
    for (let i = from + b * size; i < from + (b + 1) * size; i++) {
      bx += x(i);
      bw += w(i);
    }
    ratios.push(bx / bw);
    sx += bx;
    sw += bw;
  }
  const mean = sx / sw;
  const avg = ratios.reduce((a, r) => a + r, 0) / batches;
  const variance = ratios.reduce((a, r) => a + (r - avg) ** 2, 0) / (batches - 1);
  return { mean, se: Math.sqrt(variance / batches) };
}
