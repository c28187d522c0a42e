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
  readonly pool = new EntityPool(4096);
  readonly UREQ = this.pool.addColumn();
  readonly STEP = this.pool.addColumn();
  readonly FLAGS = this.pool.addColumn();
  readonly CLS = this.pool.addColumn();
  readonly T0 = this.pool.addColumn();
  readonly INST = this.pool.addColumn();
  readonly PROC = this.pool.addColumn();
  readonly EPOCH = this.pool.addColumn();
  readonly NREDIS = this.pool.addColumn();
  readonly NDB = this.pool.addColumn();
  readonly NTASKS = this.pool.addColumn();
  readonly HANDLE = this.pool.addColumn();
  readonly CLIENT_SLOT = this.pool.addColumn();
  readonly PROXY_SLOT = this.pool.addColumn();
  readonly WT_SLOT = this.pool.addColumn();
  readonly PREV = this.pool.addColumn();
  readonly NEXT = this.pool.addColumn();
  readonly NGX_CONNS = this.pool.addColumn();
  readonly NODE = this.pool.addColumn();
  readonly DISK_LEFT = this.pool.addColumn();
  readonly EXTRA_CPU = this.pool.addColumn();
  readonly BURST_START = this.pool.addColumn();
  readonly CPU2 = this.pool.addColumn();
  /** The pool's columns; entries are replaced when it grows, so index through this array on every access. */
  readonly c = this.pool.columns;

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
  readonly pool = new EntityPool(1024);
  readonly FIRST = this.pool.addColumn();
  readonly ATTEMPTS = this.pool.addColumn();
  readonly CLS = this.pool.addColumn();
  readonly KEY = this.pool.addColumn();
  readonly c = this.pool.columns;
}
