// api: the deployment configs of a web-stack scenario for a target (bare, compose, k8s), file name → text.

import { exportScenario } from '../export';
import type { ArgsOf, ResultOf } from '../protocol';

export function exportConfigs(args: ArgsOf<'export'>): ResultOf<'export'> {
  return exportScenario(args.scenario, { target: args.target, versions: args.versions, simulated: args.simulated });
}
