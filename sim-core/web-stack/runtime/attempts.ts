// Request attempts and user requests as integer ids with Float64 columns (EntityPool): no object per request.
// An attempt is one HTTP request on the wire; a user request is what the user asked for, which may take
// several attempts (client retries). `step` says where an attempt is, so resource callbacks can dispatch on it.

import { EntityPool } from '../../kernel/entity-pool';

// Steps of an attempt (and of a Celery task, which lives in the same pool).
export const S_DEAD = 0;
export const S_CDN = 1;
export const S_NGX_CPU = 2;
export const S_STATIC_DISK = 3;
export const S_BACKLOG = 4;
export const S_GIL1 = 5;
export const S_CPU1 = 6;
export const S_IO = 7;
export const S_REDIS_CONN = 8;
export const S_REDIS_RTT = 9;
export const S_REDIS_CMD = 10;
export const S_POOL = 11;
export const S_PGB = 12;
export const S_DB_RTT = 13;
export const S_TICKET = 14;
export const S_DB_CPU = 15;
export const S_DB_DISK = 16;
export const S_GIL2 = 17;
export const S_CPU2 = 18;
export const S_SEND = 19;
export const S_TASK_WAIT = 20;
export const S_TASK_CPU = 21;

// Flag bits (what an attempt holds or has been through).
export const F_ANSWERED = 1; // the client has its outcome (success, error or its own timeout)
export const F_GIL = 2; // holds its process's GIL
export const F_POOL = 4; // holds a SQLAlchemy (session) or MongoDB (operation) pool checkout
export const F_DJ = 8; // uses a Django connection of its thread/greenlet
export const F_PGB = 16; // holds a PgBouncer server connection
export const F_TICKET = 32; // holds a MongoDB storage-engine ticket
export const F_REDIS = 64; // holds a Redis connection of its process
export const F_OWNCONN = 128; // owns a physical connection it must close at its end (Django CONN_MAX_AGE 0)
export const F_ADMITTED = 256; // occupies a worker slot
export const F_PROXIED = 512; // nginx proxies it to the app
export const F_CACHE_HIT = 1024; // nginx proxy_cache hit

export class Attempts {
  readonly pool: EntityPool;
  readonly UREQ: number;
  readonly STEP: number;
  readonly FLAGS: number;
  readonly CLS: number;
  readonly T0: number;
  readonly INST: number;
  readonly PROC: number;
  readonly EPOCH: number;
  readonly NREDIS: number;
  readonly NDB: number;
  readonly NTASKS: number;
  readonly HANDLE: number;
  readonly CLIENT_SLOT: number;
  readonly PROXY_SLOT: number;
  readonly WT_SLOT: number;
  readonly PREV: number;
  readonly NEXT: number;
  readonly NGX_CONNS: number;
  readonly NODE: number;
  readonly DISK_LEFT: number;
  readonly EXTRA_CPU: number;
  readonly BURST_START: number;
  readonly CPU2: number;
  /** The pool's columns; entries are replaced when it grows, so index through this array on every access. */
  readonly c: Float64Array[];

  /** limit: most attempts (and Celery tasks) alive at once; one more stops the run (MemoryCapReached). */
  constructor(limit?: number) {
    this.pool = new EntityPool(4096, limit);
    this.UREQ = this.pool.addColumn();
    this.STEP = this.pool.addColumn();
    this.FLAGS = this.pool.addColumn();
    this.CLS = this.pool.addColumn();
    this.T0 = this.pool.addColumn();
    this.INST = this.pool.addColumn();
    this.PROC = this.pool.addColumn();
    this.EPOCH = this.pool.addColumn();
    this.NREDIS = this.pool.addColumn();
    this.NDB = this.pool.addColumn();
    this.NTASKS = this.pool.addColumn();
    this.HANDLE = this.pool.addColumn();
    this.CLIENT_SLOT = this.pool.addColumn();
    this.PROXY_SLOT = this.pool.addColumn();
    this.WT_SLOT = this.pool.addColumn();
    this.PREV = this.pool.addColumn();
    this.NEXT = this.pool.addColumn();
    this.NGX_CONNS = this.pool.addColumn();
    this.NODE = this.pool.addColumn();
    this.DISK_LEFT = this.pool.addColumn();
    this.EXTRA_CPU = this.pool.addColumn();
    this.BURST_START = this.pool.addColumn();
    this.CPU2 = this.pool.addColumn();
    this.c = this.pool.columns;
  }

  alloc(): number {
    const e = this.pool.alloc();
    const c = this.c;
    c[this.FLAGS][e] = 0;
    c[this.CLIENT_SLOT][e] = -1;
    c[this.PROXY_SLOT][e] = -1;
    c[this.WT_SLOT][e] = -1;
    c[this.PROC][e] = -1;
    c[this.NGX_CONNS][e] = 0;
    c[this.EXTRA_CPU][e] = 0;
    return e;
  }

  has(e: number, flag: number): boolean {
    return ((this.c[this.FLAGS][e] | 0) & flag) !== 0;
  }

  set(e: number, flag: number): void {
    const f = this.c[this.FLAGS];
    f[e] = (f[e] | 0) | flag;
  }

  clear(e: number, flag: number): void {
    const f = this.c[this.FLAGS];
    f[e] = (f[e] | 0) & ~flag;
  }

  free(e: number): void {
    this.c[this.STEP][e] = S_DEAD;
    this.pool.release(e);
  }
}

/** User requests: closed users keep their id for the whole run; open arrivals get one per request. */
export class UserRequests {
  readonly pool: EntityPool;
  readonly FIRST: number;
  readonly ATTEMPTS: number;
  readonly CLS: number;
  readonly KEY: number;
  readonly c: Float64Array[];

  /** limit: most user requests alive at once (closed: the users; open: those in the system). */
  constructor(limit?: number) {
    this.pool = new EntityPool(1024, limit);
    this.FIRST = this.pool.addColumn();
    this.ATTEMPTS = this.pool.addColumn();
    this.CLS = this.pool.addColumn();
    this.KEY = this.pool.addColumn();
    this.c = this.pool.columns;
  }
}
