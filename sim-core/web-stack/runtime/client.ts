// The clients. Closed: N users, each thinks, sends one user request, and thinks again after its final outcome.
// Open: user requests arrive as a Poisson process, or bursty as a two-state MMPP with the same mean rate
// (high = factor × low; time shares on_s/(on_s+off_s), exponential sojourns). Each user request picks a class
// by share. With workload.retries, every attempt has a client timeout; after a timeout or an error the client
// retries after backoff_ms, up to max_retries times — the abandoned attempt keeps the servers busy until it
// ends, which is how a retry storm builds. Response time = first attempt's start → final success (+ network
// round trips that are not queues); failed user requests are counted, not timed.

import type { Sampler } from '../../kernel/distributions';
import type { Rng } from '../../kernel/prng';
import type { EventHandler, Simulator } from '../../kernel/simulator';
import type { CounterCheckpoints } from '../../metrics/counter-checkpoints';
import type { OutputAnalyzer } from '../../metrics/output-analyzer';
import { TimeAverage } from '../../metrics/time-average';
import type { WorkloadSpec } from '../schema';
import type { Attempts, UserRequests } from './attempts';
import { classCounterBase, K_ATTEMPTS_FAILED, K_ATTEMPTS_OK, K_COMPLETED, K_SOJOURN_DROPPED, K_SOJOURN_SERVED, K_USER_FAILED } from './counters';
import type { EffectiveLoad } from './load';

const T_ARRIVAL = 0;
const T_SWITCH = 1;
const T_THINK = 2;
const T_RETRY = 3;
const T_TIMEOUT = 4;

export interface AttemptSink {
  /** A new attempt entity is ready (UREQ, CLS, T0 set): send it into the stack. */
  startAttempt(e: number): void;
  /** The client gave up on attempt e (its timeout). */
  clientTimeout(e: number): void;
  /** A latency observation opened a new output segment: checkpoint every level now. */
  checkpoint(): void;
}

export class Client implements EventHandler {
  readonly handlerId: number;
  readonly inSystem = new TimeAverage();
  private present = 0;
  private readonly cumShares: Float64Array;
  private readonly closed: boolean;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly backoffMs: number;
  // Open arrivals (MMPP when bursty).
  private rateLow = 0;
  private rateHigh = 0;
  private high = false;
  private meanOnMs = 0;
  private meanOffMs = 0;
  private arrivalSlot = -1;
  private readonly clients: number;

  constructor(
    private readonly sim: Simulator,
    private readonly sink: AttemptSink,
    private readonly at: Attempts,
    private readonly ur: UserRequests,
    readonly load: EffectiveLoad,
    private readonly workload: WorkloadSpec,
    private readonly think: Sampler | undefined,
    private readonly rng: Rng,
    private readonly analyzer: OutputAnalyzer,
    private readonly classAnalyzers: OutputAnalyzer[],
    private readonly counters: CounterCheckpoints,
  ) {
    this.handlerId = sim.register(this);
    let acc = 0;
    this.cumShares = Float64Array.from(workload.classes, (c) => (acc += c.share));
    this.closed = load.type === 'closed';
    const r = workload.retries;
    this.timeoutMs = r ? r.client_timeout_s * 1000 : Infinity;
    this.maxRetries = r ? r.max_retries : 0;
    this.backoffMs = r ? r.backoff_ms : 0;
    const l = workload.load;
    this.clients = load.clients ?? 1;
    if (!this.closed) {
      const rate = load.rate_per_s! / 1000;
      if (l.type === 'open' && l.burst) {
        const p = l.burst.on_s / (l.burst.on_s + l.burst.off_s);
        this.rateLow = rate / (1 - p + l.burst.factor * p);
        this.rateHigh = l.burst.factor * this.rateLow;
        this.meanOnMs = l.burst.on_s * 1000;
        this.meanOffMs = l.burst.off_s * 1000;
      } else {
        this.rateLow = this.rateHigh = rate;
      }
    }
  }

  start(): void {
    const sim = this.sim;
    if (this.closed) {
      const n = this.load.users!;
      for (let u = 0; u < n; u++) {
        const id = this.ur.pool.alloc();
        sim.after(this.think!.sample(this.rng), this.handlerId, id, T_THINK);
      }
      return;
    }
    if (this.meanOffMs > 0) {
      this.high = this.rng.next() < this.meanOnMs / (this.meanOnMs + this.meanOffMs);
      sim.after(this.exp(this.high ? this.meanOnMs : this.meanOffMs), this.handlerId, -1, T_SWITCH);
    }
    this.scheduleArrival();
  }

  private exp(mean: number): number {
    return -mean * Math.log(this.rng.nextOpen());
  }

  private scheduleArrival(): void {
    const rate = this.high ? this.rateHigh : this.rateLow;
    this.arrivalSlot = this.sim.after(this.exp(1 / rate), this.handlerId, -1, T_ARRIVAL);
  }

  onEvent(entity: number, tag: number): void {
    switch (tag) {
      case T_ARRIVAL: {
        this.arrivalSlot = -1;
        this.scheduleArrival();
        const u = this.ur.pool.alloc();
        this.ur.c[this.ur.KEY][u] = this.clients > 1 ? this.rng.nextInt(this.clients) : 0;
        this.startUser(u);
        return;
      }
      case T_SWITCH:
        // Memoryless: the pending arrival can be redrawn at the new rate.
        this.high = !this.high;
        this.sim.after(this.exp(this.high ? this.meanOnMs : this.meanOffMs), this.handlerId, -1, T_SWITCH);
        if (this.arrivalSlot >= 0) this.sim.cancel(this.arrivalSlot);
        this.scheduleArrival();
        return;
      case T_THINK:
        this.ur.c[this.ur.KEY][entity] = entity;
        this.startUser(entity);
        return;
      case T_RETRY:
        this.newAttempt(entity);
        return;
      case T_TIMEOUT:
        this.at.c[this.at.CLIENT_SLOT][entity] = -1;
        this.sink.clientTimeout(entity);
        return;
    }
  }

  private startUser(u: number): void {
    const c = this.ur.c;
    c[this.ur.FIRST][u] = this.sim.now;
    c[this.ur.ATTEMPTS][u] = 0;
    const x = this.rng.next();
    const cum = this.cumShares;
    let k = 0;
    while (k < cum.length - 1 && x >= cum[k]) k++;
    c[this.ur.CLS][u] = k;
    this.present++;
    this.inSystem.update(this.sim.now, this.present);
    this.newAttempt(u);
  }

  private newAttempt(u: number): void {
    const uc = this.ur.c;
    uc[this.ur.ATTEMPTS][u]++;
    const e = this.at.alloc();
    const c = this.at.c;
    c[this.at.UREQ][e] = u;
    c[this.at.CLS][e] = uc[this.ur.CLS][u];
    c[this.at.T0][e] = this.sim.now;
    if (this.timeoutMs < Infinity) c[this.at.CLIENT_SLOT][e] = this.sim.after(this.timeoutMs, this.handlerId, e, T_TIMEOUT);
    this.sink.startAttempt(e);
  }

  /** Client key of attempt e for per-client limits (closed: the user; open: one of `clients`). */
  keyOf(e: number): number {
    return this.ur.c[this.ur.KEY][this.at.c[this.at.UREQ][e]];
  }

  /** Attempt e got its outcome: success (cause < 0) or an error counter index. extraMs: non-queue latency. */
  outcome(e: number, cause: number, extraMs: number): void {
    const sim = this.sim;
    const v = this.counters.values;
    const u = this.at.c[this.at.UREQ][e];
    const uc = this.ur.c;
    const cls = uc[this.ur.CLS][u];
    const first = uc[this.ur.FIRST][u];
    if (cause < 0) {
      v[K_ATTEMPTS_OK]++;
      v[K_COMPLETED]++;
      v[classCounterBase() + 2 * cls]++;
      v[K_SOJOURN_SERVED] += sim.now - first;
      const latency = sim.now - first + extraMs;
      this.classAnalyzers[cls].record(latency, sim.now);
      this.endUser(u);
      if (this.analyzer.record(latency, sim.now)) this.sink.checkpoint();
      return;
    }
    v[K_ATTEMPTS_FAILED]++;
    v[cause]++;
    if (uc[this.ur.ATTEMPTS][u] <= this.maxRetries) {
      sim.after(this.backoffMs, this.handlerId, u, T_RETRY);
      return;
    }
    v[K_USER_FAILED]++;
    v[classCounterBase() + 2 * cls + 1]++;
    v[K_SOJOURN_DROPPED] += sim.now - first;
    this.endUser(u);
  }

  private endUser(u: number): void {
    this.present--;
    this.inSystem.update(this.sim.now, this.present);
    if (this.closed) this.sim.after(this.think!.sample(this.rng), this.handlerId, u, T_THINK);
    else this.ur.pool.release(u);
  }
}
