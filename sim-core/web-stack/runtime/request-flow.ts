// The request state machine: the component flows (edge, worker, Redis, database, Celery) over one shared
// context, and the dispatch of every timer and resource callback to the flow whose step the attempt is in.
// A stale request (its worker process was killed) unwinds at its next callback.

import type { DropCause } from '../../resources/drop-cause';
import type { Rng } from '../../kernel/prng';
import type { EventHandler, Simulator } from '../../kernel/simulator';
import type { CounterCheckpoints } from '../../metrics/counter-checkpoints';
import type { WebStackScenario } from '../schema';
import * as A from './attempts';
import type { Attempts } from './attempts';
import { CeleryFlow } from './celery-flow';
import type { AttemptSink, Client } from './client';
import { CAUSE_CLIENT_TIMEOUT, CAUSE_PGB_WAIT, CAUSE_POOL_TIMEOUT, CAUSE_PROXY_TIMEOUT } from './counters';
import { DbFlow } from './db-flow';
import * as R from './dispatch';
import { EdgeFlow } from './edge-flow';
import { FlowContext, T_PROXY, T_STEP, T_WORKER } from './flow-context';
import { RedisFlow } from './redis-flow';
import type { StackParts } from './stack-parts';
import { WorkerFlow } from './worker-flow';

export class RequestFlow implements EventHandler, R.ResourceSink, AttemptSink {
  checkpointHook: () => void = () => {};
  readonly x: FlowContext;
  private readonly edge: EdgeFlow;
  private readonly worker: WorkerFlow;
  private readonly redis: RedisFlow;
  private readonly db: DbFlow;
  private readonly celery: CeleryFlow;

  constructor(sim: Simulator, s: WebStackScenario, at: Attempts, parts: StackParts, rng: Rng, counters: CounterCheckpoints) {
    const x = (this.x = new FlowContext(sim, s, at, parts, rng, counters));
    x.handlerId = sim.register(this);
    this.edge = new EdgeFlow(x);
    this.redis = new RedisFlow(x);
    this.db = new DbFlow(x);
    this.celery = new CeleryFlow(x);
    this.worker = new WorkerFlow(x, { redis: this.redis, db: this.db, celery: this.celery, respond: (e) => this.edge.respond(e) });
    x.worker = this.worker;
  }

  set client(c: Client) {
    this.x.client = c;
  }

  checkpoint(): void {
    this.checkpointHook();
  }

  startAttempt(e: number): void {
    this.edge.start(e);
  }

  clientTimeout(e: number): void {
    this.x.answer(e, CAUSE_CLIENT_TIMEOUT);
  }

  onEvent(e: number, tag: number): void {
    const x = this.x;
    const at = x.at;
    if (tag === T_STEP) {
      const step = at.c[at.STEP][e];
      if (step === A.S_CDN) return this.edge.edgeDone(e);
      if (x.stale(e)) return x.unwind(e);
      if (step === A.S_IO) return this.worker.dataWork(e);
      if (step === A.S_REDIS_RTT) return this.redis.rttDone(e);
      return this.db.rttDone(e);
    }
    if (tag === T_PROXY) {
      at.c[at.PROXY_SLOT][e] = -1;
      return x.answer(e, CAUSE_PROXY_TIMEOUT);
    }
    if (tag === T_WORKER) return this.worker.workerTimeout(e);
    // T_RESTART: entity is the process.
    this.worker.restarted(e);
  }

  onResourceDone(kind: number, e: number): void {
    const at = this.x.at;
    switch (kind) {
      case R.R_CPU: {
        const step = at.c[at.STEP][e];
        if (step === A.S_CPU1 || step === A.S_CPU2) return this.worker.burstDone(e);
        if (step === A.S_DB_CPU) return this.db.cpuDone(e);
        if (step === A.S_NGX_CPU) return this.edge.nginxCpuDone(e);
        if (step === A.S_TASK_CPU) return this.celery.done(e);
        throw new Error(`CPU completion in step ${step}`);
      }
      case R.R_DISK:
        if (at.c[at.STEP][e] === A.S_STATIC_DISK) return this.edge.staticRead(e);
        return this.db.diskNext(e);
      case R.R_NIC:
        return this.edge.sent(e);
      case R.R_GIL:
        return this.worker.runBurst(e);
      case R.R_POOL:
        return this.db.poolGranted(e);
      case R.R_PGB:
        return this.db.pgbGranted(e);
      case R.R_TICKET:
        return this.db.ticketGranted(e);
      case R.R_REDIS_CONN:
        return this.redis.connected(e);
      case R.R_REDIS_SHARD:
        return this.redis.done(e);
      case R.R_CELERY:
        return this.celery.run(e);
    }
  }

  onResourceDropped(kind: number, e: number, _index: number, _cause: DropCause): void {
    const x = this.x;
    if (x.stale(e)) return x.unwind(e);
    x.failInApp(e, kind === R.R_PGB ? CAUSE_PGB_WAIT : CAUSE_POOL_TIMEOUT);
  }
}
