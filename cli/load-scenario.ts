// Reads a scenario file from disk and validates it; every problem becomes a CliError naming the file and path.

import { readFileSync } from 'node:fs';
import { formatFromName, parseScenarioText } from '../sim-core/schema/scenario-text';
import { parseScenario, type Scenario } from '../sim-core/scenario/parse-scenario';
import { issueLine, ScenarioError } from '../sim-core/schema/schema-errors';
import { CliError } from './exit-codes';

export function loadScenario(file: string): Scenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`${file}: cannot read the scenario file (${code === 'ENOENT' ? 'no such file' : code ?? (e as Error).message})`);
  }
  try {
    return parseScenario(parseScenarioText(text, formatFromName(file)));
  } catch (e) {
    if (e instanceof ScenarioError) throw new CliError(e.issues.map((i) => `${file}: ${issueLine(i)}`).join('\n'));
    throw e;
  }
}
