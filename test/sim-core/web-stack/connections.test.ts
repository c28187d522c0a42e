// Connection pools, Django connections and max_connections, limit_req, cache → database load.

import { describe, expect, it } from 'vitest';
import { runWebStack } from '../../../sim-core/web-stack/runtime/run-web-stack';
import { scenario } from './helpers';

describe('web-stack runtime: pools and limits', () => {
  it('(c) a SQLAlchemy pool smaller than the concurrency queues, then times out at pool_timeout', () => {
    // One gevent worker, pool 2 + 0, every request holds its connection for one 1,000 ms query (DB CPU on a
    // 16-core host, no disk reads), pool_timeout 0.5 s, 40 users with no think time. Two requests at a time
    // get a connection; the rest wait FIFO and give up after 500 ms ('pool_timeout'). A success waited at
    // most 500 ms, so its latency ≤ 500 (wait) + 1,000 (query) + 3 (connect) + 2 (Python) + RTTs < 1,510 ms.
    // Throughput: 2 connections / 1 s ≈ 2 successes per second.
    const s = scenario({
      hosts: [{ name: 'h', vcpus: 16, ram: '64GB' }],
      app: {
        server: 'gunicorn', worker_class: 'gevent', instances: [{ host: 'h' }], workers: 1, db_access: 'sqlalchemy',
        sqlalchemy: { pool_size: 2, max_overflow: 0, pool_timeout: 0.5 },
      },
      database: { engine: 'postgresql', host: 'h', working_set: '1GB' },
      workload: {
        load: { type: 'closed', users: 40, think_ms: { dist: 'deterministic', mean: 0 } },
        classes: [{ name: 'slow', share: 1, app_cpu_ms: { dist: 'deterministic', mean: 2 }, db_queries: 1, db_query_ms: { dist: 'deterministic', mean: 1000 }, db_pages_per_query: 0, response_kb: 0 }],
      },
      run: { duration_s: 200, min_observations: 100000 },
    });
    const r = runWebStack(s);
    expect(r.errors.by_cause.pool_timeout).toBeGreaterThan(1000);
    expect(r.latency_ms.p999).toBeLessThan(1510 * 1.004); // histogram bucket error ≤ 0.4 %
    expect(Math.abs(r.throughput_rps - 2) / 2).toBeLessThan(0.03);
    expect(r.database!.peak_connections).toBe(2);
    expect(r.utilization['app[0].pool']).toBeGreaterThan(0.99);
  });

  it('(d) Django persistent connections under gevent run into max_connections', () => {
    // 4 gevent workers × 1,000 greenlets, CONN_MAX_AGE 600: every greenlet that ran a query keeps its
    // connection. 1,000 users with 100 ms think and 20 ms queries keep hundreds of requests in flight per
    // process, so the processes together want far more than max_connections 100 − 3 reserved = 97.
    const mk = (connMaxAge: number, users: number) =>
      scenario({
        hosts: [{ name: 'h', vcpus: 32, ram: '64GB' }],
        app: { server: 'gunicorn', worker_class: 'gevent', instances: [{ host: 'h' }], workers: 4, worker_connections: 1000, db_access: 'django', django: { conn_max_age: connMaxAge } },
        database: { engine: 'postgresql', host: 'h', max_connections: 100, working_set: '1GB' },
        workload: {
          load: { type: 'closed', users, think_ms: { dist: 'exponential', mean: 100 } },
          classes: [{ name: 'api', share: 1, app_cpu_ms: { dist: 'exponential', mean: 0.5 }, db_queries: 2, db_query_ms: { dist: 'exponential', mean: 20 }, response_kb: 0 }],
        },
        run: { duration_s: 20 },
      });
    const persistent = runWebStack(mk(600, 1000));
    expect(persistent.errors.by_cause.max_connections).toBeGreaterThan(0);
    expect(persistent.database!.peak_connections).toBe(97);
    // CONN_MAX_AGE 0 and 20 users: at most 20 connections at once, never refused.
    const shortLived = runWebStack(mk(0, 20));
    expect(shortLived.errors.by_cause.max_connections).toBeUndefined();
    expect(shortLived.errors.rate).toBe(0);
    expect(shortLived.database!.peak_connections).toBeLessThanOrEqual(20);
  });

  it('(e) limit_req admits what a token bucket of rate r and size burst + 1 admits', () => {
    // Global zone 100 r/s, Poisson 300 r/s. burst 0: nginx admits a request only when ≥ 1/r has passed since
    // the last admitted one, so the gap between admissions is 1/r plus the (memoryless) wait for the next
    // arrival: rate = 1/(10 ms + 3.33 ms) = 75/s and the limit_req share is 1 − 75/300 = 3/4. With a burst of
    // 50 the bucket is almost never full at 3× its rate, so it admits its rate: 100/s, share ≈ 2/3.
    const mk = (burst: number) =>
      scenario({
        nginx: { host: 'h', limit_req: [{ zone: 'api', rate_per_s: 100, burst, key: 'global' }] },
        app: { server: 'gunicorn', worker_class: 'gthread', threads: 8, instances: [{ host: 'h' }], workers: 4, db_access: 'none' },
        workload: { load: { type: 'open', rate_per_s: 300 }, classes: [{ name: 'api', share: 1, app_cpu_ms: { dist: 'exponential', mean: 1 }, response_kb: 1 }] },
        run: { duration_s: 120 },
      });
    const strict = runWebStack(mk(0));
    expect(Math.abs(strict.throughput_rps - 75) / 75).toBeLessThan(0.03);
    expect(Math.abs(strict.errors.rate - 0.75)).toBeLessThan(0.02);
    const bursty = runWebStack(mk(50));
    expect(Math.abs(bursty.throughput_rps - 100) / 100).toBeLessThan(0.03);
    expect(Math.abs(bursty.errors.rate - 2 / 3)).toBeLessThan(0.02);
    expect(Object.keys(bursty.errors.by_cause)).toEqual(['limit_req']);
  });

  it('(g) cache hits move database load: queries/s ∝ 1 − cacheable_share × hit ratio', () => {
    // 5 queries per request, 60 % cacheable. Hit ratio 0.9: 5 × (1 − 0.6 × 0.9) = 2.3 queries per request;
    // no hits: 5. At the same open rate the ratio of queries/s is 0.46.
    const mk = (hit: number) =>
      scenario({
        app: { server: 'uvicorn', worker_class: 'uvicorn', instances: [{ host: 'h' }], workers: 4, db_access: 'sqlalchemy', sqlalchemy: {} },
        database: { engine: 'postgresql', host: 'h', working_set: '1GB' },
        redis: { host: 'h' },
        workload: {
          load: { type: 'open', rate_per_s: 200 },
          classes: [{ name: 'api', share: 1, app_cpu_ms: { dist: 'exponential', mean: 2 }, db_queries: 5, db_query_ms: { dist: 'exponential', mean: 0.5 }, cacheable_share: 0.6, cache_hit_ratio: hit, response_kb: 0 }],
        },
        run: { duration_s: 60 },
      });
    const cached = runWebStack(mk(0.9));
    const cold = runWebStack(mk(0));
    expect(Math.abs(cached.database!.queries_per_s / cold.database!.queries_per_s - 0.46) / 0.46).toBeLessThan(0.03);
    expect(Math.abs(cached.cache!.hit_ratio - 0.9)).toBeLessThan(0.01);
    expect(Math.abs(cold.database!.queries_per_s - 1000) / 1000).toBeLessThan(0.03);
  });
});
