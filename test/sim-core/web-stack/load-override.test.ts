// Load overrides: a rate on a closed workload becomes Poisson arrivals at that rate; users on an open
// workload are refused (an open workload has no think time to turn users into traffic).

import { describe, expect, it } from 'vitest';
import { effectiveLoad } from '../../../sim-core/web-stack/runtime/load';
import { runWebStack } from '../../../sim-core/web-stack/runtime/run-web-stack';
import { scenario } from './helpers';

const closed = scenario({
  app: { server: 'gunicorn', worker_class: 'sync', instances: [{ host: 'h' }], workers: 4, db_access: 'none' },
  workload: {
    load: { type: 'closed', users: 300, think_ms: { dist: 'exponential', mean: 1000 } },
    classes: [{ name: 'api', share: 1, app_cpu_ms: { dist: 'exponential', mean: 10 } }],
  },
});

describe('load overrides', () => {
  it('a rate on a closed workload is served as open arrivals from as many clients as users', () => {
    expect(effectiveLoad(closed, { rate_per_s: 50 })).toEqual({ type: 'open', rate_per_s: 50, clients: 300 });
    // 4 workers × 100 req/s each; at 50 req/s (ρ = 0.125) everything offered is served.
    const r = runWebStack(closed, { rate_per_s: 50, duration_s: 120 });
    expect(r.load).toEqual({ rate_per_s: 50 });
    expect(r.throughput_rps).toBeGreaterThan(50 * 0.95);
    expect(r.throughput_rps).toBeLessThan(50 * 1.05);
  });

  it('users on an open workload are refused with the reason; both at once too', () => {
    const open = { ...closed, workload: { ...closed.workload, load: { type: 'open' as const, rate_per_s: 10, clients: 10 } } };
    expect(() => effectiveLoad(open, { users: 100 })).toThrow(/open \(requests per second\); give a rate/);
    expect(() => effectiveLoad(closed, { users: 10, rate_per_s: 5 })).toThrow(/not both/);
  });
});
