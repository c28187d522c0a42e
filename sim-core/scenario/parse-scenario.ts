// Validates a parsed scenario against the schema of its `kind` and returns the typed, defaults-filled model, or
// throws ScenarioError listing every issue with its path and the expected value. A scenario that passes its
// schema is also checked as a whole against its run's limits at its own load (memory, events per second).

import { webStackSchema, type WebStackScenario } from '../web-stack/schema/web-stack-schema';
import { queueingModelSchema, type QueueingModel } from '../queueing/queueing-model-schema';
import { formatIssues, renderValue, ScenarioError } from '../schema/schema-errors';
import { checkRunLimits } from './run-limits';

export type Scenario = QueueingModel | WebStackScenario;

export const scenarioKinds = ['queueing', 'web-stack'] as const;

export function parseScenario(input: unknown): Scenario {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new ScenarioError([{ path: '(root)', message: `expected an object with a "kind" field, got ${renderValue(input)}` }]);
  }
  const kind = (input as Record<string, unknown>).kind;
  if (kind === 'queueing') {
    const parsed = queueingModelSchema.safeParse(input);
    if (!parsed.success) throw new ScenarioError(formatIssues(parsed.error, input));
    checkRunLimits(parsed.data);
    return parsed.data;
  }
  if (kind === 'web-stack') {
    const parsed = webStackSchema.safeParse(input);
    if (!parsed.success) throw new ScenarioError(formatIssues(parsed.error, input));
    checkRunLimits(parsed.data);
    return parsed.data;
  }
  const expected = scenarioKinds.map((k) => `"${k}"`).join(' or ');
  throw new ScenarioError([{ path: 'kind', message: `expected ${expected}, got ${kind === undefined ? 'nothing' : renderValue(kind)}` }]);
}
