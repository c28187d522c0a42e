import { describe, expect, it } from 'vitest';
import { hostFootprints, lintScenario } from '../../../../sim-core/web-stack/lint';
import { instancesOn, scenario } from './scenario';

const byId = (s: Parameters<typeof lintScenario>[0], id: string) => lintScenario(s).filter((f) => f.id === id);

describe('lint: RAM budget of each host', () => {
  it('app host over RAM: 4 instances × 8 workers × 300 MB + 1,024 os = 10,624 MB > 8,192 MB', () => {
    const s = scenario({
      hosts: [
        { name: 'lb', vcpus: 2, ram: '4GB' },
        { name: 'app1', vcpus: 8, ram: '8GB' },
        { name: 'db', vcpus: 8, ram: '32GB' },
      ],
      app: { instances: instancesOn('app1', 4), workers: 8, memory_per_worker: '300MB', sqlalchemy: { pool_size: 1, max_overflow: 0 } },
    });
    const [f, ...rest] = byId(s, 'host-ram-over-budget');
    expect(rest).toEqual([]);
    expect(f.severity).toBe('error');
    expect(f.path).toBe('hosts[1]');
    expect(f.numbers).toEqual({ app_mb: 9600, os_reserved_mb: 1024, total_mb: 10624, ram_mb: 8192, share: 1.297 });
    expect(f.message).toContain('9,600 MB app (4 instances × 8 workers × 300 MB) + 1,024 MB os_reserved = 10,624 MB > 8,192 MB RAM (130%)');
    // 90% of 8,192 = 7,372.8; (7,372.8 − 1,024) / (4 × 300) = 5.29 → 5 workers; 10,624 / 0.9 / 1024 → 12 GB.
    expect(f.fix).toContain('workers ≤ 5');
    expect(f.fix).toContain('at least 12 GB');
  });

  it('above 90%: 17 × 820 MB + 1,024 = 14,964 MB of 16,384 MB (91%) is a warning', () => {
    const s = scenario({ app: { memory_per_worker: '820MB' } });
    const findings = lintScenario(s);
    expect(findings.map((f) => f.id)).toEqual(['host-ram-near-budget']);
    expect(findings[0].severity).toBe('warning');
    expect(findings[0].numbers).toMatchObject({ app_mb: 13940, total_mb: 14964, ram_mb: 16384 });
  });

  // The backends that can exist are the clients' connections within max_connections: 17 workers × (5 + 10) =
  // 255 ≤ 300. Redis: 1,024 MB maxmemory + the 12 MB an empty redis-server keeps (measured).
  it('database host: 12,288 shared_buffers + 255 × 10 + 64 maintenance + 1,036 redis + 1,024 os = 16,962 MB > 16,384 MB', () => {
    const s = scenario({
      hosts: [
        { name: 'lb', vcpus: 2, ram: '4GB' },
        { name: 'app1', vcpus: 8, ram: '16GB' },
        { name: 'db', vcpus: 8, ram: '16GB' },
      ],
      database: { shared_buffers: '12GB' },
    });
    const [f] = byId(s, 'host-ram-over-budget');
    expect(f.path).toBe('hosts[2]');
    expect(f.numbers).toMatchObject({ database_mb: 14902, redis_mb: 1036, os_reserved_mb: 1024, total_mb: 16962, work_mem_worst_mb: 1020 });
    // cut = ceil(16,962 − 14,745.6) = 2,217 MB from shared_buffers: 12,288 − 2,217 = 10,071 MB.
    expect(f.fix).toContain('lower shared_buffers to 10071MB');
  });

  it('gevent greenlets count at full concurrency, nginx workers, celery and replicas are placed', () => {
    const s = scenario({
      app: { worker_class: 'gevent', workers: 4, memory_per_connection: '0.5MB' },
      nginx: { worker_processes: 4, memory_per_worker: '25MB' },
      celery: { host: 'app1', workers: 2, concurrency: 4, memory_per_worker: '200MB' },
      database: { replicas: [{ host: 'lb' }] },
    });
    const fp = Object.fromEntries(hostFootprints(s).map((f) => [f.host, Object.fromEntries(f.items.map((i) => [i.key, i.mb]))]));
    expect(fp.app1).toEqual({ app_mb: 600, app_connections_mb: 2000, celery_mb: 1600, os_reserved_mb: 1024 });
    // 4 gevent workers × (5 + 10) pooled connections = 60 backends: 8,192 + 60 × 10 + 64 maintenance = 8,856 MB.
    expect(fp.lb).toEqual({ nginx_mb: 100, database_replica_mb: 8856, os_reserved_mb: 1024 });
    expect(fp.db).toEqual({ database_mb: 8856, redis_mb: 1036, os_reserved_mb: 1024 });
    // lb: 100 + 8,856 + 1,024 = 9,980 MB > 4,096 MB.
    expect(byId(s, 'host-ram-over-budget').map((f) => [f.path, f.numbers.total_mb])).toEqual([['hosts[0]', 9980]]);
  });
});

// The base db host: 8,192 shared_buffers + 255 backends × 10 + 64 maintenance + 1,036 redis + 1,024 os = 12,866 MB.
describe('lint: connections × work_mem against the RAM left', () => {
  it('255 × 128 MB = 32,640 MB > 32,768 − 12,866 = 19,902 MB left; work_mem ≤ 78MB', () => {
    const s = scenario({ database: { work_mem: '128MB' } });
    const findings = lintScenario(s);
    expect(findings.map((f) => f.id)).toEqual(['work-mem-exceeds-ram']);
    const [f] = findings;
    expect(f.severity).toBe('warning');
    expect(f.path).toBe('database.work_mem');
    expect(f.numbers).toMatchObject({ connections: 255, work_mem_worst_mb: 32640, placed_mb: 12866, left_mb: 19902 });
    // 19,902 ÷ 255 = 78.0 MB; 19,902 ÷ 128 = 155.5 connections.
    expect(f.fix).toContain('work_mem ≤ 78MB');
    expect(f.fix).toContain('at most 155 connections');
  });

  it('stays silent at 255 × 64 MB = 16,320 ≤ 19,902 MB', () => {
    expect(lintScenario(scenario({ database: { work_mem: '64MB' } }))).toEqual([]);
  });
});
