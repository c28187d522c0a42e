// Terminal rendering of a web-stack result: the common run summary, then per-class latency, the resources by
// utilisation (binding first), memory per host, database and cache figures and the SLO verdict.

import type { RunControl, WebStackResult } from '../sim-core/index';
import { formatRunResult } from './format-run';
import { count, num, pct, table } from './format-table';

export function formatWebStackResult(file: string, name: string, r: WebStackResult, control: RunControl): string {
  const out = [formatRunResult(file, name, r, control)];
  const load = r.load.users !== undefined ? `${count(r.load.users)} concurrent users` : `${count(r.load.rate_per_s ?? 0)} req/s offered`;
  out.push('');
  out.push(`load: ${load}; SLO p95 ≤ ${num(r.slo.p95_ms)} ms and errors ≤ ${pct(r.slo.max_error_rate)}: ${r.slo.met ? 'MET' : 'MISSED'} (user-visible errors ${pct(r.user_error_rate, 2)})`);
  out.push(`binding resource: ${r.bottleneck.resource} at ${pct(r.bottleneck.utilization)}`);
  out.push('');
  out.push(
    table(
      ['class', 'req/s', 'mean ms', 'p95 ms', 'p99 ms', 'errors'],
      Object.entries(r.classes).map(([k, c]) => [k, num(c.throughput_rps), num(c.latency_ms.mean), num(c.latency_ms.p95), num(c.latency_ms.p99), pct(c.error_rate, 2)]),
    ),
  );
  out.push('');
  const util = Object.entries(r.utilization).sort((a, b) => b[1] - a[1]);
  out.push(table(['resource', 'utilisation'], util.map(([k, u]) => [k, pct(u)])));
  out.push('');
  out.push(
    table(
      ['host', 'RAM MB', 'committed MB', 'over?', 'largest parts'],
      Object.entries(r.memory).map(([h, m]) => [
        h, count(m.ram_mb), count(m.committed_mb), m.over ? 'OVER' : 'ok',
        Object.entries(m.breakdown).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, v]) => `${k} ${num(v, 5)}`).join(', '),
      ]),
    ),
  );
  if (r.database) {
    const d = r.database;
    out.push(`\ndatabase: ${num(d.queries_per_s)} queries/s, connections peak ${count(d.peak_connections)} / mean ${num(d.mean_connections)} of max_connections ${count(d.max_connections)}, buffer hit ratio ${pct(d.buffer_hit_ratio)}`);
  }
  if (r.cache) out.push(`cache: ${num(r.cache.commands_per_s)} commands/s, effective hit ratio ${pct(r.cache.hit_ratio)}`);
  return out.join('\n');
}
