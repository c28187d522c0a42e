// One point of a sweep: parse the scenario text the parent sent and run it at the point's load.

import { parseScenario } from '../../sim-core/scenario/parse-scenario';
import { runScenario, type AnyRunResult } from '../../sim-core/scenario/run-scenario';

export interface PointJob {
  id: number;
  scenario: unknown;
  users?: number;
  rate_per_s?: number;
  seed?: number;
  duration_s?: number;
}

export function runPoint(job: PointJob): AnyRunResult {
  return runScenario(parseScenario(job.scenario), { users: job.users, rate_per_s: job.rate_per_s, seed: job.seed, duration_s: job.duration_s, clock: () => performance.now() });
}
