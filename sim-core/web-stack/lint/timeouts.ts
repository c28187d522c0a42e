// Timeouts must nest from the inside out: Gunicorn kills a stuck worker (timeout) before nginx gives up on the
// upstream (proxy_read_timeout), and nginx answers before the client gives up (client_timeout_s). If nginx
// gives up first the user gets a 504 while the worker keeps computing (and keeps its DB connection); if the
// client gives up first, its retry arrives while the server still works on the abandoned attempt, multiplying
// load exactly when the stack is slow. (For gthread/gevent Gunicorn's timeout is a heartbeat: it kills only a
// worker whose whole loop is stuck, so the ordering matters most for sync workers.)

import { n, type LintFinding } from './finding';
import type { WebStackScenario } from '../schema/web-stack-schema';

export function checkTimeouts(s: WebStackScenario): LintFinding[] {
  const findings: LintFinding[] = [];
  const app = s.app;
  const gunicorn = app.server === 'gunicorn' && app.timeout > 0 ? app.timeout : undefined;
  const proxyRead = s.nginx?.proxy_read_timeout_s;

  if (gunicorn !== undefined && proxyRead !== undefined && proxyRead <= gunicorn) {
    findings.push({
      id: 'nginx-timeout-below-gunicorn-timeout',
      severity: 'warning',
      path: 'nginx.proxy_read_timeout_s',
      message: `nginx proxy_read_timeout ${n(proxyRead)} s ≤ Gunicorn timeout ${n(gunicorn)} s: nginx answers 504 while the worker keeps working on the request for up to ${n(gunicorn)} s.`,
      numbers: { proxy_read_timeout_s: proxyRead, gunicorn_timeout_s: gunicorn },
      fix: `Set proxy_read_timeout to ${n(gunicorn + 5)} s (Gunicorn timeout + 5 s), or lower Gunicorn timeout to ${n(Math.max(1, proxyRead - 5))} s.`,
    });
  }

  const client = s.workload.retries?.client_timeout_s;
  if (client !== undefined) {
    // The stack stops working on a request at the first of its own limits to fire.
    const limits = [gunicorn, proxyRead].filter((x): x is number => x !== undefined);
    if (limits.length > 0) {
      const server = Math.min(...limits);
      if (client <= server) {
        const retries = s.workload.retries!.max_retries;
        const which = server === gunicorn ? `Gunicorn timeout ${n(server)} s` : `nginx proxy_read_timeout ${n(server)} s`;
        const inner = Math.max(1, Math.floor(client) - 2);
        findings.push({
          id: 'client-timeout-below-server-timeout',
          severity: 'warning',
          path: 'workload.retries.client_timeout_s',
          message: `Clients give up after ${n(client)} s but the stack keeps working until ${which}${retries > 0 ? `, so each of up to ${retries} retries adds load on top of the abandoned attempt` : ', so abandoned requests still hold workers and connections'}.`,
          numbers: { client_timeout_s: client, server_timeout_s: server, max_retries: retries, ...(gunicorn !== undefined && { gunicorn_timeout_s: gunicorn }), ...(proxyRead !== undefined && { proxy_read_timeout_s: proxyRead }) },
          fix:
            gunicorn !== undefined && proxyRead !== undefined
              ? `Set Gunicorn timeout to ${inner} s and proxy_read_timeout to ${inner + 1} s (below the client's ${n(client)} s), or raise client_timeout_s above ${n(Math.max(gunicorn, proxyRead))} s.`
              : `Set ${gunicorn !== undefined ? 'Gunicorn timeout' : 'proxy_read_timeout'} to ${inner} s (below the client's ${n(client)} s), or raise client_timeout_s above ${n(server)} s.`,
        });
      }
    }
  }
  return findings;
}
