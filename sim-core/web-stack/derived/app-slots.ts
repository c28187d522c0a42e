// Processes and concurrency of the app tier as the servers define them: worker processes = instances ×
// workers; requests one worker process holds at once ("slots") — sync 1, gthread `threads`, gevent
// `worker_connections` (one greenlet per client connection), uvicorn `--limit-concurrency` (unbounded when
// unset: uvicorn admits every connection). Read by the runtime, the preview, lint, export and sizing.

import type { AppServerSpec } from '../schema/app-server';
import type { WebStackScenario } from '../schema/web-stack-schema';

/** Worker processes of the whole app tier (every pool, driver and client lives per process). */
export function appProcesses(s: WebStackScenario): number {
  return s.app.instances.length * s.app.workers;
}

/** Requests one worker process holds at once; Infinity for a uvicorn without limit_concurrency. */
export function slotsPerWorker(app: AppServerSpec): number {
  switch (app.worker_class) {
    case 'sync':
      return 1;
    case 'gthread':
      return app.threads;
    case 'gevent':
      return app.worker_connections;
    case 'uvicorn':
      return app.limit_concurrency ?? Infinity;
  }
}

/** How the slots per worker were derived, for messages: "1 (sync)", "8 threads", "1000 greenlets". */
export function slotsLabel(app: AppServerSpec): string {
  switch (app.worker_class) {
    case 'sync':
      return '1 (sync)';
    case 'gthread':
      return `${app.threads} threads`;
    case 'gevent':
      return `${app.worker_connections} greenlets`;
    case 'uvicorn':
      return app.limit_concurrency === undefined ? 'unbounded (no limit_concurrency)' : `limit_concurrency ${app.limit_concurrency}`;
  }
}

/** Instances of the app placed on each host, in the order the instances are listed. */
export function instancesPerHost(s: WebStackScenario): Map<string, number> {
  const m = new Map<string, number>();
  for (const inst of s.app.instances) m.set(inst.host, (m.get(inst.host) ?? 0) + 1);
  return m;
}
