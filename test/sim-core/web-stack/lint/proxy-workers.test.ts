import { describe, expect, it } from 'vitest';
import { lintScenario } from '../../../../sim-core/web-stack/lint';
import { instancesOn, scenario } from './scenario';

const byId = (s: Parameters<typeof lintScenario>[0], id: string) => lintScenario(s).filter((f) => f.id === id);

describe('lint: nginx cap (worker_processes × worker_connections / 2)', () => {
  it('8 × 1024 / 2 = 4,096 < 12,000 users; worker_connections ≥ 3,000', () => {
    const s = scenario({
      nginx: { worker_processes: 8, worker_connections: 1024 },
      workload: { load: { type: 'closed', users: 12000, think_ms: { dist: 'exponential', mean: 5000 } } },
    });
    const [f] = byId(s, 'nginx-cap-below-users');
    expect(f.severity).toBe('warning');
    expect(f.path).toBe('nginx.worker_connections');
    expect(f.numbers).toEqual({ worker_processes: 8, worker_connections: 1024, nginx_cap: 4096, users: 12000 });
    expect(f.message).toContain('8 worker_processes × 1,024 worker_connections / 2 = 4,096');
    expect(f.fix).toContain('worker_connections ≥ 3,000');
  });

  it('auto = 2 vCPUs: 2 × 1024 / 2 = 1,024 < 4 gevent workers × 1000 = 4,000 the app accepts', () => {
    const s = scenario({ app: { worker_class: 'gevent', workers: 4, sqlalchemy: { pool_size: 5, max_overflow: 10 } }, database: { max_connections: 100 } });
    const [f] = byId(s, 'nginx-cap-below-app-concurrency');
    expect(f.numbers).toEqual({ worker_processes: 2, worker_connections: 1024, nginx_cap: 1024, app_concurrency: 4000 });
    expect(f.fix).toContain('worker_connections ≥ 4,000');
  });

  it('daily workload: 100,000 DAU × 1 × 10 min ÷ 1440 × 3 = 2,084 peak users > 1,024', () => {
    const s = scenario({ workload: { load: { type: 'daily', users: undefined, daily_active_users: 100000, think_ms: { dist: 'exponential', mean: 5000 } } } });
    const [f] = byId(s, 'nginx-cap-below-users');
    expect(f.numbers.users).toBe(2084);
  });

  it('stays silent at 500 users and 17 sync workers under 1,024', () => {
    expect(byId(scenario(), 'nginx-cap-below-users')).toEqual([]);
    expect(byId(scenario(), 'nginx-cap-below-app-concurrency')).toEqual([]);
  });
});

describe('lint: workers against cores', () => {
  it('4 sync workers on 8 vCPUs: warning, (2 × 8) + 1 = 17', () => {
    const findings = lintScenario(scenario({ app: { workers: 4 } }));
    expect(findings.map((f) => f.id)).toEqual(['sync-workers-below-cores']);
    expect(findings[0].severity).toBe('warning');
    expect(findings[0].numbers).toMatchObject({ workers_on_host: 4, vcpus: 8, guide_workers: 17 });
    expect(findings[0].fix).toContain('workers = 17');
  });

  it('2 instances × 20 sync workers = 40 > 4 × 8 = 32: at most 8 per instance ((2 × 8) + 1 = 17 ÷ 2)', () => {
    const s = scenario({ app: { instances: instancesOn('app1', 2), workers: 20, sqlalchemy: { pool_size: 2, max_overflow: 0 } } });
    const [f] = byId(s, 'workers-exceed-cores');
    expect(f.numbers).toMatchObject({ workers_on_host: 40, vcpus: 8 });
    expect(f.fix).toContain('workers ≤ 8 per instance');
  });

  it('gevent with one worker per core is fine; fewer is info', () => {
    const gevent = (workers: number) => scenario({ app: { worker_class: 'gevent', workers, worker_connections: 10, sqlalchemy: { pool_size: 10, max_overflow: 0 } } });
    expect(lintScenario(gevent(8))).toEqual([]);
    const [f] = byId(gevent(2), 'workers-below-cores');
    expect(f.severity).toBe('info');
  });
});
