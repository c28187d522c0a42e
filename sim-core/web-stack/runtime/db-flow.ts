// A request's database queries, one at a time: a connection as the framework holds it (SQLAlchemy or MongoDB
// driver pool checkout; Django's per-thread/greenlet connection, or one of its own with CONN_MAX_AGE 0), a
// PgBouncer server connection when PgBouncer is there, the round trip, MongoDB's storage ticket, database CPU,
// disk reads for buffer misses; then what each pool gives back after a query. Back to the worker flow after each.

import { GRANTED } from '../../resources/semaphore';
import * as A from './attempts';
import { CAUSE_MAX_CONNS, K_DB_QUERIES } from './counters';
import { T_STEP, type FlowContext } from './flow-context';

export class DbFlow {
  constructor(private readonly x: FlowContext) {}

  /** Next query: get a connection as the framework does, then PgBouncer's server connection, then go. */
  query(e: number): void {
    const x = this.x;
    const at = x.at;
    const parts = x.parts;
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
          const cause = x.physOpen(e);
          if (cause >= 0) {
            parts.django.untake(proc);
            return x.failInApp(e, cause);
          }
          parts.django.opened(proc);
        }
        at.set(e, A.F_DJ);
      } else {
        // Django CONN_MAX_AGE 0 (or no ORM pool): a connection of its own for this request.
        const cause = x.physOpen(e);
        if (cause >= 0) return x.failInApp(e, cause);
        at.set(e, A.F_DJ | A.F_OWNCONN);
      }
    }
    this.connected(e);
  }

  poolGranted(e: number): void {
    const x = this.x;
    const at = x.at;
    const parts = x.parts;
    at.set(e, A.F_POOL);
    if (x.stale(e)) return x.unwind(e);
    const proc = at.c[at.PROC][e];
    const pools = parts.pools!;
    if (pools.needsNew(proc)) {
      const cause = parts.db!.isMongo ? (parts.db!.open() ? -1 : CAUSE_MAX_CONNS) : x.physOpen(e);
      if (cause >= 0) return x.failInApp(e, cause);
      pools.open[proc]++;
    }
    this.connected(e);
  }

  private connected(e: number): void {
    const at = this.x.at;
    const pgb = this.x.parts.pgb;
    if (pgb && !at.has(e, A.F_PGB)) {
      at.c[at.STEP][e] = A.S_PGB;
      if (pgb.servers.acquire(e) === GRANTED) this.pgbGranted(e);
      return;
    }
    this.sendQuery(e);
  }

  pgbGranted(e: number): void {
    const x = this.x;
    const at = x.at;
    const pgb = x.parts.pgb!;
    at.set(e, A.F_PGB);
    if (x.stale(e)) return x.unwind(e);
    if (pgb.servers.inUse > pgb.opened) {
      if (!x.parts.db!.open()) return x.failInApp(e, CAUSE_MAX_CONNS);
      pgb.opened++;
      at.c[at.EXTRA_CPU][e] += x.parts.db!.connectMs;
    }
    this.sendQuery(e);
  }

  private sendQuery(e: number): void {
    const x = this.x;
    const at = x.at;
    const c = at.c;
    const db = x.parts.db!;
    const n = db.nodes.length;
    const node = n > 1 && x.parts.tables.readOnly[c[at.CLS][e]] ? x.rng.nextInt(n) : 0;
    c[at.NODE][e] = node;
    c[at.STEP][e] = A.S_DB_RTT;
    x.sim.after(x.parts.rttDb[c[at.INST][e] * n + node], x.handlerId, e, T_STEP);
  }

  rttDone(e: number): void {
    const at = this.x.at;
    const tickets = this.x.parts.db!.nodes[at.c[at.NODE][e]].tickets;
    if (tickets) {
      at.c[at.STEP][e] = A.S_TICKET;
      if (tickets.acquire(e) === GRANTED) this.ticketGranted(e);
      return;
    }
    this.cpu(e);
  }

  ticketGranted(e: number): void {
    this.x.at.set(e, A.F_TICKET);
    this.cpu(e);
  }

  private cpu(e: number): void {
    const x = this.x;
    const at = x.at;
    const c = at.c;
    c[at.STEP][e] = A.S_DB_CPU;
    const q = x.parts.tables.dbQuery[c[at.CLS][e]];
    const work = (q ? q.sample(x.rng) : 0) + c[at.EXTRA_CPU][e];
    c[at.EXTRA_CPU][e] = 0;
    x.parts.db!.nodes[c[at.NODE][e]].host.cpu.arrive(e, work);
  }

  cpuDone(e: number): void {
    const x = this.x;
    const at = x.at;
    const c = at.c;
    const n = x.parts.db!.nodes.length;
    c[at.DISK_LEFT][e] = x.poisson(x.parts.tables.missPages[c[at.CLS][e] * n + c[at.NODE][e]]);
    this.diskNext(e);
  }

  diskNext(e: number): void {
    const at = this.x.at;
    const c = at.c;
    if (c[at.DISK_LEFT][e] > 0) {
      c[at.DISK_LEFT][e]--;
      c[at.STEP][e] = A.S_DB_DISK;
      const host = this.x.parts.db!.nodes[c[at.NODE][e]].host;
      host.disk.arrive(e, host.diskServiceMs);
      return;
    }
    this.queryDone(e);
  }

  private queryDone(e: number): void {
    const x = this.x;
    const at = x.at;
    const c = at.c;
    const parts = x.parts;
    x.counters.values[K_DB_QUERIES]++;
    c[at.NDB][e]--;
    const f = c[at.FLAGS][e] | 0;
    if (f & A.F_TICKET) {
      at.clear(e, A.F_TICKET);
      parts.db!.nodes[c[at.NODE][e]].tickets!.release();
    }
    // MongoDB drivers check a connection out per operation.
    if (f & A.F_POOL && parts.db!.isMongo) {
      at.clear(e, A.F_POOL);
      if (!x.stale(e)) parts.pools!.giveBack(c[at.PROC][e]);
      else parts.pools!.sems[c[at.PROC][e]].release();
    }
    if (f & A.F_PGB) {
      const mode = parts.pgb!.mode;
      if (mode === 'statement' || (mode === 'transaction' && c[at.NDB][e] === 0)) {
        at.clear(e, A.F_PGB);
        parts.pgb!.servers.release();
      }
    }
    if (x.stale(e)) return x.unwind(e);
    x.worker.dataWork(e);
  }
}
