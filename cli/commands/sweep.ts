// capsim sweep <scenario> --users 100,1000,10000 | --rps 50,100: one row per load (throughput, percentiles,
// utilisation of every resource, errors by cause), the points run in parallel on all cores.

import { checkLoadOverride } from '../../sim-core/scenario/run-scenario';
import { issueLine, ScenarioError } from '../../sim-core/schema/schema-errors';
import { CliError, EXIT_OK } from '../exit-codes';
import { count, num, pct, table } from '../format-table';
import { loadScenario } from '../load-scenario';
import type { Options } from '../main';
import { numberOption } from '../main';
import { runPointsInWorkers } from '../sweep/worker-pool';
import type { PointJob } from '../sweep/run-point';

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
  const seed = numberOption(opts, 'seed', 'a whole number ≥ 0', (x) => Number.isInteger(x) && x >= 0);
  const duration = numberOption(opts, 'duration', 'a number of seconds > 0', (x) => x > 0);
  const loads = (users ?? rates)!;
  try {
    for (const x of loads) checkLoadOverride(scenario, users ? { users: x } : { rate_per_s: x });
  } catch (e) {
    if (e instanceof ScenarioError) throw new CliError(e.issues.map((i) => `${file}: ${issueLine(i)}`).join('\n'));
    throw e;
  }
  const jobs: PointJob[] = loads.map((x, id) => ({ id, scenario, seed, duration_s: duration, ...(users ? { users: x } : { rate_per_s: x }) }));
  const started = performance.now();
  const results = await runPointsInWorkers(jobs, (job, done) => {
    if (!opts.json) process.stderr.write(`\rsweep: ${done}/${jobs.length} points done`);
  });
  if (!opts.json) process.stderr.write('\n');
  const loadKey = users ? 'users' : 'rate_per_s';
  if (opts.json) {
    console.log(JSON.stringify({ scenario: scenario.name, points: results.map((r, i) => ({ [loadKey]: loads[i], ...r })) }, null, 2));
    return EXIT_OK;
  }
  console.log(`${scenario.name}  (${file})  — ${jobs.length} loads in ${num((performance.now() - started) / 1000)} s`);
  console.log(
    table(
      [users ? 'users' : 'offered rps', 'throughput rps', 'mean ms', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'by cause'],
      results.map((r, i) => [
        count(loads[i]), num(r.throughput_rps), num(r.latency_ms.mean), num(r.latency_ms.p50), num(r.latency_ms.p95), num(r.latency_ms.p99),
        pct(r.errors.rate, 2), Object.entries(r.errors.by_cause).map(([c, n]) => `${c} ${count(n)}`).join(', ') || '–',
      ]),
    ),
  );
  const resources = [...new Set(results.flatMap((r) => Object.keys(r.utilization)))];
  if (resources.length) {
    console.log('\nutilisation');
    console.log(table(['resource', ...loads.map((x) => count(x))], resources.map((name) => [name, ...results.map((r) => pct(r.utilization[name] ?? Number.NaN))])));
  }
  return EXIT_OK;
}
