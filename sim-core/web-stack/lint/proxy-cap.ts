// nginx holds two connections for every proxied request (client side and upstream side), so it can pass at most
// worker_processes × worker_connections / 2 requests at once ("worker_connections are not enough" in the error
// log past it). worker_processes auto is the host's vCPUs. If the app accepts more concurrent requests than
// that, the app's capacity is unreachable; closed-workload users keep a keepalive connection each, so fewer
// slots than users means users waiting on nginx, not on the app.

import { appProcesses, slotsLabel, slotsPerWorker } from '../derived/app-slots';
import { nginxWorkerProcesses } from '../derived/nginx-workers';
import { n, type LintFinding } from './finding';
import type { WebStackScenario } from '../schema/web-stack-schema';
import { dailyPeakUsers } from '../derived/daily-peak-users';

/** Concurrent users a workload keeps: closed users, or a daily curve's peak concurrent sessions. */
export function concurrentUsers(s: WebStackScenario): { users: number; formula: string } | undefined {
  const load = s.workload.load;
  if (load.type === 'closed') return { users: load.users, formula: `${n(load.users)} users` };
  if (load.type === 'daily') {
    // Peak concurrent sessions = DAU × sessions/user × session length / 1440 min × peak factor.
    const users = dailyPeakUsers(load);
    return {
      users,
      formula: `${n(users)} peak users (${n(load.daily_active_users)} DAU × ${n(load.sessions_per_user)} sessions × ${n(load.session_minutes)} min ÷ 1440 × ${n(load.peak_factor)} peak factor)`,
    };
  }
  return undefined;
}

export function checkProxyCap(s: WebStackScenario): LintFinding[] {
  const nginx = s.nginx;
  if (!nginx) return [];
  const wp = nginxWorkerProcesses(s);
  const cap = Math.floor((wp * nginx.worker_connections) / 2);
  const wpText = nginx.worker_processes === 'auto' ? `${wp} worker_processes (auto = vCPUs)` : `${wp} worker_processes`;
  const capText = `${wpText} × ${n(nginx.worker_connections)} worker_connections / 2 = ${n(cap)}`;
  const neededWc = (concurrency: number) => Math.ceil((2 * concurrency) / wp);
  const findings: LintFinding[] = [];

  const app = s.app;
  const slots = slotsPerWorker(app);
  const appConcurrency = appProcesses(s) * slots;
  if (Number.isFinite(appConcurrency) && appConcurrency > cap) {
    const inst = app.instances.length;
    findings.push({
      id: 'nginx-cap-below-app-concurrency',
      severity: 'warning',
      path: 'nginx.worker_connections',
      message: `The app accepts ${inst} instance${inst === 1 ? '' : 's'} × ${app.workers} workers × ${slotsLabel(app)} = ${n(appConcurrency)} concurrent requests but nginx passes at most ${capText}.`,
      numbers: { worker_processes: wp, worker_connections: nginx.worker_connections, nginx_cap: cap, app_concurrency: appConcurrency },
      fix: `Set worker_connections ≥ ${n(neededWc(appConcurrency))} (2 × ${n(appConcurrency)} ÷ ${wp}) and worker_rlimit_nofile ≥ 2 × that.`,
    });
  }

  const users = concurrentUsers(s);
  if (users && users.users > cap) {
    findings.push({
      id: 'nginx-cap-below-users',
      severity: 'warning',
      path: 'nginx.worker_connections',
      message: `nginx passes at most ${capText} concurrent requests, fewer than the workload's ${users.formula}.`,
      numbers: { worker_processes: wp, worker_connections: nginx.worker_connections, nginx_cap: cap, users: users.users },
      fix: `Set worker_connections ≥ ${n(neededWc(users.users))} (2 × ${n(users.users)} ÷ ${wp}) and worker_rlimit_nofile ≥ 2 × that.`,
    });
  }
  return findings;
}
