// The whole-scenario run limits of any kind (run/run-limits.ts with the kind's own estimate), for validate and
// the scenario parser: refused with the numbers and the limit, or the estimate with the caps the run enforces.

import { checkQueueingLimits, estimateQueueing } from '../queueing/run-estimate';
import type { QueueingModel } from '../queueing/queueing-model-schema';
import type { LoadOverride, RunEstimate } from '../run/run-limits';
import { checkWebStackLimits, estimateWebStack } from '../web-stack/runtime/run-estimate';
import type { WebStackScenario } from '../web-stack/schema/web-stack-schema';

export { formatBytes, type RunEstimate } from '../run/run-limits';

export function estimateRun(s: WebStackScenario | QueueingModel, overrides: LoadOverride = {}): RunEstimate {
  return s.kind === 'web-stack' ? estimateWebStack(s, overrides) : estimateQueueing(s, overrides);
}

/** The estimate of a run that fits its limits, or a ScenarioError naming the field, the numbers and the limit. */
export function checkRunLimits(s: WebStackScenario | QueueingModel, overrides: LoadOverride = {}): RunEstimate {
  return s.kind === 'web-stack' ? checkWebStackLimits(s, overrides) : checkQueueingLimits(s, overrides);
}
