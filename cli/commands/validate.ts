// capsim validate: parse and check a scenario without running it.

import { checkStability } from '../../sim-core/index';
import { EXIT_OK } from '../exit-codes';
import { inFile } from '../in-file';
import { loadScenario } from '../load-scenario';

export function validateCommand(file: string): number {
  const scenario = loadScenario(file);
  if (scenario.kind === 'web-stack') {
    console.log(`${file}: valid web-stack scenario "${scenario.name}" (${scenario.hosts.length} host${scenario.hosts.length === 1 ? '' : 's'}, ${scenario.workload.classes.length} request class${scenario.workload.classes.length === 1 ? '' : 'es'}, ${scenario.claims.length} claim${scenario.claims.length === 1 ? '' : 's'})`);
    return EXIT_OK;
  }
  inFile(file, () => checkStability(scenario));
  console.log(`${file}: valid ${scenario.kind} scenario "${scenario.name}" (${scenario.stations.length} station${scenario.stations.length === 1 ? '' : 's'})`);
  return EXIT_OK;
}
