// capsim run: simulate one scenario and print the result as a table or, with --json, as RunResult.

import { runQueueingModel } from '../../sim-core/model/run-queueing-model';
import { issueLine, ScenarioError } from '../../sim-core/model/schema-errors';
import { CliError, EXIT_OK } from '../exit-codes';
import { formatRunResult } from '../format-run';
import { loadScenario } from '../load-scenario';
import { numberOption, type Options } from '../main';

export function runCommand(file: string, opts: Options): number {
  const scenario = loadScenario(file);
  if (scenario.kind !== 'queueing') throw new CliError(`${file}: the web-stack runtime is not wired into capsim run yet`);
  const seed = numberOption(opts, 'seed', 'a whole number ≥ 0', (x) => Number.isInteger(x) && x >= 0);
  const duration = numberOption(opts, 'duration', 'a number of seconds > 0', (x) => x > 0);
  const maxEvents = numberOption(opts, 'max-events', 'a whole number ≥ 1000', (x) => Number.isInteger(x) && x >= 1000);
  const precision = numberOption(opts, 'precision', 'a fraction > 0 and < 1', (x) => x > 0 && x < 1);
  const model = {
    ...scenario,
    run: {
      ...scenario.run,
      ...(duration !== undefined && { duration_s: duration }),
      ...(maxEvents !== undefined && { max_events: maxEvents }),
      ...(precision !== undefined && { precision }),
    },
  };
  let result;
  try {
    result = runQueueingModel(model, { seed, clock: () => performance.now() });
  } catch (e) {
    if (e instanceof ScenarioError) throw new CliError(e.issues.map((i) => `${file}: ${issueLine(i)}`).join('\n'));
    throw e;
  }
  console.log(opts.json ? JSON.stringify(result, null, 2) : formatRunResult(file, scenario.name, result, model.run));
  return EXIT_OK;
}
