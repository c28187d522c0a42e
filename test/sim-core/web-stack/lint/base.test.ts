import { describe, expect, it } from 'vitest';
import { lintScenario } from '../../../../sim-core/web-stack/lint';
import { scenario } from './scenario';

describe('lint: a consistent scenario', () => {
  it('has no findings at all', () => {
    expect(lintScenario(scenario())).toEqual([]);
  });

  it('sorts errors before warnings before info', () => {
    const s = scenario({
      app: { workers: 40, sqlalchemy: { pool_size: 20, max_overflow: 10 } },
      redis: { maxmemory: undefined, cache_working_set: '1GB' },
    });
    const sev = lintScenario(s).map((f) => f.severity);
    expect(sev[0]).toBe('error');
    expect([...sev].sort((a, b) => ['error', 'warning', 'info'].indexOf(a) - ['error', 'warning', 'info'].indexOf(b))).toEqual(sev);
  });

  it('every finding has a path, numbers, a message and a fix; numbers are finite (JSON-safe)', () => {
    const s = scenario({
      app: { server: 'uvicorn', worker_class: 'uvicorn', workers: 4, db_access: 'django', sqlalchemy: undefined, django: { conn_max_age: null } },
    });
    const findings = lintScenario(s);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f.path).not.toBe('');
      expect(f.message).toMatch(/\d/);
      expect(f.fix).not.toBe('');
      for (const v of Object.values(f.numbers)) expect(Number.isFinite(v)).toBe(true);
    }
  });
});
