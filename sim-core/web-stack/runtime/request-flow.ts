// The request state machine, front half: client → CDN → nginx (connections, limit_req, CPU, static files,
// proxy_cache) → upstream choice → worker slot or listen backlog; the response over the NIC; timers (delays,
// proxy_read_timeout, gunicorn worker timeout, restart) and the dispatch of every resource callback by step.
// A stale request (its worker process was killed) unwinds at its next callback.

import type { DropCause } from '../../resources/drop-cause';
import type { EventHandler } from '../../kernel/simulator';
import { ADMIT_BACKLOG, ADMIT_BACKLOG_FULL, ADMIT_LIMIT_CONCURRENCY } from './app-instance';
import * as A from './attempts';
import type { AttemptSink } from './client';
import {
  CAUSE_BACKLOG, CAUSE_CLIENT_TIMEOUT, CAUSE_LIMIT_CONC, CAUSE_LIMIT_REQ, CAUSE_NGINX_CONNS, CAUSE_PGB_WAIT,
  CAUSE_POOL_TIMEOUT, CAUSE_PROXY_TIMEOUT, CAUSE_WORKER_TIMEOUT, K_EGRESS,
} from './counters';
import { DataWork } from './data-work';
import * as R from './dispatch';
import { T_PROXY, T_RESTART, T_STEP, T_WORKER } from './flow-base';
import type { Host } from './host';
import { STATIC_PAGE_CACHE_HIT } from './nginx';

export class RequestFlow extends DataWork implements EventHandler, R.ResourceSink, AttemptSink {
  checkpointHook: () => void = () => {};
  private frontHost!: Host[];
  private clientRttMs = 0;
  private restartMs = 1000;

  init(): void {
    const a = this.s.app;
    if (a.timeout > 0) {
      this.workerTimeoutMs = a.timeout * 1000;
      if (!this.parts.app.killTimerPerRequest) this.burstTimeoutMs = a.timeout * 1000;
    }
    this.restartMs = a.restart_s * 1000;
    this.clientRttMs = this.s.network.client_rtt_ms;
    const ngx = this.parts.nginx;
    this.frontHost = this.parts.app.hosts.map((h) => (ngx ? ngx.host : h));
  }

  checkpoint(): void {
    this.checkpointHook();
  }

  startAttempt(e: number): void {
    const at = this.at;
    const t = this.parts.tables;
    const cls = at.c[at.CLS][e];
    const now = this.sim.now;
    if (t.cdnHit[cls] > 0 && this.rng.next() < t.cdnHit[cls]) {
      at.c[at.STEP][e] = A.S_CDN;
      this.sim.after(this.s.cdn!.edge_ms, this.handlerId, e, T_STEP);
      return;
    }
    const ngx = this.parts.nginx;
    if (!ngx) return this.toApp(e);
    const isStatic = t.isStatic[cls] === 1;
    const hit = !isStatic && ngx.cacheHit[cls] > 0 && this.rng.next() < ngx.cacheHit[cls];
    const need = isStatic || hit ? 1 : 2;
    if (!ngx.takeConnections(need, now)) return this.reject(e, CAUSE_NGINX_CONNS);
    at.c[at.NGX_CONNS][e] = need;
    if (!ngx.admits(cls, this.client.keyOf(e), now)) return this.reject(e, CAUSE_LIMIT_REQ);
    if (hit) at.set(e, A.F_CACHE_HIT);
    else if (!isStatic) at.set(e, A.F_PROXIED);
    at.c[at.STEP][e] = A.S_NGX_CPU;
    ngx.host.cpu.arrive(e, ngx.cpuMs[cls]);
  }

  private reject(e: number, cause: number): void {
    this.answer(e, cause);
    this.at.free(e);
  }

  clientTimeout(e: number): void {
    this.answer(e, CAUSE_CLIENT_TIMEOUT);
  }

  private nginxCpuDone(e: number): void {
    const at = this.at;
    const f = at.c[at.FLAGS][e] | 0;
    if (f & A.F_PROXIED) {
      at.c[at.PROXY_SLOT][e] = this.sim.after(this.parts.nginx!.readTimeoutMs, this.handlerId, e, T_PROXY);
      return this.toApp(e);
    }
    if (!(f & A.F_CACHE_HIT) && !(this.rng.next() < STATIC_PAGE_CACHE_HIT)) {
      at.c[at.STEP][e] = A.S_STATIC_DISK;
      const h = this.parts.nginx!.host;
      h.disk.arrive(e, h.diskServiceMs);
      return;
    }
    this.respondFrom(e, this.parts.nginx!.host);
  }

  private toApp(e: number): void {
    const app = this.parts.app;
    const at = this.at;
    const inst = app.choose(this.parts.nginx?.leastConn ?? false);
    at.c[at.INST][e] = inst;
    const r = app.admit(e, inst);
    if (r >= 0) return this.startInProc(e);
    if (r === ADMIT_BACKLOG) {
      at.c[at.STEP][e] = A.S_BACKLOG;
      return;
    }
    this.reject(e, r === ADMIT_BACKLOG_FULL ? CAUSE_BACKLOG : r === ADMIT_LIMIT_CONCURRENCY ? CAUSE_LIMIT_CONC : CAUSE_BACKLOG);
  }

  protected respond(e: number): void {
    this.respondFrom(e, this.frontHost[this.at.c[this.at.INST][e]]);
  }

  private respondFrom(e: number, host: Host): void {
    const at = this.at;
    if (at.has(e, A.F_ANSWERED)) return at.free(e);
    at.c[at.STEP][e] = A.S_SEND;
    at.c[at.NODE][e] = host.index;
    host.nic.arrive(e, this.parts.tables.responseBytes[at.c[at.CLS][e]]);
  }

  private sent(e: number): void {
    const at = this.at;
    this.counters.values[K_EGRESS] += this.parts.tables.responseBytes[at.c[at.CLS][e]];
    const extra = this.clientRttMs + (at.has(e, A.F_PROXIED) ? this.parts.rttUpstream[at.c[at.INST][e]] : 0);
    this.answer(e, -1, extra);
    at.free(e);
  }

  /** Gunicorn kills process p: its requests fail, its connections close, it serves again after restart_s. */
  protected kill(p: number): void {
    const parts = this.parts;
    const list = this.scratch;
    parts.app.kill(p, list);
    const at = this.at;
    for (const e of list) {
      const slot = at.c[at.WT_SLOT][e];
      if (slot >= 0) {
        this.sim.cancel(slot);
        at.c[at.WT_SLOT][e] = -1;
      }
      this.answer(e, CAUSE_WORKER_TIMEOUT);
    }
    if (parts.pools) {
      const n = parts.pools.closeAll(p);
      if (parts.db!.isMongo) parts.db!.close(n);
      else this.physClose(n);
    }
    if (parts.django) this.physClose(parts.django.closeAll(p));
    parts.redis?.closeAll(p);
    const host = parts.app.hosts[parts.app.instanceOf(p)];
    for (const e of list.slice()) {
      const step = at.c[at.STEP][e];
      if (step !== A.S_CPU1 && step !== A.S_CPU2) continue;
      const h = at.c[at.HANDLE][e];
      if (h >= 0) host.cpu.remove(h);
      at.c[at.HANDLE][e] = -1;
      this.unwind(e);
    }
    this.sim.after(this.restartMs, this.handlerId, p, T_RESTART);
  }

  onEvent(e: number, tag: number): void {
    const at = this.at;
    if (tag === T_STEP) {
      const step = at.c[at.STEP][e];
      if (step === A.S_CDN) {
        this.answer(e, -1, 0);
        return at.free(e);
      }
      if (this.stale(e)) return this.unwind(e);
      if (step === A.S_IO) return this.dataWork(e);
      if (step === A.S_REDIS_RTT) return this.redisRttDone(e);
      return this.dbRttDone(e);
    }
    if (tag === T_PROXY) {
      at.c[at.PROXY_SLOT][e] = -1;
      return this.answer(e, CAUSE_PROXY_TIMEOUT);
    }
    if (tag === T_WORKER) {
      at.c[at.WT_SLOT][e] = -1;
      if (!this.stale(e)) this.kill(at.c[at.PROC][e]);
      return;
    }
    // T_RESTART: entity is the process.
    const app = this.parts.app;
    app.restart(e);
    for (let next = app.pull(e); next >= 0; next = app.pull(e)) this.startInProc(next);
  }

  onResourceDone(kind: number, e: number): void {
    const at = this.at;
    switch (kind) {
      case R.R_CPU: {
        const step = at.c[at.STEP][e];
        if (step === A.S_CPU1 || step === A.S_CPU2) return this.burstDone(e);
        if (step === A.S_DB_CPU) return this.dbCpuDone(e);
        if (step === A.S_NGX_CPU) return this.nginxCpuDone(e);
        if (step === A.S_TASK_CPU) return this.taskDone(e);
        throw new Error(`CPU completion in step ${step}`);
      }
      case R.R_DISK:
        if (at.c[at.STEP][e] === A.S_STATIC_DISK) return this.respondFrom(e, this.parts.nginx!.host);
        return this.dbDiskNext(e);
      case R.R_NIC:
        return this.sent(e);
      case R.R_GIL:
        return this.runBurst(e);
      case R.R_POOL:
        return this.poolGranted(e);
      case R.R_PGB:
        return this.pgbGranted(e);
      case R.R_TICKET:
        return this.ticketGranted(e);
      case R.R_REDIS_CONN:
        return this.redisConnected(e);
      case R.R_REDIS_SHARD:
        return this.redisDone(e);
      case R.R_CELERY:
        return this.runTask(e);
    }
  }

  onResourceDropped(kind: number, e: number, _index: number, _cause: DropCause): void {
    if (this.stale(e)) return this.unwind(e);
    this.failInApp(e, kind === R.R_PGB ? CAUSE_PGB_WAIT : CAUSE_POOL_TIMEOUT);
  }
}
