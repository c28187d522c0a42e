// Turns a finished WebStackModel into a WebStackResult: the common part from summarizeRun, then utilisation
// of every resource over the kept window, errors by cause, per-class figures, memory per host, database and
// cache figures, the bottleneck and the SLO verdict. ms inside; seconds, rps and fractions out.

import type { RunControl } from '../../run/run-control';
import { stretchWarning } from '../../run/run-driver';
import type { ResourceResult, StopReasonJson } from '../../run/run-result';
import { summarizeRun } from '../../run/summarize-run';
import { errorCauses, type ClassResult, type WebStackResult } from './web-stack-result';
import { causeIndex, classCounterBase } from './counters';
import { hostMemory, memoryWarnings } from '../derived/host-memory';
import type { WebStackModel } from './web-stack-model';

export function assembleResult(m: WebStackModel, stop: StopReasonJson, seed: number, wallMs: number, control: RunControl): WebStackResult {
  const s = m.s;
  const now = m.sim.now;
  const summary = summarizeRun(m.analyzer, m.client.inSystem, m.counters, now);
  const from = summary.windowStart;
  const windowS = (now - from) / 1000;
  const perS = (x: number) => (windowS > 0 ? x / windowS : 0);
  const c = m.counters.since(from);
  const p = m.parts;
  const utilization: Record<string, number> = {};
  const resources: Record<string, ResourceResult> = {};
  const put = (name: string, u: number, extra: Partial<ResourceResult> = {}, completions = 0) => {
    utilization[name] = u;
    resources[name] = { utilization: u, completions, ...extra };
  };
  for (const h of p.hosts) {
    const u = h.utilization(from, now);
    const n = h.spec.name;
    put(`${n}.cpu`, u.cpu, { mean_present: h.cpu.jobLevel.average(from, now) }, h.cpu.completions);
    put(`${n}.disk`, u.disk, { mean_waiting: h.disk.queueLevel.average(from, now) }, h.disk.completions);
    put(`${n}.nic`, u.nic, { mean_present: h.nic.jobLevel.average(from, now) }, h.nic.completions);
  }
  if (p.nginx) put('nginx.connections', p.nginx.connections.level.average(from, now) / p.nginx.capacity);
  const app = p.app;
  for (let i = 0; i < app.instances; i++) {
    const first = i * app.workers;
    const slots = app.workers * app.slots;
    const busy = app.busyLevel[i].average(from, now);
    if (Number.isFinite(slots)) put(`app[${i}].slots`, busy / slots, { mean_present: busy, mean_waiting: app.backlogLevel[i].average(from, now) });
    else resources[`app[${i}].slots`] = { mean_present: busy, completions: 0 };
    put(`app[${i}].gil`, p.gils.utilization(first, app.workers, from, now));
    if (p.pools) put(`app[${i}].pool`, p.pools.busyShare(first, app.workers, from, now));
  }
  if (p.pgb) put('pgbouncer.server_conns', p.pgb.servers.useLevel.average(from, now) / Math.max(1, p.pgb.servers.capacity), { mean_waiting: p.pgb.servers.queueLevel.average(from, now) });
  if (p.db) {
    put('database.connections', p.db.usable > 0 ? p.db.connections.level.average(from, now) / p.db.usable : 1);
    p.db.nodes.forEach((n, k) => {
      if (n.tickets) put(`database${k ? `.replica[${k - 1}]` : ''}.tickets`, n.tickets.useLevel.average(from, now) / n.tickets.capacity);
    });
  }
  if (p.redis) p.redis.shards.forEach((sh, k) => put(`redis[${k}]`, sh.busyLevel.average(from, now), { mean_waiting: sh.queueLevel.average(from, now) }, sh.completions));
  if (p.celery) {
    const sl = p.celery.slots;
    put('celery.workers', sl.useLevel.average(from, now) / sl.capacity, { mean_waiting: sl.queueLevel.average(from, now) });
  }

  const byCause: Record<string, number> = {};
  for (const cause of errorCauses) {
    const n = c[m.counters.names[causeIndex(cause)]];
    if (n > 0) byCause[cause] = n;
  }
  const attempts = c.attempts_ok + c.attempts_failed;
  const users = c.completed + c.user_failed;
  const userErrorRate = users > 0 ? c.user_failed / users : 0;

  const classes: Record<string, ClassResult> = {};
  const base = classCounterBase();
  s.workload.classes.forEach((cl, i) => {
    const ok = c[m.counters.names[base + 2 * i]];
    const failed = c[m.counters.names[base + 2 * i + 1]];
    const a = m.classAnalyzers[i];
    let latency = { mean: NaN, p50: NaN, p90: NaN, p95: NaN, p99: NaN, p999: NaN };
    if (a.count > 0) {
      const q = a.summarize({ quantiles: [0.5, 0.9, 0.95, 0.99, 0.999] });
      const [p50, p90, p95, p99, p999] = q.quantiles.map((x) => x.estimate);
      latency = { mean: q.mean.estimate, p50, p90, p95, p99, p999 };
    }
    classes[cl.name] = { throughput_rps: perS(ok), latency_ms: latency, error_rate: ok + failed > 0 ? failed / (ok + failed) : 0 };
  });

  const memory = hostMemory(s, {
    appInFlight: app.busyLevel.map((l) => l.max),
    dbConnections: p.db ? p.db.nodes.map(() => p.db!.connections.level.max) : [],
    pgbouncerClients: p.pgb ? p.pgb.clients.level.max : 0,
  });
  const warnings = [...summary.result.warnings, ...memoryWarnings(memory)];
  if (m.load.type === 'open' && stop === 'horizon') {
    const offered = m.load.rate_per_s!;
    const done = perS(users);
    if (done < 0.95 * offered || m.client.inSystem.level > 10 * Math.max(1, m.client.inSystem.average(from, now))) {
      warnings.push(`overloaded: ${offered} requests/s offered, ${done.toFixed(1)}/s left the system; the queue grows and the run stopped at the duration cap (${(now / 1000).toFixed(0)} s simulated)`);
    }
  }
  if (stop === 'event_cap') warnings.push('the run stopped at the event cap before reaching its precision target');
  const stretch = stretchWarning(control, now / 1000, summary.result.observations);
  if (stretch) warnings.push(stretch);
  if (app.kills > 0) warnings.push(`gunicorn killed worker processes ${app.kills} times (timeout ${s.app.timeout} s)`);

  // The binding resource is the busiest one on the request path: Celery drains its queue after the response,
  // so a saturated Celery pool delays tasks, not requests (it is reported as a warning instead).
  let bottleneck = { resource: 'none', utilization: 0 };
  for (const [k, u] of Object.entries(utilization)) {
    if (k !== 'celery.workers' && u > bottleneck.utilization) bottleneck = { resource: k, utilization: u };
  }
  const celeryBusy = utilization['celery.workers'];
  if (celeryBusy !== undefined && celeryBusy >= 0.95) {
    warnings.push(`celery workers are ${(celeryBusy * 100).toFixed(0)} % busy: the task queue grows (mean ${resources['celery.workers']?.mean_waiting?.toFixed(0) ?? '?'} waiting), so tasks finish ever later; add workers or concurrency`);
  }

  const p95 = summary.result.latency_ms.p95;
  const result: WebStackResult = {
    ...summary.result,
    warnings,
    utilization,
    errors: { rate: attempts > 0 ? c.attempts_failed / attempts : 0, by_cause: byCause },
    events: m.sim.events,
    wall_ms: wallMs,
    stop_reason: stop,
    seed,
    resources,
    scenario: s.name,
    load: m.load.type === 'closed' ? { users: m.load.users } : { rate_per_s: m.load.rate_per_s },
    classes,
    memory,
    user_error_rate: userErrorRate,
    bottleneck,
    slo: { p95_ms: s.slo.p95_ms, max_error_rate: s.slo.max_error_rate, met: p95 <= s.slo.p95_ms && userErrorRate <= s.slo.max_error_rate },
    egress_bytes_per_s: perS(c.egress_bytes),
  };
  if (p.db) {
    result.database = {
      peak_connections: p.db.connections.level.max,
      mean_connections: p.db.connections.level.average(from, now),
      max_connections: s.database!.max_connections,
      buffer_hit_ratio: p.db.nodes[0].hitRatio,
      queries_per_s: perS(c.db_queries),
    };
  }
  if (p.redis) result.cache = { hit_ratio: c.cache_gets > 0 ? c.cache_hits / c.cache_gets : 0, commands_per_s: perS(c.redis_commands) };
  return result;
}
