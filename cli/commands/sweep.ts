// capsim sweep <scenario> --users 100,1000,10000 | --rps 50,100: one row per load (throughput, percentiles,
// utilisation of every resource, errors by cause), the points run in parallel on all cores, each for the same
// run length (--seed, --duration, --max-events, --precision). A point the engine refuses says why in its row.

import { checkLoadOverride, type AnyRunResult } from '../../sim-core/index';
import { CliError, EXIT_OK } from '../exit-codes';
import { count, num, pct, table } from '../format-table';
import { inFile } from '../in-file';
import { loadScenario } from '../load-scenario';
import type { Options } from '../main';
import { runLengthOptions } from '../run-length';
import { runInWorkers } from '../sweep/worker-pool';

function loadList(raw: string | boolean | undefined, name: string): number[] | undefined {
  if (raw === undefined) return undefined;
  const parts = String(raw).split(',').map((p) => p.trim());
  const values = parts.map(Number);
  if (parts.length === 0 || values.some((x, i) => parts[i] === '' || !Number.isFinite(x) || x <= 0 || (name === 'users' && !Number.isInteger(x)))) {
    throw new CliError(`--${name}: expected a comma-separated list of ${name === 'users' ? 'whole numbers ≥ 1' : 'rates > 0'}, got ${JSON.stringify(raw)}`);
  }
  return values;
}

export async function sweepCommand(file: string, opts: Options): Promise<number> {
  const scenario = loadScenario(file);
  const users = loadList(opts.users, 'users');
  const rates = loadList(opts.rps, 'rps');
  if ((users === undefined) === (rates === undefined)) throw new CliError('sweep: expected exactly one of --users or --rps');
  const length = runLengthOptions(opts);
  const loads = (users ?? rates)!.map((x) => (users ? { users: x } : { rate_per_s: x }));
  inFile(file, () => loads.forEach((l) => checkLoadOverride(scenario, l)));
  const started = performance.now();
  const outcomes = await runInWorkers(
    loads.map((l) => ({ scenario, ...length, ...l })),
    (_i, done) => {
      if (!opts.json) process.stderr.write(`\rsweep: ${done}/${loads.length} points done`);
    },
  );
  if (!opts.json) process.stderr.write('\n');
  const loadKey = users ? 'users' : 'rate_per_s';
  const value = (i: number) => (users ? users[i] : rates![i]);
  if (opts.json) {
    const points = outcomes.map((o, i) => ({ [loadKey]: value(i), ...(o.ok ? o.result : { error: o.error }) }));
    console.log(JSON.stringify({ scenario: scenario.name, points }, null, 2));
    return EXIT_OK;
  }
  console.log(`${scenario.name}  (${file})  — ${loads.length} loads in ${num((performance.now() - started) / 1000)} s`);
  const row = (o: (typeof outcomes)[number], i: number): string[] => {
    if (!o.ok) return [count(value(i)), `not run: ${o.error.message.split('\n')[0]}`, '', '', '', '', '', ''];
    const r = o.result;
    return [
      count(value(i)), num(r.throughput_rps), num(r.latency_ms.mean), num(r.latency_ms.p50), num(r.latency_ms.p95), num(r.latency_ms.p99),
      pct(r.errors.rate, 2), Object.entries(r.errors.by_cause).map(([c, n]) => `${c} ${count(n)}`).join(', ') || '–',
    ];
  };
  console.log(table([users ? 'users' : 'offered rps', 'throughput rps', 'mean ms', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'by cause'], outcomes.map(row)));
  const results = outcomes.map((o) => (o.ok ? o.result : undefined));
  const resources = [...new Set(results.flatMap((r: AnyRunResult | undefined) => (r ? Object.keys(r.utilization) : [])))];
  if (resources.length) {
    console.log('\nutilisation');
    console.log(table(['resource', ...loads.map((_l, i) => count(value(i)))], resources.map((name) => [name, ...results.map((r) => (r ? pct(r.utilization[name] ?? Number.NaN) : '–'))])));
  }
  return EXIT_OK;
}
