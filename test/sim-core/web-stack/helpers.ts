// Small inline scenarios for the web-stack runtime tests: a one-host stack with overridable parts.

import { webStackSchema, type WebStackInput, type WebStackScenario } from '../../../sim-core/web-stack/schema';
import type { WebStackResult } from '../../../sim-core/web-stack/runtime/web-stack-result';

export function scenario(over: Partial<WebStackInput> & { workload: WebStackInput['workload'] }): WebStackScenario {
  return webStackSchema.parse({
    kind: 'web-stack',
    schema_version: 1,
    name: 'test',
    hosts: [{ name: 'h', vcpus: 64, ram: '64GB', disk: { type: 'nvme' } }],
    app: { server: 'gunicorn', worker_class: 'sync', instances: [{ host: 'h' }], workers: 1, db_access: 'none' },
    ...over,
  });
}

/** Requests served per second of the kept window, failed attempts, and attempts per user request. */
export function attemptStats(r: WebStackResult): { attemptsPerUser: number; failedAttempts: number } {
  const windowS = r.simulated_s - r.warmup.simulated_s;
  const ok = r.throughput_rps * windowS;
  const failed = Object.values(r.errors.by_cause).reduce((a, b) => a + b, 0);
  const users = ok / (1 - r.user_error_rate);
  return { attemptsPerUser: (ok + failed) / users, failedAttempts: failed };
}
