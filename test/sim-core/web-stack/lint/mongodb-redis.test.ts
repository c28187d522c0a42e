import { describe, expect, it } from 'vitest';
import { lintScenario } from '../../../../sim-core/web-stack/lint';
import { instancesOn, scenario } from './scenario';

const byId = (s: Parameters<typeof lintScenario>[0], id: string) => lintScenario(s).filter((f) => f.id === id);
const mongo = (maxPoolSize: number, app: Record<string, unknown> = {}) => ({
  app: { db_access: 'mongodb', sqlalchemy: undefined, mongodb: { maxPoolSize }, ...app },
  database: { engine: 'mongodb', max_connections: undefined, shared_buffers: '8GB' },
});

describe('lint: MongoDB driver pools', () => {
  it('17 workers × 100 maxPoolSize = 1,700 connections: info with ~1,700 MB on the DB host', () => {
    const findings = lintScenario(scenario(mongo(100)));
    expect(findings.map((f) => f.id)).toEqual(['mongodb-connection-memory']);
    const [f] = findings;
    expect(f.severity).toBe('info');
    expect(f.numbers).toMatchObject({ connections: 1700, limit: 65536, memory_mb: 1700 });
    expect(f.fix).toContain('maxPoolSize 1');
  });

  it('10 instances × 16 workers × 500 = 80,000 > 65,536: at most 409 per process', () => {
    const s = scenario(mongo(500, { instances: instancesOn('app1', 10), workers: 16 }));
    const [f] = byId(s, 'mongodb-connections-exceed-max');
    expect(f.severity).toBe('error');
    expect(f.numbers).toMatchObject({ connections: 80000, limit: 65536 });
    expect(f.fix).toContain('maxPoolSize ≤ 409');
  });
});

describe('lint: Redis clients and memory', () => {
  it('4 instances × 8 workers × 50 = 1,600 > maxclients 1,000: at most 31 per process', () => {
    const s = scenario({ app: { instances: instancesOn('app1', 4), workers: 8 }, redis: { maxclients: 1000 } });
    const [f] = byId(s, 'redis-connections-exceed-maxclients');
    expect(f.severity).toBe('error');
    expect(f.numbers).toMatchObject({ connections: 1600, maxclients: 1000, max_per_process: 31 });
    expect(f.fix).toContain('redis_max_connections ≤ 31');
  });

  it('no maxmemory: a warning, the RAM budget counts cache_working_set, fix 1 GB per shard for 2 GB over 2 shards', () => {
    const s = scenario({ redis: { maxmemory: undefined, shards: 2, cache_working_set: '2GB' } });
    const findings = lintScenario(s);
    expect(findings.map((f) => f.id)).toEqual(['redis-maxmemory-unset']);
    expect(findings[0].severity).toBe('warning');
    expect(findings[0].fix).toContain('maxmemory to 1gb per shard');
  });

  it('stays silent with 17 × 50 = 850 ≤ 10,000 and a maxmemory', () => {
    expect(byId(scenario(), 'redis-connections-exceed-maxclients')).toEqual([]);
  });
});
