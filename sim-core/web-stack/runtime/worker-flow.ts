// What a request does inside a worker process: Python CPU before its data work (the process's GIL, then the
// host's cores), io_wait, its Redis commands and database queries (redis-flow, db-flow), Celery enqueues,
// Python CPU after, then the response. Also Gunicorn's side of a worker: the timeout that kills it (per request
// for sync/gthread, a CPU burst that starves the heartbeat for gevent/uvicorn) and its restart. All Redis
// commands of a request run before its queries (real code interleaves them; the resources they load are the same).

import { GRANTED } from '../../resources/semaphore';
import * as A from './attempts';
import type { CeleryFlow } from './celery-flow';
import { CAUSE_WORKER_TIMEOUT, K_CACHE_GETS, K_CACHE_HITS } from './counters';
import type { DbFlow } from './db-flow';
import { T_RESTART, T_STEP, T_WORKER, type FlowContext, type WorkerEntry } from './flow-context';
import type { RedisFlow } from './redis-flow';

export interface WorkerPeers {
  redis: RedisFlow;
  db: DbFlow;
  celery: CeleryFlow;
  /** The response is ready in the app: send it. */
  respond: (e: number) => void;
}

export class WorkerFlow implements WorkerEntry {
  /** gevent/uvicorn: a CPU burst (GIL held, heartbeat starved) longer than this kills the worker; ms. */
  private burstTimeoutMs = Infinity;
  private workerTimeoutMs = Infinity;
  private restartMs = 1000;

  constructor(private readonly x: FlowContext, private readonly peers: WorkerPeers) {
    const a = x.s.app;
    if (a.timeout > 0) {
      this.workerTimeoutMs = a.timeout * 1000;
      if (!x.parts.app.killTimerPerRequest) this.burstTimeoutMs = a.timeout * 1000;
    }
    this.restartMs = a.restart_s * 1000;
  }

  /** e has just taken a worker slot: draw its demands and start its first CPU burst. */
  startInProc(e: number): void {
    const x = this.x;
    const at = x.at;
    const t = x.parts.tables;
    const cls = at.c[at.CLS][e];
    at.set(e, A.F_ADMITTED);
    if (this.workerTimeoutMs < Infinity && x.parts.app.killTimerPerRequest) {
      at.c[at.WT_SLOT][e] = x.sim.after(this.workerTimeoutMs, x.handlerId, e, T_WORKER);
    }
    const cpu = t.appCpu[cls];
    at.c[at.CPU2][e] = cpu ? cpu.sample(x.rng) / 2 : 0;
    // Cacheable queries: a GET each; a miss runs the query and SETs the result.
    const cacheable = x.count(t.cacheableQ[cls]);
    let misses = 0;
    const hit = t.cacheHit[cls];
    for (let k = 0; k < cacheable; k++) if (!(x.rng.next() < hit)) misses++;
    const v = x.counters.values;
    v[K_CACHE_GETS] += cacheable;
    v[K_CACHE_HITS] += cacheable - misses;
    const tasks = x.count(t.tasks[cls]);
    at.c[at.NTASKS][e] = tasks;
    at.c[at.NREDIS][e] = x.count(t.redisCmds[cls]) + cacheable + misses + tasks;
    at.c[at.NDB][e] = x.count(t.directQ[cls]) + misses;
    this.burst(e, A.S_GIL1);
  }

  private burst(e: number, gilStep: number): void {
    const at = this.x.at;
    if (!(at.c[at.CPU2][e] > 0)) {
      if (gilStep === A.S_GIL1) this.afterBurst1(e);
      else this.finish(e);
      return;
    }
    at.c[at.STEP][e] = gilStep;
    if (this.x.parts.gils.sems[at.c[at.PROC][e]].acquire(e) === GRANTED) this.runBurst(e);
  }

  /** The GIL is e's: run the burst on the host's cores. */
  runBurst(e: number): void {
    const x = this.x;
    const at = x.at;
    at.set(e, A.F_GIL);
    if (x.stale(e)) return x.unwind(e);
    const c = at.c;
    c[at.STEP][e] = c[at.STEP][e] === A.S_GIL1 ? A.S_CPU1 : A.S_CPU2;
    c[at.BURST_START][e] = x.sim.now;
    const host = x.parts.app.hosts[c[at.INST][e]];
    c[at.HANDLE][e] = host.cpu.arrive(e, c[at.CPU2][e]);
  }

  burstDone(e: number): void {
    const x = this.x;
    const at = x.at;
    const c = at.c;
    c[at.HANDLE][e] = -1;
    const proc = c[at.PROC][e];
    at.clear(e, A.F_GIL);
    x.parts.gils.sems[proc].release();
    if (x.stale(e)) return x.unwind(e);
    if (x.sim.now - c[at.BURST_START][e] > this.burstTimeoutMs) return this.kill(proc);
    if (c[at.STEP][e] === A.S_CPU1) this.afterBurst1(e);
    else this.finish(e);
  }

  private afterBurst1(e: number): void {
    const x = this.x;
    const at = x.at;
    const io = x.parts.tables.ioWait[at.c[at.CLS][e]];
    const d = io ? io.sample(x.rng) : 0;
    if (d > 0) {
      at.c[at.STEP][e] = A.S_IO;
      x.sim.after(d, x.handlerId, e, T_STEP);
      return;
    }
    this.dataWork(e);
  }

  /** The next piece of data work (Redis first, then the queries, then the Celery enqueues), else the second burst. */
  dataWork(e: number): void {
    const at = this.x.at;
    const c = at.c;
    if (c[at.NREDIS][e] > 0) return this.peers.redis.start(e);
    if (c[at.NDB][e] > 0) return this.peers.db.query(e);
    const tasks = c[at.NTASKS][e];
    if (tasks > 0) {
      c[at.NTASKS][e] = 0;
      this.peers.celery.enqueue(c[at.CLS][e], tasks);
    }
    this.burst(e, A.S_GIL2);
  }

  /** The app has the response: free the slot (a backlog request takes it) and send the bytes. */
  private finish(e: number): void {
    const next = this.x.leaveApp(e);
    this.peers.respond(e);
    if (next >= 0) this.startInProc(next);
  }

  /** Gunicorn's worker timeout fired for e's request (sync/gthread). */
  workerTimeout(e: number): void {
    const at = this.x.at;
    at.c[at.WT_SLOT][e] = -1;
    if (!this.x.stale(e)) this.kill(at.c[at.PROC][e]);
  }

  /** Gunicorn kills process p: its requests fail, its connections close, it serves again after restart_s. */
  private kill(p: number): void {
    const x = this.x;
    const parts = x.parts;
    const list = x.scratch;
    parts.app.kill(p, list);
    const at = x.at;
    for (const e of list) {
      x.cancelWorkerTimer(e);
      x.answer(e, CAUSE_WORKER_TIMEOUT);
    }
    if (parts.pools) {
      const n = parts.pools.closeAll(p);
      if (parts.db!.isMongo) parts.db!.close(n);
      else x.physClose(n);
    }
    if (parts.django) x.physClose(parts.django.closeAll(p));
    parts.redis?.closeAll(p);
    const host = parts.app.hosts[parts.app.instanceOf(p)];
    for (const e of list.slice()) {
      const step = at.c[at.STEP][e];
      if (step !== A.S_CPU1 && step !== A.S_CPU2) continue;
      const h = at.c[at.HANDLE][e];
      if (h >= 0) host.cpu.remove(h);
      at.c[at.HANDLE][e] = -1;
      x.unwind(e);
    }
    x.sim.after(this.restartMs, x.handlerId, p, T_RESTART);
  }

  /** Process p is back after its restart: it takes the requests waiting in its backlog. */
  restarted(p: number): void {
    const app = this.x.parts.app;
    app.restart(p);
    for (let next = app.pull(p); next >= 0; next = app.pull(p)) this.startInProc(next);
  }
}
