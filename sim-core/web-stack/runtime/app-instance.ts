// The application tier: instances (one listen socket each) × worker processes × slots per process.
// Slots: sync 1, gthread `threads`, gevent `worker_connections`, uvicorn unbounded unless --limit-concurrency.
// A request takes a free slot in the least-loaded live process of its instance; if none is free it waits in the
// instance's listen backlog (FIFO, `backlog` long; full ⇒ refused). Uvicorn accepts every connection and
// answers 503 over --limit-concurrency instead of leaving it in the backlog.
// A killed process (gunicorn timeout) drops every request it was running and serves again after restart_s.
// In-flight requests of a process form an intrusive doubly-linked list through the attempt columns.

import { slotsPerWorker } from '../derived/app-slots';
import type { Simulator } from '../../kernel/simulator';
import { TimeAverage } from '../../metrics/time-average';
import { WaitingLine } from '../../resources/waiting-line';
import type { AppServerSpec } from '../schema';
import type { Attempts } from './attempts';
import type { Host } from './host';

export const ADMIT_BACKLOG = -1;
export const ADMIT_BACKLOG_FULL = -2;
export const ADMIT_LIMIT_CONCURRENCY = -3;

export class AppTier {
  readonly instances: number;
  readonly workers: number;
  readonly processes: number;
  readonly slots: number;
  readonly inflight: Int32Array;
  readonly epoch: Int32Array;
  readonly down: Uint8Array;
  private readonly head: Int32Array;
  readonly backlogs: WaitingLine[];
  /** Requests per instance: in a slot or in the backlog (least_conn counts these). */
  readonly active: Int32Array;
  readonly activeLevel: TimeAverage[];
  readonly busyLevel: TimeAverage[];
  readonly backlogLevel: TimeAverage[];
  readonly hosts: Host[];
  readonly uvicorn: boolean;
  readonly killTimerPerRequest: boolean;
  kills = 0;
  private readonly instBusy: Int32Array;
  private rr = 0;

  constructor(private readonly sim: Simulator, readonly spec: AppServerSpec, hostOf: (name: string) => Host, private readonly at: Attempts) {
    this.instances = spec.instances.length;
    this.workers = spec.workers;
    this.processes = this.instances * this.workers;
    this.uvicorn = spec.worker_class === 'uvicorn';
    this.slots = slotsPerWorker(spec);
    this.killTimerPerRequest = (spec.worker_class === 'sync' || spec.worker_class === 'gthread') && spec.timeout > 0;
    this.inflight = new Int32Array(this.processes);
    this.epoch = new Int32Array(this.processes);
    this.down = new Uint8Array(this.processes);
    this.head = new Int32Array(this.processes).fill(-1);
    this.backlogs = spec.instances.map(() => new WaitingLine(this.uvicorn ? 0 : spec.backlog));
    this.active = new Int32Array(this.instances);
    this.instBusy = new Int32Array(this.instances);
    this.activeLevel = spec.instances.map(() => new TimeAverage());
    this.busyLevel = spec.instances.map(() => new TimeAverage());
    this.backlogLevel = spec.instances.map(() => new TimeAverage());
    this.hosts = spec.instances.map((i) => hostOf(i.host));
  }

  instanceOf(p: number): number {
    return (p / this.workers) | 0;
  }

  /** Upstream choice: round robin, or the instance with the fewest active requests (ties: lowest index). */
  choose(leastConn: boolean): number {
    if (this.instances === 1) return 0;
    if (!leastConn) {
      const i = this.rr;
      this.rr = (this.rr + 1) % this.instances;
      return i;
    }
    let best = 0;
    for (let i = 1; i < this.instances; i++) if (this.active[i] < this.active[best]) best = i;
    return best;
  }

  /** A process index ≥ 0 (the request now holds a slot there), or one of the ADMIT_* codes. */
  admit(e: number, inst: number): number {
    const first = inst * this.workers;
    let best = -1;
    for (let p = first; p < first + this.workers; p++) {
      if (this.down[p]) continue;
      if (best < 0 || this.inflight[p] < this.inflight[best]) best = p;
    }
    if (best >= 0 && this.inflight[best] < this.slots) {
      this.enter(e, best);
      this.changeActive(inst, 1);
      return best;
    }
    if (this.uvicorn) return best >= 0 ? ADMIT_LIMIT_CONCURRENCY : ADMIT_BACKLOG_FULL;
    const line = this.backlogs[inst];
    if (line.isFull) return ADMIT_BACKLOG_FULL;
    line.push(e, 0);
    this.backlogLevel[inst].update(this.sim.now, line.length);
    this.changeActive(inst, 1);
    return ADMIT_BACKLOG;
  }

  private enter(e: number, p: number): void {
    const c = this.at.c;
    c[this.at.PROC][e] = p;
    c[this.at.EPOCH][e] = this.epoch[p];
    const h = this.head[p];
    c[this.at.PREV][e] = -1;
    c[this.at.NEXT][e] = h;
    if (h >= 0) c[this.at.PREV][h] = e;
    this.head[p] = e;
    this.inflight[p]++;
    const inst = this.instanceOf(p);
    this.instBusy[inst]++;
    this.busyLevel[inst].update(this.sim.now, this.busyCount(inst));
  }

  private busyCount(inst: number): number {
    return this.instBusy[inst];
  }

  private changeActive(inst: number, d: number): void {
    this.active[inst] += d;
    this.activeLevel[inst].update(this.sim.now, this.active[inst]);
  }

  /** True when e still runs in a live incarnation of its process (not killed since it entered). */
  isCurrent(e: number): boolean {
    const p = this.at.c[this.at.PROC][e];
    return p >= 0 && this.at.c[this.at.EPOCH][e] === this.epoch[p];
  }

  /**
   * Request e leaves its slot. Returns a request taken from the backlog into process p (the caller starts it),
   * or −1.
   */
  leave(e: number): number {
    const c = this.at.c;
    const p = c[this.at.PROC][e];
    const prev = c[this.at.PREV][e];
    const next = c[this.at.NEXT][e];
    if (prev >= 0) c[this.at.NEXT][prev] = next;
    else this.head[p] = next;
    if (next >= 0) c[this.at.PREV][next] = prev;
    this.inflight[p]--;
    const inst = this.instanceOf(p);
    this.instBusy[inst]--;
    this.changeActive(inst, -1);
    this.busyLevel[inst].update(this.sim.now, this.busyCount(inst));
    return this.pull(p);
  }

  /** Fill a free slot of process p from its instance's backlog; the request taken, or −1. */
  pull(p: number): number {
    if (this.down[p] || this.inflight[p] >= this.slots) return -1;
    const inst = this.instanceOf(p);
    const line = this.backlogs[inst];
    const e = line.shift();
    if (e < 0) return -1;
    this.backlogLevel[inst].update(this.sim.now, line.length);
    this.enter(e, p);
    return e;
  }

  /** Kill process p: returns its in-flight requests (now stale: their epoch no longer matches). */
  kill(p: number, out: number[]): void {
    this.kills++;
    out.length = 0;
    const c = this.at.c;
    for (let e = this.head[p]; e >= 0; e = c[this.at.NEXT][e]) out.push(e);
    this.head[p] = -1;
    const inst = this.instanceOf(p);
    this.changeActive(inst, -this.inflight[p]);
    this.instBusy[inst] -= this.inflight[p];
    this.inflight[p] = 0;
    this.busyLevel[inst].update(this.sim.now, this.busyCount(inst));
    this.epoch[p]++;
    this.down[p] = 1;
  }

  restart(p: number): void {
    this.down[p] = 0;
  }

  levels(): TimeAverage[] {
    return [...this.activeLevel, ...this.busyLevel, ...this.backlogLevel];
  }
}
