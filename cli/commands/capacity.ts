// capsim capacity <scenario> --slo-p95 300 --max-error-rate 0.01 [--rps] [--json]: the most concurrent users (or
// requests per second with --rps, or for an open workload) the scenario serves within the SLO, the resource
// that binds, the range the boundary lies in and every simulated point. Progress goes to stderr.

import { capacity, type CapacityResult } from '../../sim-core/index';
import { cliContext } from '../catalogs';
import { CliError, EXIT_OK } from '../exit-codes';
import { count, num, pct, table } from '../format-table';
import { inFile } from '../in-file';
import { loadWebStack } from '../load-scenario';
import { numberOption, type Options } from '../main';
import { progressLine } from '../progress-line';
import { runLengthOptions } from '../run-length';

function loadText(x: number, metric: CapacityResult['metric']): string {
  if (!Number.isFinite(x)) return '–';
  return metric === 'users' ? count(x) : num(x);
}

export function formatCapacity(file: string, r: CapacityResult, wallMs: number): string {
  const unit = r.metric === 'users' ? 'concurrent users' : 'req/s';
  const lines = [
    `${file}: "${r.scenario}" — capacity within p95 ≤ ${num(r.slo.p95_ms)} ms and errors ≤ ${pct(r.slo.max_error_rate, 2)}`,
    '',
    `answer: ${loadText(r.max_load, r.metric)} ${unit}${r.max_load === 0 ? ' (the SLO is missed at every load tried)' : ''}`,
    `binding resource: ${r.binding_resource.resource} at ${pct(r.binding_resource.utilization)}`,
  ];
  if (r.next_bottleneck) lines.push(`next: ${r.next_bottleneck.resource} at ${pct(r.next_bottleneck.utilization)}`);
  if (r.at_max) lines.push(`at the answer: ${num(r.at_max.throughput_rps)} req/s, p95 ${num(r.at_max.p95_ms)} ms, user errors ${pct(r.at_max.user_error_rate, 2)}`);
  lines.push(`boundary between ${loadText(r.confidence.lo, r.metric)} and ${loadText(r.confidence.hi, r.metric)} ${unit}: ${r.confidence.note}`);
  lines.push(`analytic bracket: ${loadText(r.bracket.lo, r.metric)} – ${loadText(r.bracket.hi, r.metric)} (${r.bracket.note})`);
  lines.push('');
  lines.push(
    table(
      [r.metric === 'users' ? 'users' : 'req/s', 'sim s', 'p95 ms', 'p95 95% CI', 'user errors', 'verdict', 'bottleneck', 'wall ms'],
      r.evaluations.map((e) => [
        loadText(e.load, r.metric),
        num(e.duration_s),
        num(e.p95_ms),
        `${num(e.p95_lo)}–${num(e.p95_hi)}`,
        pct(e.user_error_rate, 2),
        e.verdict === e.counted_as ? e.verdict : `${e.verdict} → ${e.counted_as === 'resimulate' ? 'rerun' : e.counted_as}`,
        `${e.bottleneck.resource} ${pct(e.bottleneck.utilization, 0)}`,
        count(e.wall_ms),
      ]),
    ),
  );
  if (r.notes.length) lines.push('', 'notes:', ...r.notes.map((n) => `  - ${n}`));
  lines.push('', `seed ${r.seed}; ${r.evaluations.length} simulated points; wall time ${num(wallMs / 1000)} s`);
  return lines.join('\n');
}

export function capacityCommand(file: string, opts: Options): number {
  const scenario = loadWebStack(file, 'to search its capacity');
  const p95 = numberOption(opts, 'slo-p95', 'a time in ms > 0', (x) => x > 0) ?? scenario.slo.p95_ms;
  const maxErr = numberOption(opts, 'max-error-rate', 'a fraction within 0..1', (x) => x >= 0 && x <= 1) ?? scenario.slo.max_error_rate;
  const length = runLengthOptions(opts);
  const open = scenario.workload.load.type === 'open';
  const metric = opts.rps === undefined || opts.rps === false ? (open ? 'rps' : 'users') : 'rps';
  if (typeof opts.rps === 'string' && opts.rps !== '' && opts.rps !== 'true') {
    throw new CliError(`--rps: takes no value for capacity (search the rate instead of users), got ${JSON.stringify(opts.rps)}`);
  }
  const started = performance.now();
  const line = progressLine('capacity');
  let result: CapacityResult;
  try {
    result = inFile(file, () => capacity({ scenario, slo: { p95_ms: p95, max_error_rate: maxErr }, metric, ...length }, cliContext(line.update)));
  } finally {
    line.done();
  }
  const wall = performance.now() - started;
  if (opts.json) console.log(JSON.stringify({ ...result, wall_ms: wall }, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2));
  else console.log(formatCapacity(file, result, wall));
  return EXIT_OK;
}
