// capsim run: simulate one scenario (at its own load, or --users / --rps) and print the result as a table or,
// with --json, as the result object. Web-stack scenarios are linted first; the findings are printed too.

import { runScenario } from '../../sim-core/scenario/run-scenario';
import { issueLine, ScenarioError } from '../../sim-core/schema/schema-errors';
import { lintScenario } from '../../sim-core/web-stack/lint';
import type { WebStackResult } from '../../sim-core/web-stack/runtime/web-stack-result';
import { formatFindings } from './lint';
import { CliError, EXIT_OK } from '../exit-codes';
import { formatRunResult } from '../format-run';
import { formatWebStackResult } from '../format-web-stack';
import { loadScenario } from '../load-scenario';
import { numberOption, type Options } from '../main';

export function runCommand(file: string, opts: Options): number {
  const scenario = loadScenario(file);
  const seed = numberOption(opts, 'seed', 'a whole number ≥ 0', (x) => Number.isInteger(x) && x >= 0);
  const users = numberOption(opts, 'users', 'a whole number ≥ 1', (x) => Number.isInteger(x) && x >= 1);
  const rate = numberOption(opts, 'rps', 'a rate > 0', (x) => x > 0);
  const duration = numberOption(opts, 'duration', 'a number of seconds > 0', (x) => x > 0);
  const maxEvents = numberOption(opts, 'max-events', 'a whole number ≥ 1000', (x) => Number.isInteger(x) && x >= 1000);
  const precision = numberOption(opts, 'precision', 'a fraction > 0 and < 1', (x) => x > 0 && x < 1);
  if (users !== undefined && rate !== undefined) throw new CliError('run: expected at most one of --users or --rps');
  const findings = scenario.kind === 'web-stack' ? lintScenario(scenario) : [];
  let result;
  try {
    result = runScenario(scenario, { seed, users, rate_per_s: rate, duration_s: duration, max_events: maxEvents, precision, clock: () => performance.now() });
  } catch (e) {
    if (e instanceof ScenarioError) throw new CliError(e.issues.map((i) => `${file}: ${issueLine(i)}`).join('\n'));
    throw e;
  }
  if (opts.json) {
    console.log(JSON.stringify(scenario.kind === 'web-stack' ? { ...result, lint: findings } : result, null, 2));
    return EXIT_OK;
  }
  const control = { ...scenario.run, ...(precision !== undefined && { precision }) };
  if (scenario.kind === 'web-stack') {
    if (findings.length) console.log(`lint (before simulating):\n${formatFindings(findings)}\n`);
    console.log(formatWebStackResult(file, scenario.name, result as WebStackResult, control));
  } else {
    console.log(formatRunResult(file, scenario.name, result, control));
  }
  return EXIT_OK;
}
