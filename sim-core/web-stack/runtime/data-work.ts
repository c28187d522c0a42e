// What a request does inside a worker process: Python CPU before its data work (GIL + host CPU), io_wait,
// Redis commands, database queries (pool checkout, PgBouncer, round trip, DB CPU, disk reads on buffer
// misses), Celery enqueues, Python CPU after, then the response. All Redis commands of a request run before its
// queries (real code interleaves them; the resources they load are the same).

import { GRANTED } from '../../resources/semaphore';
import * as A from './attempts';
import { CAUSE_MAX_CONNS, CAUSE_REDIS_CLIENTS, K_CACHE_GETS, K_CACHE_HITS, K_CELERY_DONE, K_DB_QUERIES, K_REDIS_CMDS } from './counters';
import { FlowBase, T_STEP, T_WORKER } from './flow-base';

export abstract class DataWork extends FlowBase {
  /** gevent/uvicorn: a CPU burst (GIL held, heartbeat starved) longer than this kills the worker; ms. */
  protected burstTimeoutMs = Infinity;
  protected workerTimeoutMs = Infinity;

  protected abstract respond(e: number): void;
  protected abstract kill(p: number): void;

  /** e has just taken a worker slot: draw its demands and start its first CPU burst. */
  protected startInProc(e: number): void {
    const at = this.at;
    const t = this.parts.tables;
    const cls = at.c[at.CLS][e];
    at.set(e, A.F_ADMITTED);
    if (this.workerTimeoutMs < Infinity && this.parts.app.killTimerPerRequest) {
      at.c[at.WT_SLOT][e] = this.sim.after(this.workerTimeoutMs, this.handlerId, e, T_WORKER);
    }
    const cpu = t.appCpu[cls];
    at.c[at.CPU2][e] = cpu ? cpu.sample(this.rng) / 2 : 0;
    // Cacheable queries: a GET each; a miss runs the query and SETs the result.
    const cacheable = this.count(t.cacheableQ[cls]);
    let misses = 0;
    const hit = t.cacheHit[cls];
    for (let k = 0; k < cacheable; k++) if (!(this.rng.next() < hit)) misses++;
    const v = this.counters.values;
    v[K_CACHE_GETS] += cacheable;
    v[K_CACHE_HITS] += cacheable - misses;
    const tasks = this.count(t.tasks[cls]);
    at.c[at.NTASKS][e] = tasks;
    at.c[at.NREDIS][e] = this.count(t.redisCmds[cls]) + cacheable + misses + tasks;
    at.c[at.NDB][e] = this.count(t.directQ[cls]) + misses;
    this.burst(e, A.S_GIL1);
  }

  private burst(e: number, gilStep: number): void {
    const at = this.at;
    if (!(at.c[at.CPU2][e] > 0)) {
      if (gilStep === A.S_GIL1) this.afterBurst1(e);
      else this.finishServer(e);
      return;
    }
    at.c[at.STEP][e] = gilStep;
    if (this.parts.gils.sems[at.c[at.PROC][e]].acquire(e) === GRANTED) this.runBurst(e);
  }

  /** The GIL is e's: run the burst on the host's cores. */
  protected runBurst(e: number): void {
    const at = this.at;
    at.set(e, A.F_GIL);
    if (this.stale(e)) return this.unwind(e);
    const c = at.c;
    c[at.STEP][e] = c[at.STEP][e] === A.S_GIL1 ? A.S_CPU1 : A.S_CPU2;
    c[at.BURST_START][e] = this.sim.now;
    const host = this.parts.app.hosts[c[at.INST][e]];
    c[at.HANDLE][e] = host.cpu.arrive(e, c[at.CPU2][e]);
  }

  protected burstDone(e: number): void {
    const at = this.at;
    const c = at.c;
    c[at.HANDLE][e] = -1;
    const proc = c[at.PROC][e];
    at.clear(e, A.F_GIL);
    this.parts.gils.sems[proc].release();
    if (this.stale(e)) return this.unwind(e);
    if (this.sim.now - c[at.BURST_START][e] > this.burstTimeoutMs) return this.kill(proc);
    if (c[at.STEP][e] === A.S_CPU1) this.afterBurst1(e);
    else this.finishServer(e);
  }

  private afterBurst1(e: number): void {
    const at = this.at;
    const io = this.parts.tables.ioWait[at.c[at.CLS][e]];
    const d = io ? io.sample(this.rng) : 0;
    if (d > 0) {
      at.c[at.STEP][e] = A.S_IO;
      this.sim.after(d, this.handlerId, e, T_STEP);
      return;
    }
    this.dataWork(e);
  }

  protected dataWork(e: number): void {
    const at = this.at;
    const c = at.c;
    if (c[at.NREDIS][e] > 0) {
      c[at.STEP][e] = A.S_REDIS_CONN;
      if (this.parts.redis!.conns[c[at.PROC][e]].acquire(e) === GRANTED) this.redisConnected(e);
      return;
    }
    if (c[at.NDB][e] > 0) return this.dbQuery(e);
    const tasks = c[at.NTASKS][e];
    if (tasks > 0) {
      c[at.NTASKS][e] = 0;
      this.enqueueTasks(c[at.CLS][e], tasks);
    }
    this.burst(e, A.S_GIL2);
  }

  protected redisConnected(e: number): void {
    const at = this.at;
    at.set(e, A.F_REDIS);
    if (this.stale(e)) return this.unwind(e);
    const c = at.c;
    if (!this.parts.redis!.connect(c[at.PROC][e])) return this.failInApp(e, CAUSE_REDIS_CLIENTS);
    c[at.STEP][e] = A.S_REDIS_RTT;
    this.sim.after(this.parts.rttRedis[c[at.INST][e]], this.handlerId, e, T_STEP);
  }

  protected redisRttDone(e: number): void {
    const at = this.at;
    at.c[at.STEP][e] = A.S_REDIS_CMD;
    const r = this.parts.redis!;
    const shard = r.shards.length > 1 ? this.rng.nextInt(r.shards.length) : 0;
    r.shards[shard].arrive(e, r.spec.command_ms);
  }

  protected redisDone(e: number): void {
    const at = this.at;
    const c = at.c;
    this.counters.values[K_REDIS_CMDS]++;
    at.clear(e, A.F_REDIS);
    this.parts.redis!.conns[c[at.PROC][e]].release();
    if (this.stale(e)) return this.unwind(e);
    c[at.NREDIS][e]--;
    this.dataWork(e);
  }

  /** Next query: get a connection as the framework does, then PgBouncer's server connection, then go. */
  private dbQuery(e: number): void {
    const at = this.at;
    const parts = this.parts;
    const c = at.c;
    const proc = c[at.PROC][e];
    if (parts.pools) {
      if (!at.has(e, A.F_POOL)) {
        c[at.STEP][e] = A.S_POOL;
        if (parts.pools.sems[proc].acquire(e) === GRANTED) this.poolGranted(e);
        return;
      }
    } else if (!at.has(e, A.F_DJ)) {
      if (parts.django) {
        if (parts.django.take(proc)) {
          const cause = this.physOpen(e);
          if (cause >= 0) {
            parts.django.untake(proc);
            return this.failInApp(e, cause);
          }
          parts.django.opened(proc);
        }
        at.set(e, A.F_DJ);
      } else {
        // Django CONN_MAX_AGE 0 (or no ORM pool): a connection of its own for this request.
        const cause = this.physOpen(e);
        if (cause >= 0) return this.failInApp(e, cause);
        at.set(e, A.F_DJ | A.F_OWNCONN);
      }
    }
    this.connected(e);
  }

  protected poolGranted(e: number): void {
    const at = this.at;
    const parts = this.parts;
    at.set(e, A.F_POOL);
    if (this.stale(e)) return this.unwind(e);
    const proc = at.c[at.PROC][e];
    const pools = parts.pools!;
    if (pools.needsNew(proc)) {
      const cause = parts.db!.isMongo ? (parts.db!.open() ? -1 : CAUSE_MAX_CONNS) : this.physOpen(e);
      if (cause >= 0) return this.failInApp(e, cause);
      pools.open[proc]++;
    }
    this.connected(e);
  }

  private connected(e: number): void {
    const at = this.at;
    const pgb = this.parts.pgb;
    if (pgb && !at.has(e, A.F_PGB)) {
      at.c[at.STEP][e] = A.S_PGB;
      if (pgb.servers.acquire(e) === GRANTED) this.pgbGranted(e);
      return;
    }
    this.sendQuery(e);
  }

  protected pgbGranted(e: number): void {
    const at = this.at;
    const pgb = this.parts.pgb!;
    at.set(e, A.F_PGB);
    if (this.stale(e)) return this.unwind(e);
    if (pgb.servers.inUse > pgb.opened) {
      if (!this.parts.db!.open()) return this.failInApp(e, CAUSE_MAX_CONNS);
      pgb.opened++;
      at.c[at.EXTRA_CPU][e] += this.parts.db!.connectMs;
    }
    this.sendQuery(e);
  }

  private sendQuery(e: number): void {
    const at = this.at;
    const c = at.c;
    const db = this.parts.db!;
    const n = db.nodes.length;
    const node = n > 1 && this.parts.tables.readOnly[c[at.CLS][e]] ? this.rng.nextInt(n) : 0;
    c[at.NODE][e] = node;
    c[at.STEP][e] = A.S_DB_RTT;
    this.sim.after(this.parts.rttDb[c[at.INST][e] * n + node], this.handlerId, e, T_STEP);
  }

  protected dbRttDone(e: number): void {
    const at = this.at;
    const tickets = this.parts.db!.nodes[at.c[at.NODE][e]].tickets;
    if (tickets) {
      at.c[at.STEP][e] = A.S_TICKET;
      if (tickets.acquire(e) === GRANTED) this.ticketGranted(e);
      return;
    }
    this.dbCpu(e);
  }

  protected ticketGranted(e: number): void {
    this.at.set(e, A.F_TICKET);
    this.dbCpu(e);
  }

  private dbCpu(e: number): void {
    const at = this.at;
    const c = at.c;
    c[at.STEP][e] = A.S_DB_CPU;
    const q = this.parts.tables.dbQuery[c[at.CLS][e]];
    const work = (q ? q.sample(this.rng) : 0) + c[at.EXTRA_CPU][e];
    c[at.EXTRA_CPU][e] = 0;
    this.parts.db!.nodes[c[at.NODE][e]].host.cpu.arrive(e, work);
  }

  protected dbCpuDone(e: number): void {
    const at = this.at;
    const c = at.c;
    const n = this.parts.db!.nodes.length;
    c[at.DISK_LEFT][e] = this.poisson(this.parts.tables.missPages[c[at.CLS][e] * n + c[at.NODE][e]]);
    this.dbDiskNext(e);
  }

  protected dbDiskNext(e: number): void {
    const at = this.at;
    const c = at.c;
    if (c[at.DISK_LEFT][e] > 0) {
      c[at.DISK_LEFT][e]--;
      c[at.STEP][e] = A.S_DB_DISK;
      const host = this.parts.db!.nodes[c[at.NODE][e]].host;
      host.disk.arrive(e, host.diskServiceMs);
      return;
    }
    this.queryDone(e);
  }

  private queryDone(e: number): void {
    const at = this.at;
    const c = at.c;
    const parts = this.parts;
    this.counters.values[K_DB_QUERIES]++;
    c[at.NDB][e]--;
    const f = c[at.FLAGS][e] | 0;
    if (f & A.F_TICKET) {
      at.clear(e, A.F_TICKET);
      parts.db!.nodes[c[at.NODE][e]].tickets!.release();
    }
    // MongoDB drivers check a connection out per operation.
    if (f & A.F_POOL && parts.db!.isMongo) {
      at.clear(e, A.F_POOL);
      if (!this.stale(e)) parts.pools!.giveBack(c[at.PROC][e]);
      else parts.pools!.sems[c[at.PROC][e]].release();
    }
    if (f & A.F_PGB) {
      const mode = parts.pgb!.mode;
      if (mode === 'statement' || (mode === 'transaction' && c[at.NDB][e] === 0)) {
        at.clear(e, A.F_PGB);
        parts.pgb!.servers.release();
      }
    }
    if (this.stale(e)) return this.unwind(e);
    this.dataWork(e);
  }

  private enqueueTasks(cls: number, n: number): void {
    const celery = this.parts.celery!;
    for (let k = 0; k < n; k++) {
      const t = this.at.alloc();
      this.at.c[this.at.CLS][t] = cls;
      this.at.c[this.at.STEP][t] = A.S_TASK_WAIT;
      if (celery.slots.acquire(t) === GRANTED) this.runTask(t);
    }
  }

  protected runTask(t: number): void {
    const at = this.at;
    at.c[at.STEP][t] = A.S_TASK_CPU;
    const d = this.parts.tables.taskCpu[at.c[at.CLS][t]];
    this.parts.celery!.host.cpu.arrive(t, d ? d.sample(this.rng) : 0);
  }

  protected taskDone(t: number): void {
    this.counters.values[K_CELERY_DONE]++;
    this.at.free(t);
    this.parts.celery!.slots.release();
  }

  /** The app has the response: free the slot (a backlog request takes it) and send the bytes. */
  private finishServer(e: number): void {
    const next = this.leaveApp(e);
    this.respond(e);
    if (next >= 0) this.startInProc(next);
  }
}
