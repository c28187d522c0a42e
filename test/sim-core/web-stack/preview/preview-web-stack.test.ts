import { describe, expect, it } from 'vitest';
import { mmc, mmcResponseQuantile, mva } from '../../../../sim-core/analytic';
import { webStackSchema, type WebStackInput } from '../../../../sim-core/web-stack/schema';
import {
  bracketCapacity,
  bufferHitRatio,
  bufferHitRatioFor,
  buildPreviewNetwork,
  previewWebStack,
  sweepPreview,
} from '../../../../sim-core/web-stack/preview';

const zeroNetwork = { same_host_rtt_ms: 0, cross_host_rtt_ms: 0, client_rtt_ms: 0 };

function scenario(over: Partial<WebStackInput> & Pick<WebStackInput, 'hosts' | 'app' | 'workload'>) {
  return webStackSchema.parse({ kind: 'web-stack', schema_version: 1, name: 't', network: zeroNetwork, ...over });
}

/** The largest scenario the UI drags over: 12,000 users, 12 gevent workers, 8 vCPUs. */
export function bigScenario() {
  return webStackSchema.parse({
    kind: 'web-stack',
    schema_version: 1,
    name: 'big',
    hosts: [
      { name: 'web', vcpus: 8, ram: '32GB' },
      { name: 'db', vcpus: 8, ram: '32GB', disk: { type: 'ssd' } },
      { name: 'cache', vcpus: 2, ram: '4GB' },
    ],
    nginx: { host: 'web' },
    app: {
      server: 'gunicorn', worker_class: 'gevent', instances: [{ host: 'web' }], workers: 12, worker_connections: 1000,
      db_access: 'sqlalchemy', sqlalchemy: { pool_size: 10, max_overflow: 20 },
    },
    pgbouncer: { host: 'db', default_pool_size: 40, max_client_conn: 2000 },
    database: { engine: 'postgresql', host: 'db', shared_buffers: '8GB', working_set: '40GB', max_connections: 200 },
    redis: { host: 'cache', maxmemory: '2GB', cache_working_set: '3GB' },
    workload: {
      load: { type: 'closed', users: 12000, think_ms: { dist: 'exponential', mean: 10000 } },
      classes: [
        { name: 'static', share: 0.3, static: true, response_kb: 40 },
        {
          name: 'read', share: 0.55, app_cpu_ms: { dist: 'lognormal', mean: 8, cv: 1 }, db_queries: 5,
          db_query_ms: { dist: 'exponential', mean: 0.8 }, cacheable_share: 0.6, cache_hit_ratio: 0.9, redis_commands: 2,
        },
        {
          name: 'write', share: 0.15, app_cpu_ms: { dist: 'exponential', mean: 15 }, db_queries: 8,
          db_query_ms: { dist: 'exponential', mean: 1.5 }, read_only: false, io_wait_ms: { dist: 'exponential', mean: 20 },
        },
      ],
    },
  });
}

describe('previewWebStack reduces to the textbook models', () => {
  it('open, sync workers, no DB, plenty of cores: one M/M/c (Erlang C), mean and p95', () => {
    const s = scenario({
      hosts: [{ name: 'app', vcpus: 64, ram: '64GB' }],
      app: { server: 'gunicorn', worker_class: 'sync', instances: [{ host: 'app' }], workers: 4, db_access: 'none' },
      workload: {
        load: { type: 'open', rate_per_s: 150 },
        classes: [{ name: 'api', share: 1, app_cpu_ms: { dist: 'exponential', mean: 20 }, response_kb: 0 }],
      },
    });
    const p = previewWebStack(s);
    const lambda = 150 / 1000;
    const expected = mmc(lambda, 1 / 20, 4);
    expect(p.method).toBe('open-erlang');
    expect(p.throughput_rps).toBeCloseTo(150, 9);
    expect(p.mean_response_ms).toBeCloseTo(expected.meanResponse, 9);
    expect(p.p95_response_ms_estimate).toBeCloseTo(mmcResponseQuantile(lambda, 1 / 20, 4, 0.95), 6);
    expect(p.bottleneck.resource).toBe('app[0].slots');
    expect(p.bottleneck.utilization).toBeCloseTo(expected.rho, 9);
    expect(p.max_throughput_rps).toBeCloseTo(200, 9);
  });

  it('closed, one GIL queue + think time: exactly mva', () => {
    // gevent with one worker on a 4-vCPU host: the process's GIL is the only queue (1 < 4 vCPUs), 1000 greenlets never bind.
    const s = scenario({
      hosts: [{ name: 'app', vcpus: 4, ram: '8GB' }],
      app: { server: 'gunicorn', worker_class: 'gevent', instances: [{ host: 'app' }], workers: 1, db_access: 'none' },
      workload: {
        load: { type: 'closed', users: 150, think_ms: { dist: 'exponential', mean: 1000 } },
        classes: [{ name: 'api', share: 1, app_cpu_ms: { dist: 'exponential', mean: 10 }, response_kb: 0 }],
      },
    });
    const ref = mva([{ name: 'gil', kind: 'queue', demand: 10 }], 150, 1000);
    const p = previewWebStack(s);
    expect(p.method).toBe('exact-mva');
    expect(p.throughput_rps).toBeCloseTo(ref.throughput * 1000, 9);
    expect(p.mean_response_ms).toBeCloseTo(ref.responseTime, 9);
    expect(p.utilization['app[0].gil']).toBeCloseTo(ref.stations[0].utilization, 12);
    expect(p.bottleneck.resource).toBe('app[0].gil');
    for (const users of [1, 20, 99, 101, 400]) {
      const r = mva([{ name: 'gil', kind: 'queue', demand: 10 }], users, 1000);
      expect(previewWebStack(s, { users }).mean_response_ms).toBeCloseTo(r.responseTime, 9);
    }
  });
});

describe('bottleneck naming', () => {
  const base = {
    hosts: [
      { name: 'web', vcpus: 16, ram: '32GB' },
      { name: 'db', vcpus: 16, ram: '4GB', disk: { type: 'ssd' as const } },
      { name: 'cache', vcpus: 4, ram: '8GB' },
    ],
    app: {
      server: 'gunicorn' as const, worker_class: 'gevent' as const, instances: [{ host: 'web' }], workers: 32,
      db_access: 'sqlalchemy' as const, sqlalchemy: { pool_size: 20, max_overflow: 0 },
    },
    database: { engine: 'postgresql' as const, host: 'db', shared_buffers: '1GB', working_set: '2GB' },
    redis: { host: 'cache' },
  };
  const load = { type: 'closed' as const, users: 5000, think_ms: { dist: 'exponential' as const, mean: 2000 } };

  it('names the database disk when page misses go to a slow disk', () => {
    const s = scenario({
      ...base,
      hosts: [base.hosts[0], { name: 'db', vcpus: 16, ram: '4GB', disk: { type: 'hdd' } }, base.hosts[2]],
      database: { engine: 'postgresql', host: 'db', shared_buffers: '1GB', working_set: '500GB' },
      workload: { load, classes: [{ name: 'q', share: 1, app_cpu_ms: { dist: 'exponential', mean: 2 }, db_queries: 3, db_query_ms: { dist: 'exponential', mean: 0.5 }, db_pages_per_query: 8 }] },
    });
    const p = previewWebStack(s);
    expect(p.bottleneck.resource).toBe('db.disk');
    expect(p.max_throughput_limited_by).toBe('db.disk');
  });

  it('names the Redis command thread when commands dominate', () => {
    const s = scenario({
      ...base,
      redis: { host: 'cache', command_ms: 0.5 },
      workload: { load, classes: [{ name: 'q', share: 1, app_cpu_ms: { dist: 'exponential', mean: 2 }, redis_commands: 20 }] },
    });
    const p = previewWebStack(s);
    expect(p.bottleneck.resource).toBe('redis[0]');
    expect(p.max_throughput_rps).toBeCloseTo(1000 / (20 * 0.5), 9);
  });

  it('splits Redis over shards and then names another resource', () => {
    // 8 shards: 20 × 0.5 / 8 = 1.25 ms per shard, below 30 ms of Python on 16 cores (1.875 ms per core).
    const s = scenario({
      ...base,
      redis: { host: 'cache', command_ms: 0.5, shards: 8 },
      workload: { load, classes: [{ name: 'q', share: 1, app_cpu_ms: { dist: 'exponential', mean: 30 }, redis_commands: 20 }] },
    });
    const p = previewWebStack(s);
    expect(p.utilization['redis[7]']).toBeCloseTo(p.utilization['redis[0]'], 12);
    expect(p.bottleneck.resource).toBe('web.cpu');
    expect(p.max_throughput_rps).toBeCloseTo((16 / 30) * 1000, 9);
  });

  it('names the GIL when a few worker processes run on many cores', () => {
    const s = scenario({
      ...base,
      app: { server: 'gunicorn', worker_class: 'gevent', instances: [{ host: 'web' }], workers: 2, db_access: 'none' },
      database: undefined,
      redis: undefined,
      workload: { load, classes: [{ name: 'q', share: 1, app_cpu_ms: { dist: 'exponential', mean: 30 } }] },
    });
    const p = previewWebStack(s);
    expect(p.bottleneck.resource).toBe('app[0].gil');
    expect(p.max_throughput_rps).toBeCloseTo((2 / 30) * 1000, 9);
  });
});

describe('bounds', () => {
  it('saturation_users is the hand-computed (D + Z)/Dmax', () => {
    const s = scenario({
      hosts: [
        { name: 'app', vcpus: 4, ram: '8GB' },
        { name: 'db', vcpus: 4, ram: '8GB', disk: { type: 'ssd' } },
      ],
      app: { server: 'gunicorn', worker_class: 'gevent', instances: [{ host: 'app' }], workers: 2, db_access: 'sqlalchemy', sqlalchemy: {} },
      database: { engine: 'postgresql', host: 'db', shared_buffers: '128MB', working_set: '100MB' },
      workload: {
        load: { type: 'closed', users: 100, think_ms: { dist: 'deterministic', mean: 500 } },
        classes: [{ name: 'q', share: 1, app_cpu_ms: { dist: 'exponential', mean: 10 }, db_queries: 2, db_query_ms: { dist: 'exponential', mean: 1.5 } }],
      },
    });
    // Stations: app[0].gil (c = 2, D = 10), db.cpu (c = 4, D = 3), db.disk (D = 2 × 4 pages × (1 − 0.999) × 0.25 ms);
    // app.cpu carries the Python as shadow (10/4 per core). Dmax = 10/2 = 5 ms at the GIL.
    // Plus the app host's NIC sending the 10 KB response at 1 Gbit/s (125,000 bytes per ms), a queue of its own.
    const disk = 2 * 4 * (1 - 0.999) * 0.25;
    const nic = (10 * 1024) / 125_000;
    const D = 10 + 3 + disk + nic;
    const p = previewWebStack(s);
    expect(p.demand_ms).toBeCloseTo(D, 12);
    expect(p.max_throughput_rps).toBeCloseTo(1000 / 5, 9);
    expect(p.saturation_users).toBeCloseTo((D + 500) / 5, 9);
    expect(p.max_throughput_limited_by).toBe('app[0].gil');
  });

  it('caps throughput at the worker slots of sync workers (flow-equivalent server)', () => {
    const s = scenario({
      hosts: [{ name: 'app', vcpus: 32, ram: '32GB' }, { name: 'db', vcpus: 32, ram: '64GB' }],
      app: { server: 'gunicorn', worker_class: 'sync', instances: [{ host: 'app' }], workers: 4, db_access: 'sqlalchemy', sqlalchemy: {} },
      database: { engine: 'postgresql', host: 'db', working_set: '1GB' },
      workload: {
        load: { type: 'closed', users: 400, think_ms: { dist: 'exponential', mean: 100 } },
        classes: [{ name: 'q', share: 1, app_cpu_ms: { dist: 'exponential', mean: 5 }, io_wait_ms: { dist: 'exponential', mean: 35 } }],
      },
    });
    const p = previewWebStack(s);
    // 4 slots held 40 ms each (5 ms CPU on 32 cores + 35 ms I/O): at most 100 requests/s.
    expect(p.max_throughput_rps).toBeCloseTo(100, 6);
    expect(p.throughput_rps).toBeLessThanOrEqual(100 + 1e-9);
    expect(p.throughput_rps).toBeGreaterThan(99);
    expect(p.saturated).toBe(true);
    expect(p.bottleneck.resource).toBe('app[0].slots');
    expect(p.mean_response_ms).toBeCloseTo(400 / (p.throughput_rps / 1000) - 100, 6);
  });

  it('reports an overloaded open load as saturated instead of throwing', () => {
    const s = scenario({
      hosts: [{ name: 'app', vcpus: 2, ram: '8GB' }],
      app: { server: 'uvicorn', worker_class: 'uvicorn', instances: [{ host: 'app' }], workers: 4, db_access: 'none' },
      workload: { load: { type: 'open', rate_per_s: 1000 }, classes: [{ name: 'q', share: 1, app_cpu_ms: { dist: 'exponential', mean: 10 } }] },
    });
    const p = previewWebStack(s);
    expect(p.saturated).toBe(true);
    expect(p.mean_response_ms).toBe(Infinity);
    expect(p.throughput_rps).toBeCloseTo(200, 9);
    expect(p.bottleneck.resource).toBe('app.cpu');
    expect(p.bottleneck.utilization).toBeCloseTo(5, 9);
  });
});

describe('buffer hit ratio', () => {
  it('follows min(0.999, (cache/working_set)^0.25) with cache = shared_buffers + free RAM', () => {
    expect(bufferHitRatioFor({ shared_buffers_mb: 1024, host_ram_mb: 8192, committed_mb: 8192, working_set_mb: 16384 })).toBeCloseTo((1 / 16) ** 0.25, 12);
    expect(bufferHitRatioFor({ shared_buffers_mb: 1024, host_ram_mb: 8192, committed_mb: 4096, working_set_mb: 5120 })).toBe(0.999);
    expect(bufferHitRatio(0, 100)).toBe(0);
  });

  it('drives the disk demand per query', () => {
    const s = scenario({
      hosts: [{ name: 'app', vcpus: 8, ram: '8GB' }, { name: 'db', vcpus: 8, ram: '4GB', os_reserved: '1GB', disk: { type: 'network' } }],
      app: { server: 'gunicorn', worker_class: 'sync', instances: [{ host: 'app' }], workers: 4, db_access: 'sqlalchemy', sqlalchemy: {} },
      database: { engine: 'postgresql', host: 'db', shared_buffers: '1GB', working_set: '64GB' },
      workload: { load: { type: 'closed', users: 10, think_ms: { dist: 'exponential', mean: 1000 } }, classes: [{ name: 'q', share: 1, db_queries: 2, db_query_ms: { dist: 'exponential', mean: 1 } }] },
    });
    // committed on db: os_reserved 1024 + shared_buffers 1024 (static budget) ⇒ cache = 1024 + (4096 − 2048) = 3072 MB.
    const h = (3072 / 65536) ** 0.25;
    const disk = buildPreviewNetwork(s).stations.find((st) => st.key === 'db.disk')!;
    expect(disk.demand[3]).toBeCloseTo(2 * 4 * (1 - h) * 1.5, 9);
    expect(disk.servers).toBe(Math.round((3000 * 1.5) / 1000));
  });
});

describe('sweep and bracket', () => {
  it('sweeps a monotone curve and brackets the SLO population', () => {
    const s = bigScenario();
    const users = [500, 2000, 5000, 8000, 11000, 14000];
    const curve = sweepPreview(s, users);
    expect(curve.map((p) => p.load.users)).toEqual(users);
    for (let i = 1; i < curve.length; i++) {
      expect(curve[i].throughput_rps).toBeGreaterThanOrEqual(curve[i - 1].throughput_rps - 1e-9);
      expect(curve[i].mean_response_ms).toBeGreaterThanOrEqual(curve[i - 1].mean_response_ms - 1e-9);
    }
    const b = bracketCapacity(s, { p95_ms: 300 });
    expect(b.lo_users).toBeGreaterThan(0);
    expect(b.hi_users).toBeGreaterThan(b.lo_users);
    expect(previewWebStack(s, { users: b.lo_users }).p95_response_ms_estimate).toBeLessThanOrEqual(300);
    expect(previewWebStack(s, { users: b.hi_users }).p95_response_ms_estimate).toBeGreaterThan(300);
  });

  it('turns a daily curve into peak users as the runtime does', () => {
    const s = bigScenario();
    const daily = webStackSchema.parse({
      ...JSON.parse(JSON.stringify({ ...s, workload: undefined })),
      workload: { ...s.workload, load: { type: 'daily', daily_active_users: 100000, session_minutes: 12, peak_factor: 3, think_ms: { dist: 'exponential', mean: 10000 } } },
    });
    expect(previewWebStack(daily).load.users).toBe(Math.ceil((100000 * 12 * 3) / 1440));
  });
});

describe('speed', () => {
  it('previews the 12,000-user, 12-worker, 8-vCPU scenario (timing is measured by a script, not here)', () => {
    const s = bigScenario();
    const p = previewWebStack(s);
    expect(p.load.users).toBe(12000);
    expect(p.method).toBe('approx-mva');
    expect(Number.isFinite(p.mean_response_ms)).toBe(true);
    expect(p.bottleneck.resource).toBe('web.cpu');
  });
});
