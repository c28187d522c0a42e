// capsim sweep <scenario> --users 100,1000,10000 | --rps 50,100: one row per load (throughput, percentiles,
// utilisation of every resource, errors by cause), the points run in parallel on all cores, each for the same
// run length (--seed, --duration, --max-events, --precision). A point that is unstable or refused says so in its
// row while the others run; Ctrl+C prints what is done and exits 130.

import { checkLoadOverride } from '../../sim-core/index';
import { CliError, EXIT_CANCELLED, EXIT_FAILED, EXIT_OK } from '../exit-codes';
import { count, num, pct, table } from '../format-table';
import { inFile } from '../in-file';
import { loadScenario } from '../load-scenario';
import type { Options } from '../main';
import { runLengthOptions } from '../run-length';
import { runInWorkers, type RunOutcome } from '../sweep/worker-pool';

function loadList(raw: string | boolean | undefined, name: string): number[] | undefined {
  if (raw === undefined) return undefined;
  const parts = String(raw).split(',').map((p) => p.trim());
  const values = parts.map(Number);
  if (parts.length === 0 || values.some((x, i) => parts[i] === '' || !Number.isFinite(x) || x <= 0 || (name === 'users' && !Number.isInteger(x)))) {
    throw new CliError(`--${name}: expected a comma-separated list of ${name === 'users' ? 'whole numbers ≥ 1' : 'rates > 0'}, got ${JSON.stringify(raw)}`);
  }
  return values;
}

/** How a point that has no result reads in its row: unstable, refused, crashed or cancelled. */
function pointLabel(o: Extract<RunOutcome, { ok: false }>): string {
  if (o.kind === 'refused' && o.issues?.some((i) => /unstable/.test(i.message))) return 'unstable';
  return o.kind;
}

export async function sweepCommand(file: string, opts: Options): Promise<number> {
  const scenario = loadScenario(file);
  const users = loadList(opts.users, 'users');
  const rates = loadList(opts.rps, 'rps');
  if ((users === undefined) === (rates === undefined)) throw new CliError('sweep: expected exactly one of --users or --rps');
  const length = runLengthOptions(opts);
  const values = (users ?? rates)!;
  const loads = values.map((x) => (users ? { users: x } : { rate_per_s: x }));
  inFile(file, () => loads.forEach((l) => checkLoadOverride(scenario, l)));
  const started = performance.now();
  // Ctrl+C (or a TERM from a script) stops the workers; the points done so far are still printed.
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let outcomes: RunOutcome[];
  try {
    outcomes = await runInWorkers(
      loads.map((l) => ({ scenario, ...length, ...l })),
      {
        signal: stop.signal,
        onDone: (_i, done) => {
          if (!opts.json) process.stderr.write(`\rsweep: ${done}/${loads.length} points done`);
        },
      },
    );
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
  if (!opts.json) process.stderr.write('\n');
  const code = stop.signal.aborted ? EXIT_CANCELLED : outcomes.some((o) => !o.ok && o.kind === 'crashed') ? EXIT_FAILED : EXIT_OK;
  const loadKey = users ? 'users' : 'rate_per_s';
  if (opts.json) {
    const points = outcomes.map((o, i) => (o.ok ? { [loadKey]: values[i], ...o.result } : { [loadKey]: values[i], error: { kind: pointLabel(o), message: o.message, ...(o.issues && { issues: o.issues }) } }));
    console.log(JSON.stringify({ scenario: scenario.name, points }, null, 2));
    return code;
  }
  console.log(`${scenario.name}  (${file})  — ${loads.length} loads in ${num((performance.now() - started) / 1000)} s`);
  console.log(
    table(
      [users ? 'users' : 'offered rps', 'throughput rps', 'mean ms', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'by cause'],
      outcomes.map((o, i) => {
        if (!o.ok) return [count(values[i]), pointLabel(o), '–', '–', '–', '–', '–', '–'];
        const r = o.result;
        return [
          count(values[i]), num(r.throughput_rps), num(r.latency_ms.mean), num(r.latency_ms.p50), num(r.latency_ms.p95), num(r.latency_ms.p99),
          pct(r.errors.rate, 2), Object.entries(r.errors.by_cause).map(([c, n]) => `${c} ${count(n)}`).join(', ') || '–',
        ];
      }),
    ),
  );
  outcomes.forEach((o, i) => {
    if (!o.ok) console.log(`${count(values[i])}: ${pointLabel(o)} — ${o.issues ? o.issues.map((x) => `${x.path}: ${x.message}`).join('; ') : o.message}`);
  });
  const cols = outcomes.flatMap((o, i) => (o.ok ? [{ load: values[i], r: o.result }] : []));
  const resources = [...new Set(cols.flatMap((c) => Object.keys(c.r.utilization)))];
  if (resources.length) {
    console.log('\nutilisation');
    console.log(table(['resource', ...cols.map((c) => count(c.load))], resources.map((name) => [name, ...cols.map((c) => pct(c.r.utilization[name] ?? Number.NaN))])));
  }
  return code;
}
