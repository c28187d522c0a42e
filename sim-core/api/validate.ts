// api: scenario text (JSON or YAML) or a parsed value → the typed scenario, or every issue with its path.

import type { ArgsOf, ResultOf } from '../protocol';
import { parseScenario } from '../scenario/parse-scenario';
import { parseScenarioText } from '../schema/scenario-text';
import { ScenarioError } from '../schema/schema-errors';

export function validate(args: ArgsOf<'validate'>): ResultOf<'validate'> {
  try {
    const value = 'text' in args ? parseScenarioText(args.text, args.format) : args.value;
    return { ok: true, scenario: parseScenario(value) };
  } catch (e) {
    if (e instanceof ScenarioError) return { ok: false, issues: e.issues };
    throw e;
  }
}
