// A request's Redis commands, one at a time: a connection from the process's redis-py pool (maxclients may
// refuse it), the round trip, then the command on a shard's single command thread. Back to the worker flow after each.

import { GRANTED } from '../../resources/semaphore';
import * as A from './attempts';
import { CAUSE_REDIS_CLIENTS, K_REDIS_CMDS } from './counters';
import { T_STEP, type FlowContext } from './flow-context';

export class RedisFlow {
  constructor(private readonly x: FlowContext) {}

  /** e's next command: take a connection of its process. */
  start(e: number): void {
    const at = this.x.at;
    at.c[at.STEP][e] = A.S_REDIS_CONN;
    if (this.x.parts.redis!.conns[at.c[at.PROC][e]].acquire(e) === GRANTED) this.connected(e);
  }

  connected(e: number): void {
    const x = this.x;
    const at = x.at;
    at.set(e, A.F_REDIS);
    if (x.stale(e)) return x.unwind(e);
    const c = at.c;
    if (!x.parts.redis!.connect(c[at.PROC][e])) return x.failInApp(e, CAUSE_REDIS_CLIENTS);
    c[at.STEP][e] = A.S_REDIS_RTT;
    x.sim.after(x.parts.rttRedis[c[at.INST][e]], x.handlerId, e, T_STEP);
  }

  rttDone(e: number): void {
    const x = this.x;
    x.at.c[x.at.STEP][e] = A.S_REDIS_CMD;
    const r = x.parts.redis!;
    const shard = r.shards.length > 1 ? x.rng.nextInt(r.shards.length) : 0;
    r.shards[shard].arrive(e, r.spec.command_ms);
  }

  done(e: number): void {
    const x = this.x;
    const at = x.at;
    const c = at.c;
    x.counters.values[K_REDIS_CMDS]++;
    at.clear(e, A.F_REDIS);
    x.parts.redis!.conns[c[at.PROC][e]].release();
    if (x.stale(e)) return x.unwind(e);
    c[at.NREDIS][e]--;
    x.worker.dataWork(e);
  }
}
