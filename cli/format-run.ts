// Human-readable rendering of a RunResult for the terminal.

import { latencyKeys, type RunControl, type RunResult } from '../sim-core/index';
import { count, num, pct, table } from './format-table';

const STOP_TEXT: Record<RunResult['stop_reason'], string> = {
  precision: 'precision target reached',
  event_cap: 'event cap reached before the precision target',
  horizon: 'simulated-time horizon reached',
  cancelled: 'cancelled',
  empty: 'no more events',
  memory_cap: 'memory cap reached (run.max_memory_mb): see the warning',
};

export function formatRunResult(file: string, name: string, r: RunResult, control: RunControl): string {
  const out: string[] = [];
  out.push(`${name}  (${file}, seed ${r.seed})`);
  out.push(
    `stopped: ${STOP_TEXT[r.stop_reason]} (target ±${pct(control.precision)} on ${control.measures.join(', ')}); ` +
      `${count(r.events)} events, ${count(r.observations)} requests measured, ${num(r.simulated_s)} s simulated, ${num(r.wall_ms / 1000)} s wall`,
  );
  out.push(`warm-up removed (${r.warmup.rule}): ${count(r.warmup.observations)} requests, first ${num(r.warmup.simulated_s)} s${r.warmup.reliable ? '' : ' (unreliable)'}`);
  out.push('');
  out.push(
    table(
      ['latency', 'ms', '95 % interval', '±'],
      latencyKeys.map((k) => [k, num(r.latency_ms[k]), `${num(r.ci95[k].lo)} – ${num(r.ci95[k].hi)}`, pct(r.ci95[k].rel_half_width)]),
    ),
  );
  out.push('');
  out.push(`throughput ${num(r.throughput_rps)} req/s; errors ${pct(r.errors.rate, 2)}${Object.keys(r.errors.by_cause).length ? ' (' + Object.entries(r.errors.by_cause).map(([c, n]) => `${c}: ${count(n)}`).join(', ') + ')' : ''}`);
  const util = Object.entries(r.utilization);
  if (util.length) out.push(`utilisation: ${util.map(([k, u]) => `${k} ${pct(u)}`).join(', ')}`);
  const L = r.littles_law;
  out.push(`Little's law: L = ${num(L.time_average_in_system)} in system, λ·W = ${num(L.throughput_x_response)} (differ by ${pct(L.rel_error, 2)})`);
  for (const w of r.warnings) out.push(`warning: ${w}`);
  return out.join('\n');
}
