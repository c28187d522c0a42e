// capsim validate: parse and check a scenario without running it, including the whole-scenario run limits
// (memory against run.max_memory_mb, events per simulated second against run.max_events), whose figures it prints.

import { checkStability, estimateRun, formatBytes, type Scenario } from '../../sim-core/index';
import { EXIT_OK } from '../exit-codes';
import { inFile } from '../in-file';
import { loadScenario } from '../load-scenario';

function limitsLine(s: Scenario): string {
  const e = estimateRun(s);
  const covers = Number.isFinite(e.covered_s) ? `the event cap covers ≈ ${e.covered_s.toPrecision(2)} s` : 'no event-cap limit at this load';
  return `  run limits: memory ≈ ${formatBytes(e.memory_bytes)} of ${formatBytes(e.budget_bytes)} (run.max_memory_mb); ≈ ${Math.round(e.events_per_s).toLocaleString('en-US')} events per simulated second, ${covers}`;
}

export function validateCommand(file: string): number {
  const scenario = loadScenario(file);
  if (scenario.kind === 'web-stack') {
    console.log(`${file}: valid web-stack scenario "${scenario.name}" (${scenario.hosts.length} host${scenario.hosts.length === 1 ? '' : 's'}, ${scenario.workload.classes.length} request class${scenario.workload.classes.length === 1 ? '' : 'es'}, ${scenario.claims.length} claim${scenario.claims.length === 1 ? '' : 's'})`);
    console.log(limitsLine(scenario));
    return EXIT_OK;
  }
  inFile(file, () => checkStability(scenario));
  console.log(`${file}: valid ${scenario.kind} scenario "${scenario.name}" (${scenario.stations.length} station${scenario.stations.length === 1 ? '' : 's'})`);
  console.log(limitsLine(scenario));
  return EXIT_OK;
}
