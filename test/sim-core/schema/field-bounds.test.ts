// Every count has an upper bound with its reason, derived from what the engine holds at the largest run budget;
// each problem is reported once, at its field.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../sim-core/scenario/parse-scenario';
import { parseScenarioText } from '../../../sim-core/schema/scenario-text';
import { BOUNDS } from '../../../sim-core/schema/field-bounds';
import { ScenarioError } from '../../../sim-core/schema/schema-errors';

const base = () => ({
  kind: 'web-stack', schema_version: 1, name: 'probe',
  hosts: [{ name: 'h', vcpus: 8, ram: '32GB' }],
  app: { server: 'gunicorn', worker_class: 'sync', instances: [{ host: 'h' }], workers: 8, db_access: 'none' },
  workload: { load: { type: 'closed', users: 100, think_ms: { dist: 'exponential', mean: 1000 } }, classes: [{ name: 'a', share: 1, app_cpu_ms: { dist: 'exponential', mean: 5 } }] },
}) as Record<string, any>;

function issues(s: unknown) {
  try {
    parseScenario(s);
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues;
    throw e;
  }
  return [];
}

describe('upper bounds', () => {
  it('follow from 64 GiB over the measured bytes per item, rounded down to 1, 2 or 5 × 10^k', () => {
    const budget = 64 * 2 ** 30;
    // 80 B per closed user → 858,993,459; 478 B per request in flight → 143,764,...; 3,600 B per process → 19,088,743.
    expect(Math.floor(budget / 80)).toBe(858_993_459);
    expect(BOUNDS.users.max).toBe(500_000_000);
    expect(Math.floor(budget / 478)).toBe(143_764_595);
    expect(BOUNDS.inFlight.max).toBe(100_000_000);
    expect(BOUNDS.processes.max).toBe(10_000_000);
  });

  it.each([
    ['users: 1e12', (s: any) => (s.workload.load.users = 1e12), 'workload.load.users', /≤ 500,000,000 \(each closed user takes ≥ 80 B/],
    ['workers: 1e9', (s: any) => (s.app.workers = 1e9), 'app.workers', /≤ 10,000,000 \(each worker process/],
    ['vcpus: 1e12', (s: any) => (s.hosts[0].vcpus = 1e12), 'hosts[0].vcpus', /≤ 4,096/],
    ['ram: 0GB', (s: any) => (s.hosts[0].ram = '0GB'), 'hosts[0].ram', /> 0/],
    ['ram: 1e30 MB', (s: any) => (s.hosts[0].ram = 1e30), 'hosts[0].ram', /≤ 64TB/],
    ['worker_connections: 1e12', (s: any) => Object.assign(s.app, { worker_class: 'gevent', worker_connections: 1e12 }), 'app.worker_connections', /≤ 100,000,000 \(more could never be occupied/],
    ['redis shards: 20,000', (s: any) => (s.redis = { host: 'h', shards: 20_000 }), 'redis.shards', /16,384 hash slots/],
    ['a 1 MB name', (s: any) => (s.name = 'x'.repeat(1 << 20)), 'name', /at most 200 characters/],
  ])('refuses %s at its field, once, with the bound and its reason', (_what, mutate, path, message) => {
    const s = base();
    mutate(s);
    const found = issues(s);
    expect(found).toHaveLength(1);
    expect(found[0].path).toBe(path);
    expect(found[0].message).toMatch(message);
  });
});

describe('one message per problem', () => {
  it('says what it got once, also where the message already names it', () => {
    const s = base();
    s.app.instances = [{ host: 'nowhere' }];
    expect(issues(s)).toEqual([{ path: 'app.instances[0].host', message: 'expected one of the hosts (h), got "nowhere"' }]);
  });

  it('lists −1.5 once although it is neither whole nor ≥ 1', () => {
    const s = base();
    s.workload.load.users = -1.5;
    expect(issues(s)).toEqual([{ path: 'workload.load.users', message: 'expected a whole number ≥ 1, got -1.5' }]);
  });

  it('shows NaN and Infinity as they are, not as null', () => {
    const s = parseScenarioText('kind: web-stack\nx: .nan\n', 'yaml') as Record<string, any>;
    const b = base();
    b.workload.load.users = s.x;
    expect(issues(b)[0].message).toBe('expected a whole number ≥ 1, got NaN');
    b.workload.load.users = Infinity;
    expect(issues(b)[0].message).toBe('expected a whole number ≥ 1, got Infinity');
  });

  it('keeps a message one line when it lists names: the first eight, then how many more', () => {
    const s = base();
    s.hosts = Array.from({ length: 500 }, (_, i) => ({ name: `h${i}`, vcpus: 1, ram: 1024 }));
    s.app.instances = [{ host: 'x' }];
    const [issue] = issues(s);
    expect(issue.message).toBe('expected one of the hosts (h0, h1, h2, h3, h4, h5, h6, h7, … 492 more), got "x"');
  });

  it('refuses celery tasks without the redis broker they are queued on', () => {
    const s = base();
    s.celery = { host: 'h', workers: 2 };
    Object.assign(s.workload.classes[0], { celery_tasks: 1, task_cpu_ms: { dist: 'exponential', mean: 5 } });
    expect(issues(s)).toEqual([{ path: 'workload.classes[0].celery_tasks', message: expect.stringMatching(/redis as the broker/) }]);
  });
});
