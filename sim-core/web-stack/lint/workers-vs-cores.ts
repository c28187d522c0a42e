// The GIL lets one process run Python on one core at a time, whatever its concurrency. Sync workers also block
// on I/O, hence Gunicorn's (2 × cores) + 1 guide; fewer sync workers than cores leaves cores idle. gevent,
// gthread and uvicorn overlap I/O inside a process, so one worker per core is fine, but fewer than the cores
// still caps Python CPU (reported as info). Far more than 4 × vCPUs of any class only adds memory and context
// switches. Counts are per host: workers in containers often follow the host's CPUs, not the pod's.

import { hostIndex } from './stack-numbers';
import { hostNamed as host } from '../derived/host-named';
import { instancesPerHost } from '../derived/app-slots';
import { n, type LintFinding } from './finding';
import type { WebStackScenario } from '../schema/web-stack-schema';

export const MAX_WORKERS_PER_VCPU = 4;

export function checkWorkersVsCores(s: WebStackScenario): LintFinding[] {
  const app = s.app;
  const findings: LintFinding[] = [];
  for (const [hostName, count] of instancesPerHost(s)) {
    const vcpus = host(s, hostName).vcpus;
    const workers = count * app.workers;
    const guide = 2 * vcpus + 1;
    const path = `app.workers`;
    const where = `host "${hostName}" (hosts[${hostIndex(s, hostName)}])`;
    const inst = `${count} instance${count === 1 ? '' : 's'} × ${app.workers} workers = ${n(workers)}`;
    const numbers = { instances_on_host: count, workers_per_instance: app.workers, workers_on_host: workers, vcpus, guide_workers: guide };
    if (workers > MAX_WORKERS_PER_VCPU * vcpus) {
      const fit = Math.floor((app.worker_class === 'sync' ? guide : MAX_WORKERS_PER_VCPU * vcpus) / count);
      findings.push({
        id: 'workers-exceed-cores',
        severity: 'warning',
        path,
        message: `${inst} ${app.worker_class} workers on ${where} > ${MAX_WORKERS_PER_VCPU} × ${vcpus} vCPUs = ${MAX_WORKERS_PER_VCPU * vcpus}.`,
        numbers,
        fix:
          fit >= 1
            ? `Set workers ≤ ${fit} per instance (${app.worker_class === 'sync' ? `(2 × ${vcpus}) + 1 = ${guide}` : `${MAX_WORKERS_PER_VCPU} × ${vcpus}`} on the host ÷ ${count} instances), or a host with ≥ ${Math.ceil(workers / MAX_WORKERS_PER_VCPU)} vCPUs.`
            : `Place at most ${app.worker_class === 'sync' ? guide : MAX_WORKERS_PER_VCPU * vcpus} worker processes on this host, or a host with ≥ ${Math.ceil(workers / MAX_WORKERS_PER_VCPU)} vCPUs.`,
      });
    } else if (workers < vcpus) {
      const sync = app.worker_class === 'sync';
      const want = Math.ceil((sync ? guide : vcpus) / count);
      findings.push({
        id: sync ? 'sync-workers-below-cores' : 'workers-below-cores',
        severity: sync ? 'warning' : 'info',
        path,
        message: `${inst} ${app.worker_class} workers on ${where} < ${vcpus} vCPUs: ${sync ? `sync workers block on I/O, so at most ${n(workers)} requests run and ${vcpus - workers} cores idle` : `the GIL caps Python CPU at ${n(workers)} of ${vcpus} cores`}.`,
        numbers,
        fix: sync
          ? `Set workers = ${want} per instance ((2 × ${vcpus}) + 1 = ${guide} on the host ÷ ${count}).`
          : `Set workers = ${want} per instance (one per core) unless other processes on the host need the cores.`,
      });
    }
  }
  return findings;
}
