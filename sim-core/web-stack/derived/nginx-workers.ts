// nginx's worker processes and its connection cap: `worker_processes auto` is the number of CPUs nginx sees,
// which on the simulated host is its vCPUs (nginx docs: "auto ... the number of available CPU cores"); each
// worker holds up to worker_connections connections, counting both the client's and the upstream's.

import type { WebStackScenario } from '../schema/web-stack-schema';
import { hostNamed } from './host-named';

/** worker_processes with "auto" resolved to the vCPUs of nginx's host; 0 without nginx. */
export function nginxWorkerProcesses(s: WebStackScenario): number {
  if (!s.nginx) return 0;
  return s.nginx.worker_processes === 'auto' ? hostNamed(s, s.nginx.host).vcpus : s.nginx.worker_processes;
}

/** Connections nginx holds at once: worker_processes × worker_connections (a proxied request takes two). */
export function nginxConnectionCap(s: WebStackScenario): number {
  return s.nginx ? nginxWorkerProcesses(s) * s.nginx.worker_connections : 0;
}
