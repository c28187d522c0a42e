// Errors by cause, a retry storm, the memory budget, load overrides and determinism.

import { describe, expect, it } from 'vitest';
import { effectiveLoad, runWebStack } from '../../../sim-core/web-stack/runtime/run-web-stack';
import { attemptStats, scenario } from './helpers';

describe('web-stack runtime: errors, retries, memory', () => {
  it('(h) backlog_full with a tiny backlog; worker_timeout with a slow request and timeout 1 s', () => {
    // One sync worker serves 1/10 ms = 100/s; 200/s offered into a backlog of 2 overflows (nginx answers 502).
    const full = runWebStack(scenario({
      app: { server: 'gunicorn', worker_class: 'sync', instances: [{ host: 'h' }], workers: 1, backlog: 2, db_access: 'none' },
      workload: { load: { type: 'open', rate_per_s: 200 }, classes: [{ name: 'api', share: 1, app_cpu_ms: { dist: 'deterministic', mean: 10 }, response_kb: 0 }] },
      run: { duration_s: 20 },
    }));
    expect(full.errors.by_cause.backlog_full).toBeGreaterThan(1000);
    // 10 % of requests wait 2 s on an external call: gunicorn kills the sync worker after 1 s, failing the
    // request ('worker_timeout'); the others succeed.
    const slow = runWebStack(scenario({
      app: { server: 'gunicorn', worker_class: 'sync', instances: [{ host: 'h' }], workers: 4, timeout: 1, restart_s: 0.5, db_access: 'none' },
      workload: {
        load: { type: 'closed', users: 20, think_ms: { dist: 'exponential', mean: 500 } },
        classes: [
          { name: 'fast', share: 0.9, app_cpu_ms: { dist: 'exponential', mean: 5 }, response_kb: 0 },
          { name: 'slow', share: 0.1, app_cpu_ms: { dist: 'exponential', mean: 5 }, io_wait_ms: { dist: 'deterministic', mean: 2000 }, response_kb: 0 },
        ],
      },
      run: { duration_s: 60 },
    }));
    expect(slow.errors.by_cause.worker_timeout).toBeGreaterThan(50);
    expect(slow.classes.slow.error_rate).toBe(1);
    expect(slow.classes.fast.throughput_rps).toBeGreaterThan(0);
    expect(slow.warnings.some((w) => w.includes('killed worker processes'))).toBe(true);
  });

  it('(i) a retry storm: client timeouts below the response time multiply attempts and cut goodput', () => {
    // 4 sync workers × 10 ms exponential serve 400/s; 380/s offered (ρ = 0.95, mean response ≈ 0.2 s).
    // Clients that give up after 50 ms and retry twice add attempts while the abandoned ones keep the
    // workers busy: more than one attempt per user request, and fewer successes than without retries.
    const mk = (retries: boolean) => scenario({
      app: { server: 'gunicorn', worker_class: 'sync', instances: [{ host: 'h' }], workers: 4, db_access: 'none' },
      workload: {
        load: { type: 'open', rate_per_s: 380 },
        classes: [{ name: 'api', share: 1, app_cpu_ms: { dist: 'exponential', mean: 10 }, response_kb: 0 }],
        ...(retries ? { retries: { client_timeout_s: 0.05, max_retries: 2, backoff_ms: 10 } } : {}),
      },
      run: { duration_s: 60 },
    });
    const calm = runWebStack(mk(false));
    const storm = runWebStack(mk(true));
    expect(Math.abs(calm.throughput_rps - 380) / 380).toBeLessThan(0.05);
    const st = attemptStats(storm);
    expect(st.attemptsPerUser).toBeGreaterThan(1.5);
    expect(storm.errors.by_cause.client_timeout).toBeGreaterThan(0);
    expect(storm.throughput_rps).toBeLessThan(0.8 * calm.throughput_rps);
    expect(storm.user_error_rate).toBeGreaterThan(0.1);
  });

  it('(j) a host whose committed memory exceeds its RAM is flagged', () => {
    // 8 workers × 300 MB + 1 GB os_reserved = 3.4 GB committed on a 2 GB host.
    const r = runWebStack(scenario({
      hosts: [{ name: 'small', vcpus: 2, ram: '2GB' }],
      app: { server: 'gunicorn', worker_class: 'sync', instances: [{ host: 'small' }], workers: 8, memory_per_worker: '300MB', db_access: 'none' },
      workload: { load: { type: 'closed', users: 5, think_ms: { dist: 'exponential', mean: 100 } }, classes: [{ name: 'api', share: 1, app_cpu_ms: { dist: 'exponential', mean: 5 } }] },
      run: { duration_s: 5 },
    }));
    expect(r.memory.small.committed_mb).toBeGreaterThanOrEqual(8 * 300 + 1024);
    expect(r.memory.small.over).toBe(true);
    expect(r.warnings.some((w) => w.includes('host small') && w.includes('exceeds its RAM'))).toBe(true);
  });

  it('daily workloads become closed users; overrides replace the load', () => {
    // 100,000 DAU × 2 sessions × 12 min / 1440 min × peak 3 = 5,000 users at the peak.
    const s = scenario({
      workload: {
        load: { type: 'daily', daily_active_users: 100000, sessions_per_user: 2, session_minutes: 12, peak_factor: 3, think_ms: { dist: 'exponential', mean: 1000 } },
        classes: [{ name: 'api', share: 1 }],
      },
    });
    expect(effectiveLoad(s)).toEqual({ type: 'closed', users: 5000 });
    const r = runWebStack(s, { users: 10, duration_s: 5 });
    expect(r.load).toEqual({ users: 10 });
  });

  it('same seed ⇒ the same result; bursty arrivals keep the mean rate', () => {
    const s = scenario({
      nginx: { host: 'h', proxy_cache: { hit_ratio: 0.3, classes: ['page'] } },
      app: { server: 'gunicorn', worker_class: 'gevent', instances: [{ host: 'h' }], workers: 2, db_access: 'sqlalchemy', sqlalchemy: {} },
      database: { engine: 'postgresql', host: 'h', working_set: '100GB' },
      redis: { host: 'h' },
      celery: { host: 'h', workers: 2 },
      workload: {
        load: { type: 'open', rate_per_s: 200, burst: { factor: 5, on_s: 0.1, off_s: 0.4 } },
        classes: [
          { name: 'page', share: 0.7, app_cpu_ms: { dist: 'lognormal', mean: 3, cv: 1 }, db_queries: 2.5, db_query_ms: { dist: 'exponential', mean: 1 }, cacheable_share: 0.5, cache_hit_ratio: 0.8, celery_tasks: 0.1, task_cpu_ms: { dist: 'exponential', mean: 10 } },
          { name: 'static', share: 0.3, static: true },
        ],
      },
      run: { duration_s: 200 },
    });
    const strip = (seed: number) => {
      const { wall_ms: _w, ...rest } = runWebStack(s, { seed });
      return rest;
    };
    const a = strip(3);
    expect(JSON.stringify(a)).toBe(JSON.stringify(strip(3)));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(strip(4)));
    // Every user request leaves (no errors at this load), so completions/s ≈ the mean rate 200/s. An MMPP count
    // is noisy: ~400 on/off cycles, each burst's count has sd ≈ 555/s × 0.1 s ⇒ sd of the total ≈ 3 %.
    expect(Math.abs(a.throughput_rps - 200) / 200).toBeLessThan(0.1);
    expect(a.database!.buffer_hit_ratio).toBeLessThan(0.999);
    expect(a.utilization['celery.workers']).toBeGreaterThan(0);
  });
});
