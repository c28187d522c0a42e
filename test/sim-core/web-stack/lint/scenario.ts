// A small, consistent web-stack scenario for the lint tests, and a way to patch it: objects merge, arrays and
// values replace, undefined removes a key. Every number below is chosen so no check fires on the base:
// 17 sync workers × (5 + 10) = 255 ≤ 297 = 300 − 3; app host 17 × 150 + 1024 = 3,574 MB of 16 GB;
// db host 8,192 + 255 backends × 10 + 64 + 1,036 (redis) + 1,024 = 12,866 MB of 32 GB; nginx 2 × 1024 / 2 = 1,024 ≥ 500 users.

import { webStackSchema, type WebStackScenario } from '../../../../sim-core/web-stack/schema';

export const baseInput = {
  kind: 'web-stack',
  schema_version: 1,
  name: 'lint base',
  hosts: [
    { name: 'lb', vcpus: 2, ram: '4GB' },
    { name: 'app1', vcpus: 8, ram: '16GB' },
    { name: 'db', vcpus: 8, ram: '32GB' },
  ],
  nginx: { host: 'lb', worker_connections: 1024 },
  app: {
    server: 'gunicorn',
    worker_class: 'sync',
    instances: [{ host: 'app1' }],
    workers: 17,
    db_access: 'sqlalchemy',
    sqlalchemy: { pool_size: 5, max_overflow: 10 },
  },
  database: { engine: 'postgresql', host: 'db', max_connections: 300, shared_buffers: '8GB', working_set: '4GB' },
  redis: { host: 'db', maxmemory: '1GB' },
  workload: {
    load: { type: 'closed', users: 500, think_ms: { dist: 'exponential', mean: 1000 } },
    classes: [
      { name: 'api', share: 1, app_cpu_ms: { dist: 'exponential', mean: 20 }, db_queries: 3, db_query_ms: { dist: 'exponential', mean: 2 } },
    ],
    retries: { client_timeout_s: 90 },
  },
} as const;

type Plain = Record<string, unknown>;

function isPlain(x: unknown): x is Plain {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function merge(base: unknown, patch: unknown): unknown {
  if (!isPlain(base) || !isPlain(patch)) return patch;
  const out: Plain = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete out[k];
    else out[k] = merge(base[k], v);
  }
  return out;
}

/** The base scenario with `patch` applied, parsed by the real schema (defaults filled, memory in MB). */
export function scenario(patch: Plain = {}): WebStackScenario {
  return webStackSchema.parse(merge(baseInput, patch));
}

export const instancesOn = (host: string, count: number) => Array.from({ length: count }, () => ({ host }));
