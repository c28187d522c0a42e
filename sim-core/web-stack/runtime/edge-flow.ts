// The front of a request: the CDN edge, nginx (its connection cap, limit_req, CPU, static files from disk or the
// page cache, proxy_cache hits, proxy_read_timeout), the upstream choice and admission to a worker slot or the
// listen backlog; and the way back: the response over the front host's NIC and the client's round trip.

import { ADMIT_BACKLOG, ADMIT_BACKLOG_FULL, ADMIT_LIMIT_CONCURRENCY } from './app-instance';
import * as A from './attempts';
import { CAUSE_BACKLOG, CAUSE_LIMIT_CONC, CAUSE_LIMIT_REQ, CAUSE_NGINX_CONNS, K_EGRESS } from './counters';
import { T_PROXY, T_STEP, type FlowContext } from './flow-context';
import type { Host } from './host';
import { STATIC_PAGE_CACHE_HIT } from './nginx';

export class EdgeFlow {
  private readonly frontHost: Host[];
  private readonly clientRttMs: number;

  constructor(private readonly x: FlowContext) {
    const ngx = x.parts.nginx;
    this.frontHost = x.parts.app.hosts.map((h) => (ngx ? ngx.host : h));
    this.clientRttMs = x.s.network.client_rtt_ms;
  }

  start(e: number): void {
    const x = this.x;
    const at = x.at;
    const t = x.parts.tables;
    const cls = at.c[at.CLS][e];
    const now = x.sim.now;
    if (t.cdnHit[cls] > 0 && x.rng.next() < t.cdnHit[cls]) {
      at.c[at.STEP][e] = A.S_CDN;
      x.sim.after(x.s.cdn!.edge_ms, x.handlerId, e, T_STEP);
      return;
    }
    const ngx = x.parts.nginx;
    if (!ngx) return this.toApp(e);
    const isStatic = t.isStatic[cls] === 1;
    const hit = !isStatic && ngx.cacheHit[cls] > 0 && x.rng.next() < ngx.cacheHit[cls];
    const need = isStatic || hit ? 1 : 2;
    if (!ngx.takeConnections(need, now)) return this.reject(e, CAUSE_NGINX_CONNS);
    at.c[at.NGX_CONNS][e] = need;
    if (!ngx.admits(cls, x.client.keyOf(e), now)) return this.reject(e, CAUSE_LIMIT_REQ);
    if (hit) at.set(e, A.F_CACHE_HIT);
    else if (!isStatic) at.set(e, A.F_PROXIED);
    at.c[at.STEP][e] = A.S_NGX_CPU;
    ngx.host.cpu.arrive(e, ngx.cpuMs[cls]);
  }

  /** The CDN edge answered e. */
  edgeDone(e: number): void {
    this.x.answer(e, -1, 0);
    this.x.at.free(e);
  }

  private reject(e: number, cause: number): void {
    this.x.answer(e, cause);
    this.x.at.free(e);
  }

  nginxCpuDone(e: number): void {
    const x = this.x;
    const at = x.at;
    const f = at.c[at.FLAGS][e] | 0;
    if (f & A.F_PROXIED) {
      at.c[at.PROXY_SLOT][e] = x.sim.after(x.parts.nginx!.readTimeoutMs, x.handlerId, e, T_PROXY);
      return this.toApp(e);
    }
    if (!(f & A.F_CACHE_HIT) && !(x.rng.next() < STATIC_PAGE_CACHE_HIT)) {
      at.c[at.STEP][e] = A.S_STATIC_DISK;
      const h = x.parts.nginx!.host;
      h.disk.arrive(e, h.diskServiceMs);
      return;
    }
    this.respondFrom(e, x.parts.nginx!.host);
  }

  /** A static file was read from nginx's disk. */
  staticRead(e: number): void {
    this.respondFrom(e, this.x.parts.nginx!.host);
  }

  private toApp(e: number): void {
    const x = this.x;
    const app = x.parts.app;
    const at = x.at;
    const inst = app.choose(x.parts.nginx?.leastConn ?? false);
    at.c[at.INST][e] = inst;
    const r = app.admit(e, inst);
    if (r >= 0) return x.worker.startInProc(e);
    if (r === ADMIT_BACKLOG) {
      at.c[at.STEP][e] = A.S_BACKLOG;
      return;
    }
    this.reject(e, r === ADMIT_BACKLOG_FULL ? CAUSE_BACKLOG : r === ADMIT_LIMIT_CONCURRENCY ? CAUSE_LIMIT_CONC : CAUSE_BACKLOG);
  }

  /** The app has e's response: it leaves from nginx's host, or the app's own. */
  respond(e: number): void {
    this.respondFrom(e, this.frontHost[this.x.at.c[this.x.at.INST][e]]);
  }

  private respondFrom(e: number, host: Host): void {
    const x = this.x;
    const at = x.at;
    if (at.has(e, A.F_ANSWERED)) return at.free(e);
    at.c[at.STEP][e] = A.S_SEND;
    at.c[at.NODE][e] = host.index;
    host.nic.arrive(e, x.parts.tables.responseBytes[at.c[at.CLS][e]]);
  }

  sent(e: number): void {
    const x = this.x;
    const at = x.at;
    x.counters.values[K_EGRESS] += x.parts.tables.responseBytes[at.c[at.CLS][e]];
    const extra = this.clientRttMs + (at.has(e, A.F_PROXIED) ? x.parts.rttUpstream[at.c[at.INST][e]] : 0);
    x.answer(e, -1, extra);
    at.free(e);
  }
}
