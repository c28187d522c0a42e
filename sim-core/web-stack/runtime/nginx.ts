// nginx in front of the app. Connections: worker_processes (auto = the host's vCPUs) × worker_connections;
// a proxied request holds two (client + upstream), a static file or a cache hit one; over the cap the request
// is refused ('nginx_connections'). Idle keepalive connections of clients between requests are not counted.
// limit_req: one token bucket of rate r and size burst + 1 per key ($binary_remote_addr: per client; or one
// global), which is what limit_req with nodelay admits; without nodelay nginx would delay the burst instead
// of answering at once — modelled as nodelay. Per-request CPU (+ gzip per KB) on nginx's host.

import { TokenBucket } from '../../resources/token-bucket';
import { CappedCounter } from '../../resources/capped-counter';
import type { NginxSpec, WebStackScenario } from '../schema';
import type { Host } from './host';
import { nginxConnectionCap } from '../derived/nginx-workers';

/** Share of static files found in the OS page cache (an assumption: a small, hot static set). */
export const STATIC_PAGE_CACHE_HIT = 0.9;

interface Limit {
  ratePerMs: number;
  size: number;
  global: boolean;
  /** Per class: does the limit apply. */
  applies: boolean[];
  buckets: (TokenBucket | undefined)[];
}

export class Nginx {
  readonly capacity: number;
  readonly connections: CappedCounter;
  private readonly limits: Limit[];
  /** Per class: CPU ms of one reference core per request (parsing, proxying, gzip). */
  readonly cpuMs: Float64Array;
  /** Per class: proxy_cache hit probability (0 when not cached). */
  readonly cacheHit: Float64Array;
  readonly readTimeoutMs: number;
  readonly leastConn: boolean;

  constructor(readonly spec: NginxSpec, s: WebStackScenario, readonly host: Host) {
    this.capacity = nginxConnectionCap(s);
    this.connections = new CappedCounter(this.capacity);
    const names = s.workload.classes.map((c) => c.name);
    this.limits = spec.limit_req.map((l) => ({
      ratePerMs: l.rate_per_s / 1000,
      size: l.burst + 1,
      global: l.key === 'global',
      applies: names.map((n) => !l.classes || l.classes.includes(n)),
      buckets: [],
    }));
    this.cpuMs = Float64Array.from(s.workload.classes, (c) => spec.cpu_ms_per_request + (spec.gzip ? spec.gzip_cpu_ms_per_kb * c.response_kb : 0));
    const pc = spec.proxy_cache;
    this.cacheHit = Float64Array.from(s.workload.classes, (c) => (pc && pc.classes.includes(c.name) ? pc.hit_ratio : 0));
    this.readTimeoutMs = spec.proxy_read_timeout_s * 1000;
    this.leastConn = spec.upstream_method === 'least_conn';
  }

  /** Take `n` connections; false when that would pass the cap. */
  takeConnections(n: number, now: number): boolean {
    return this.connections.tryTake(now, n);
  }

  releaseConnections(n: number, now: number): void {
    this.connections.give(now, n);
  }

  /** limit_req: true when every zone that applies to the class admits the request from client `key`. */
  admits(cls: number, key: number, now: number): boolean {
    for (const l of this.limits) {
      if (!l.applies[cls]) continue;
      const k = l.global ? 0 : key;
      let b = l.buckets[k];
      if (!b) {
        b = new TokenBucket(l.ratePerMs, l.size);
        l.buckets[k] = b; // starts full (its refill runs from t = 0), as nginx has no entry for a new key
      }
      if (!b.tryTake(now)) return false;
    }
    return true;
  }
}
