// The runtime against hand derivations and the analytic solvers: M/M/c, the GIL, Redis saturation.

import { describe, expect, it } from 'vitest';
import { mmc } from '../../../sim-core/analytic/erlang-c';
import { runWebStack } from '../../../sim-core/web-stack/runtime/run-web-stack';
import { scenario } from './helpers';

describe('web-stack runtime: analytic oracles', () => {
  it('(a) sync workers without a database reduce to M/M/c (Erlang C)', () => {
    // 4 sync workers (one slot each), exponential app CPU with mean 10 ms on a 64-core host (never more than 4
    // bursts at once, so each runs at full speed), no nginx, empty responses, Poisson 300/s: M/M/4 with
    // λ = 0.3/ms, μ = 0.1/ms, ρ = 0.75. The two bursts are halves of one draw, so the service is one exponential.
    const s = scenario({
      app: { server: 'gunicorn', worker_class: 'sync', instances: [{ host: 'h' }], workers: 4, db_access: 'none' },
      workload: { load: { type: 'open', rate_per_s: 300 }, classes: [{ name: 'api', share: 1, app_cpu_ms: { dist: 'exponential', mean: 10 }, response_kb: 0 }] },
      run: { duration_s: 400, precision: 0.004, min_observations: 20000 },
    });
    const r = runWebStack(s, { seed: 7 });
    const want = mmc(0.3, 0.1, 4).meanResponse; // ms
    expect(Math.abs(r.latency_ms.mean - want) / want).toBeLessThan(0.03);
    expect(r.utilization['h.cpu']).toBeCloseTo(3 / 64, 2); // λ·E[S] = 3 busy cores
    expect(r.errors.rate).toBe(0);
  });

  it('(b) the GIL caps a gevent worker at one core of Python', () => {
    // 1 gevent worker × 1000 greenlets, 10 ms of deterministic Python per request, 200 users with no think time:
    // the process runs one burst at a time whatever its concurrency ⇒ X = 1/10 ms = 100/s; one busy core of 8
    // ⇒ host CPU 1/8. Four workers (four GILs, 4 ≤ 8 cores) ⇒ 400/s.
    const mk = (workers: number) =>
      scenario({
        hosts: [{ name: 'h', vcpus: 8, ram: '16GB' }],
        app: { server: 'gunicorn', worker_class: 'gevent', worker_connections: 1000, instances: [{ host: 'h' }], workers, db_access: 'none' },
        workload: { load: { type: 'closed', users: 200, think_ms: { dist: 'deterministic', mean: 0 } }, classes: [{ name: 'api', share: 1, app_cpu_ms: { dist: 'deterministic', mean: 10 }, response_kb: 0 }] },
        // Everything deterministic and all users starting together: completions come in waves (500 per 5.5 s,
        // then 500 per 4.5 s), so the window must span many waves for the rate to settle.
        run: { duration_s: 120, min_observations: 100000 },
      });
    const one = runWebStack(mk(1));
    expect(one.throughput_rps).toBeGreaterThan(97);
    expect(one.throughput_rps).toBeLessThan(103);
    expect(Math.abs(one.utilization['h.cpu'] - 1 / 8)).toBeLessThan(0.125 * 0.03);
    expect(one.utilization['app[0].gil']).toBeGreaterThan(0.99);
    const four = runWebStack(mk(4));
    expect(Math.abs(four.throughput_rps - 400) / 400).toBeLessThan(0.03);
  });

  it('(f) a Redis shard saturates at 1 / command_ms', () => {
    // 10 commands per request, 0.1 ms each on one command thread. 500 req/s ⇒ 5,000 cmd/s ⇒ utilisation
    // λ·S = 5000 × 0.0001 s = 0.5. 2,000 req/s offers 20,000 cmd/s: the thread is always busy and serves at
    // most 1/0.1 ms = 10,000 cmd/s.
    const mk = (rate: number) =>
      scenario({
        app: { server: 'uvicorn', worker_class: 'uvicorn', instances: [{ host: 'h' }], workers: 2, db_access: 'none' },
        redis: { host: 'h', command_ms: 0.1 },
        workload: { load: { type: 'open', rate_per_s: rate }, classes: [{ name: 'api', share: 1, redis_commands: 10, response_kb: 0 }] },
        run: { duration_s: 20 },
      });
    const below = runWebStack(mk(500));
    expect(Math.abs(below.utilization['redis[0]'] - 0.5)).toBeLessThan(0.5 * 0.03);
    expect(Math.abs(below.cache!.commands_per_s - 5000) / 5000).toBeLessThan(0.03);
    const above = runWebStack(mk(2000));
    expect(above.utilization['redis[0]']).toBeGreaterThan(0.99);
    expect(Math.abs(above.cache!.commands_per_s - 10000) / 10000).toBeLessThan(0.03);
    expect(above.warnings.some((w) => w.startsWith('overloaded'))).toBe(true);
  });
});
