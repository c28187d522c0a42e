// What every part of the request flow shares: the simulator, the attempt table, the components, the random
// stream, the counters, and the bookkeeping any component may need on an attempt — answer the client, release
// what it holds, open or close a physical database connection, end it inside the app. The component flows
// (edge, worker, redis, database, celery) each hold this and call one another through it.

import type { Rng } from '../../kernel/prng';
import type { Simulator } from '../../kernel/simulator';
import type { CounterCheckpoints } from '../../metrics/counter-checkpoints';
import type { WebStackScenario } from '../schema';
import { Attempts, F_ANSWERED, F_DJ, F_GIL, F_OWNCONN, F_PGB, F_POOL, F_REDIS, F_TICKET } from './attempts';
import type { Client } from './client';
import { CAUSE_MAX_CONNS, CAUSE_PGB_CLIENTS } from './counters';
import type { StackParts } from './stack-parts';

export const T_STEP = 0; // a pure delay of the attempt's current step ended
export const T_PROXY = 1; // nginx proxy_read_timeout
export const T_WORKER = 2; // gunicorn worker timeout of a sync/gthread request
export const T_RESTART = 3; // a killed worker process is back (entity = process)

/** The worker flow as the others see it: where an admitted request starts, and where data work resumes. */
export interface WorkerEntry {
  startInProc(e: number): void;
  dataWork(e: number): void;
}

export class FlowContext {
  client!: Client;
  worker!: WorkerEntry;
  handlerId = -1;
  readonly scratch: number[] = [];

  constructor(
    readonly sim: Simulator,
    readonly s: WebStackScenario,
    readonly at: Attempts,
    readonly parts: StackParts,
    readonly rng: Rng,
    readonly counters: CounterCheckpoints,
  ) {}

  /** The client gets attempt e's outcome (once): success (cause < 0) or an error counter index. */
  answer(e: number, cause: number, extraMs = 0): void {
    const at = this.at;
    if (at.has(e, F_ANSWERED)) return;
    at.set(e, F_ANSWERED);
    const c = at.c;
    const n = c[at.NGX_CONNS][e];
    if (n > 0) {
      this.parts.nginx!.releaseConnections(n, this.sim.now);
      c[at.NGX_CONNS][e] = 0;
    }
    const ps = c[at.PROXY_SLOT][e];
    if (ps >= 0) {
      this.sim.cancel(ps);
      c[at.PROXY_SLOT][e] = -1;
    }
    const cs = c[at.CLIENT_SLOT][e];
    if (cs >= 0) {
      this.sim.cancel(cs);
      c[at.CLIENT_SLOT][e] = -1;
    }
    this.client.outcome(e, cause, extraMs);
  }

  /** Opens the connection an app pool or a Django thread uses: to PgBouncer, else a database backend. */
  physOpen(e: number): number {
    const p = this.parts;
    if (p.pgb) return p.pgb.openClient() ? -1 : CAUSE_PGB_CLIENTS;
    if (!p.db!.open()) return CAUSE_MAX_CONNS;
    this.at.c[this.at.EXTRA_CPU][e] += p.db!.connectMs;
    return -1;
  }

  physClose(n = 1): void {
    if (n <= 0) return;
    const p = this.parts;
    if (p.pgb) p.pgb.closeClient(n);
    else p.db!.close(n);
  }

  /** Release everything e holds. `stale`: its process was killed, whose own connections are already closed. */
  releaseHeld(e: number, stale: boolean): void {
    const at = this.at;
    const f = at.c[at.FLAGS][e] | 0;
    if ((f & (F_GIL | F_REDIS | F_TICKET | F_POOL | F_PGB | F_DJ)) === 0) return;
    const proc = at.c[at.PROC][e];
    const parts = this.parts;
    at.clear(e, F_GIL | F_REDIS | F_TICKET | F_POOL | F_PGB | F_DJ | F_OWNCONN);
    if (f & F_TICKET) parts.db!.nodes[at.c[at.NODE][e]].tickets!.release();
    if (f & F_PGB) parts.pgb!.servers.release();
    if (f & F_POOL) {
      const pools = parts.pools!;
      if (stale) pools.sems[proc].release();
      else if (pools.giveBack(proc)) {
        if (parts.db!.isMongo) parts.db!.close();
        else this.physClose();
      }
    }
    if (f & F_DJ) {
      if (f & F_OWNCONN) this.physClose();
      else if (!stale) parts.django!.giveBack(proc);
    }
    if (f & F_REDIS) parts.redis!.conns[proc].release();
    // Last: handing the GIL over starts the next waiter's burst synchronously.
    if (f & F_GIL) parts.gils.sems[proc].release();
  }

  /** e's process was killed: drop it silently (its client already has the error). */
  unwind(e: number): void {
    this.releaseHeld(e, true);
    this.at.free(e);
  }

  cancelWorkerTimer(e: number): void {
    const at = this.at;
    const slot = at.c[at.WT_SLOT][e];
    if (slot >= 0) {
      this.sim.cancel(slot);
      at.c[at.WT_SLOT][e] = -1;
    }
  }

  /** e leaves its worker slot (done or failed); a request waiting in the backlog takes the slot. */
  leaveApp(e: number): number {
    this.releaseHeld(e, false);
    this.cancelWorkerTimer(e);
    return this.parts.app.leave(e);
  }

  /** The app answers e with an error (500 from a pool timeout, a refused connection, …). */
  failInApp(e: number, cause: number): void {
    const next = this.leaveApp(e);
    this.answer(e, cause);
    this.at.free(e);
    if (next >= 0) this.worker.startInProc(next);
  }

  /** Whether e belongs to a process that was killed after it entered (then it must unwind). */
  stale(e: number): boolean {
    return !this.parts.app.isCurrent(e);
  }

  /** floor(x) + Bernoulli(frac(x)): an integer count with mean x. */
  count(x: number): number {
    if (x <= 0) return 0;
    const n = Math.floor(x);
    return x > n && this.rng.next() < x - n ? n + 1 : n;
  }

  /** Poisson draw with mean m (Knuth; m is small here: expected disk reads of one query). */
  poisson(m: number): number {
    if (m <= 0) return 0;
    if (m > 30) return Math.max(0, Math.round(m + Math.sqrt(m) * gauss(this.rng)));
    const l = Math.exp(-m);
    let k = 0;
    let p = this.rng.next();
    while (p > l) {
      k++;
      p *= this.rng.next();
    }
    return k;
  }
}

function gauss(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(rng.nextOpen())) * Math.cos(2 * Math.PI * rng.next());
}
