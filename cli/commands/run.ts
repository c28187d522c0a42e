// capsim run: simulate one scenario (at its own load, or --users / --rps) and print the result as a table or,
// with --json, as the result object. Web-stack scenarios are linted first; the findings are printed too.

import { lint, run, type WebStackResult } from '../../sim-core/index';
import { formatFindings } from './lint';
import { CliError, EXIT_OK } from '../exit-codes';
import { formatRunResult } from '../format-run';
import { formatWebStackResult } from '../format-web-stack';
import { inFile } from '../in-file';
import { loadScenario } from '../load-scenario';
import { numberOption, type Options } from '../main';
import { runLengthOptions } from '../run-length';
import { cliContext } from '../catalogs';

export function runCommand(file: string, opts: Options): number {
  const scenario = loadScenario(file);
  const users = numberOption(opts, 'users', 'a whole number ≥ 1', (x) => Number.isInteger(x) && x >= 1);
  const rate = numberOption(opts, 'rps', 'a rate > 0', (x) => x > 0);
  const length = runLengthOptions(opts);
  if (users !== undefined && rate !== undefined) throw new CliError('run: expected at most one of --users or --rps');
  const findings = lint({ scenario });
  const result = inFile(file, () => run({ scenario, users, rate_per_s: rate, ...length }, cliContext()));
  if (opts.json) {
    console.log(JSON.stringify(scenario.kind === 'web-stack' ? { ...result, lint: findings } : result, null, 2));
    return EXIT_OK;
  }
  const control = { ...scenario.run, ...(length.precision !== undefined && { precision: length.precision }) };
  if (scenario.kind === 'web-stack') {
    if (findings.length) console.log(`lint (before simulating):\n${formatFindings(findings)}\n`);
    console.log(formatWebStackResult(file, scenario.name, result as WebStackResult, control));
  } else {
    console.log(formatRunResult(file, scenario.name, result, control));
  }
  return EXIT_OK;
}
