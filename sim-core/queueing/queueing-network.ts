// The runtime of a plain queueing model: customers arrive (open) or leave their think time (closed), visit
// stations by probabilistic routing, and their time in the network is recorded. Clock and latencies in ms.

import { compileDistribution, type Sampler } from '../kernel/distributions';
import { EntityPool } from '../kernel/entity-pool';
import { createRng, type Rng } from '../kernel/prng';
import { Simulator, type EventHandler } from '../kernel/simulator';
import { CounterCheckpoints } from '../metrics/counter-checkpoints';
import { OutputAnalyzer } from '../metrics/output-analyzer';
import { TimeAverage } from '../metrics/time-average';
import type { DropCause, ResourceClient } from '../resources/drop-cause';
import { FcfsStation } from '../resources/fcfs-station';
import { InfiniteServer } from '../resources/infinite-server';
import { ProcessorSharing } from '../resources/processor-sharing';
import type { QueueingModel } from './queueing-model-schema';
import type { RunCaps } from '../run/run-limits';

const EXIT = -1;
const ARRIVAL = 0;
const THINK_DONE = 1;

type Station = FcfsStation | ProcessorSharing | InfiniteServer;

/** Counter layout in `counters`. */
export const COUNTERS = ['completed', 'sojourn_served_ms', 'sojourn_dropped_ms', 'queue_full', 'abandoned'] as const;
const C_COMPLETED = 0;
const C_SOJOURN_SERVED = 1;
const C_SOJOURN_DROPPED = 2;
const C_QUEUE_FULL = 3;
const C_ABANDONED = 4;

export class QueueingNetwork implements ResourceClient, EventHandler {
  readonly sim: Simulator;
  readonly analyzer = new OutputAnalyzer();
  readonly inSystem = new TimeAverage();
  readonly counters = new CounterCheckpoints(COUNTERS);
  readonly stations: Station[];
  readonly names: string[];
  private readonly handlerId: number;
  private readonly pool: EntityPool;
  private readonly startCol: number;
  private readonly services: Sampler[];
  private readonly serviceRngs: Rng[];
  private readonly routeTargets: Int32Array[];
  private readonly routeCumulative: Float64Array[];
  private readonly routeRng: Rng;
  private readonly arrivalRng: Rng;
  private readonly interarrival?: Sampler;
  private readonly think?: Sampler;
  private present = 0;

  /** caps: the run's memory caps (run/run-limits.ts); reaching one stops the run with 'memory_cap'. */
  constructor(readonly model: QueueingModel, seed = model.run.seed, caps?: RunCaps) {
    this.sim = new Simulator(caps?.events);
    this.pool = new EntityPool(1024, caps?.entities);
    const root = createRng(seed);
    this.arrivalRng = root.fork();
    this.routeRng = root.fork();
    this.handlerId = this.sim.register(this);
    this.startCol = this.pool.addColumn();
    this.names = model.stations.map((s) => s.name);
    const index = new Map(this.names.map((n, i) => [n, i]));
    this.stations = model.stations.map((s, i) => {
      if (s.servers === 'infinite') return new InfiniteServer(this.sim, i, this);
      if (s.discipline === 'ps') return new ProcessorSharing(this.sim, i, this, s.servers);
      return new FcfsStation(this.sim, i, this, { servers: s.servers, queueCapacity: s.queue_capacity, patienceMs: s.patience_ms });
    });
    this.services = model.stations.map((s) => compileDistribution(s.service_ms));
    this.serviceRngs = model.stations.map(() => root.fork());
    this.routeTargets = model.stations.map((s, i) => {
      const routes = s.routing ?? [{ to: i + 1 < this.names.length ? this.names[i + 1] : 'exit', p: 1 }];
      return Int32Array.from(routes, (r) => (r.to === 'exit' ? EXIT : index.get(r.to)!));
    });
    this.routeCumulative = model.stations.map((s) => {
      const routes = s.routing ?? [{ p: 1 }];
      let acc = 0;
      return Float64Array.from(routes, (r) => (acc += r.p));
    });
    const w = model.workload;
    if (w.type === 'open') {
      this.interarrival = compileDistribution(w.interarrival_ms ?? { dist: 'exponential', mean: 1000 / w.rate_per_s! });
      this.sim.after(this.interarrival.sample(this.arrivalRng), this.handlerId, -1, ARRIVAL);
    } else {
      this.think = compileDistribution(w.think_ms);
      for (let u = 0; u < w.users; u++) {
        const id = this.pool.alloc();
        this.sim.after(this.think.sample(this.arrivalRng), this.handlerId, id, THINK_DONE);
      }
    }
  }

  onEvent(entity: number, tag: number): void {
    const sim = this.sim;
    if (tag === ARRIVAL) {
      sim.after(this.interarrival!.sample(this.arrivalRng), this.handlerId, -1, ARRIVAL);
      entity = this.pool.alloc();
    }
    this.pool.columns[this.startCol][entity] = sim.now;
    this.present++;
    this.inSystem.update(sim.now, this.present);
    this.visit(entity, 0);
  }

  private visit(entity: number, station: number): void {
    this.stations[station].arrive(entity, this.services[station].sample(this.serviceRngs[station]));
  }

  onDone(entity: number, station: number): void {
    const targets = this.routeTargets[station];
    let next = targets[0];
    if (targets.length > 1) {
      const u = this.routeRng.next();
      const cum = this.routeCumulative[station];
      let k = 0;
      while (k < cum.length - 1 && u >= cum[k]) k++;
      next = targets[k];
    }
    if (next !== EXIT) {
      this.visit(entity, next);
      return;
    }
    const sim = this.sim;
    const sojourn = sim.now - this.pool.columns[this.startCol][entity];
    const v = this.counters.values;
    v[C_COMPLETED]++;
    v[C_SOJOURN_SERVED] += sojourn;
    this.leave(entity);
    if (this.analyzer.record(sojourn, sim.now)) this.checkpoint();
  }

  onDropped(entity: number, _station: number, cause: DropCause): void {
    const v = this.counters.values;
    v[cause === 'queue_full' ? C_QUEUE_FULL : C_ABANDONED]++;
    v[C_SOJOURN_DROPPED] += this.sim.now - this.pool.columns[this.startCol][entity];
    this.leave(entity);
  }

  private leave(entity: number): void {
    const sim = this.sim;
    this.present--;
    this.inSystem.update(sim.now, this.present);
    if (this.think) sim.after(this.think.sample(this.arrivalRng), this.handlerId, entity, THINK_DONE);
    else this.pool.release(entity);
  }

  /** A new output segment opened: snapshot every time average and counter at this instant. */
  private checkpoint(): void {
    const now = this.sim.now;
    this.inSystem.checkpoint(now);
    this.counters.checkpoint(now);
    for (const s of this.stations) {
      if (s instanceof FcfsStation) {
        s.busyLevel.checkpoint(now);
        s.queueLevel.checkpoint(now);
      } else if (s instanceof ProcessorSharing) {
        s.busyLevel.checkpoint(now);
        s.jobLevel.checkpoint(now);
      } else {
        s.presentLevel.checkpoint(now);
      }
    }
  }
}
