// capsim validate: parse and check a scenario without running it.

import { checkStability } from '../../sim-core/queueing/run-queueing-model';
import { issueLine, ScenarioError } from '../../sim-core/schema/schema-errors';
import { CliError, EXIT_OK } from '../exit-codes';
import { loadScenario } from '../load-scenario';

export function validateCommand(file: string): number {
  const scenario = loadScenario(file);
  if (scenario.kind === 'web-stack') {
    console.log(`${file}: valid web-stack scenario "${scenario.name}" (${scenario.hosts.length} host${scenario.hosts.length === 1 ? '' : 's'}, ${scenario.workload.classes.length} request class${scenario.workload.classes.length === 1 ? '' : 'es'}, ${scenario.claims.length} claim${scenario.claims.length === 1 ? '' : 's'})`);
    return EXIT_OK;
  }
  try {
    checkStability(scenario);
  } catch (e) {
    if (e instanceof ScenarioError) throw new CliError(e.issues.map((i) => `${file}: ${issueLine(i)}`).join('\n'));
    throw e;
  }
  console.log(`${file}: valid ${scenario.kind} scenario "${scenario.name}" (${scenario.stations.length} station${scenario.stations.length === 1 ? '' : 's'})`);
  return EXIT_OK;
}
