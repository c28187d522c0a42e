// capsim validate: parse and check a scenario without running it.

import { checkStability } from '../../sim-core/model/run-queueing-model';
import { issueLine, ScenarioError } from '../../sim-core/model/schema-errors';
import { CliError, EXIT_OK } from '../exit-codes';
import { loadScenario } from '../load-scenario';

export function validateCommand(file: string): number {
  const scenario = loadScenario(file);
  try {
    checkStability(scenario);
  } catch (e) {
    if (e instanceof ScenarioError) throw new CliError(e.issues.map((i) => `${file}: ${issueLine(i)}`).join('\n'));
    throw e;
  }
  console.log(`${file}: valid ${scenario.kind} scenario "${scenario.name}" (${scenario.stations.length} station${scenario.stations.length === 1 ? '' : 's'})`);
  return EXIT_OK;
}
