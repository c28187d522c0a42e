import { describe, expect, it } from 'vitest';
import { lintScenario } from '../../../../sim-core/web-stack/lint';
import { scenario } from './scenario';

const django = (conn_max_age: number | null, extra: Record<string, unknown> = {}) => ({
  app: { db_access: 'django', sqlalchemy: undefined, django: { conn_max_age }, ...extra },
});
const byId = (s: Parameters<typeof lintScenario>[0], id: string) => lintScenario(s).filter((f) => f.id === id);

describe('lint: Django connections (one per thread or greenlet)', () => {
  it('gevent + persistent: 12 workers × 1000 greenlets = 12,000 connections > 197', () => {
    const s = scenario({ ...django(null, { worker_class: 'gevent', workers: 12 }), database: { max_connections: 200 } });
    const [f] = byId(s, 'django-persistent-connections-exceed-max');
    expect(f.severity).toBe('error');
    expect(f.path).toBe('app.django.conn_max_age');
    expect(f.numbers).toMatchObject({ workers: 12, connections_per_worker: 1000, connections: 12000, limit: 197, max_connections_per_worker: 16 });
    expect(f.numbers.conn_max_age).toBeUndefined();
    expect(f.message).toContain('1 instance × 12 workers × 1000 greenlets = 12,000 connections held open > 197');
    // floor(197 / 12) = 16 greenlets per worker, or PgBouncer with max_client_conn ≥ 12,000, or 12,003.
    expect(f.fix).toContain('worker_connections ≤ 16');
    expect(f.fix).toContain('max_client_conn ≥ 12,000');
    expect(f.fix).toContain('12,003');
  });

  it('CONN_MAX_AGE 600 counts as persistent too', () => {
    const s = scenario({ ...django(600, { worker_class: 'gevent', workers: 12 }), database: { max_connections: 200 } });
    expect(byId(s, 'django-persistent-connections-exceed-max')[0].numbers.conn_max_age).toBe(600);
  });

  it('CONN_MAX_AGE 0: one per in-flight request, the same 12,000 at full concurrency, as a warning', () => {
    const s = scenario({ ...django(0, { worker_class: 'gevent', workers: 12 }), database: { max_connections: 200 } });
    expect(byId(s, 'django-persistent-connections-exceed-max')).toEqual([]);
    const [f] = byId(s, 'django-request-connections-exceed-max');
    expect(f.severity).toBe('warning');
    expect(f.numbers.connections).toBe(12000);
  });

  it('gthread: 17 workers × 20 threads = 340 > 297; threads ≤ 17', () => {
    const s = scenario(django(null, { worker_class: 'gthread', threads: 20 }));
    const [f] = byId(s, 'django-persistent-connections-exceed-max');
    expect(f.numbers).toMatchObject({ connections: 340, limit: 297 });
    expect(f.fix).toContain('threads ≤ 17');
  });

  it('behind PgBouncer the bound is max_client_conn', () => {
    const s = scenario({ ...django(null, { worker_class: 'gevent', workers: 12 }), pgbouncer: { host: 'db', max_client_conn: 20000 } });
    expect(byId(s, 'django-persistent-connections-exceed-max')).toEqual([]);
  });

  it('stays silent for sync persistent connections: 17 × 1 = 17 ≤ 297', () => {
    expect(lintScenario(scenario(django(null)))).toEqual([]);
  });
});
