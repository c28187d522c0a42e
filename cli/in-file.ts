// Runs an api call on a scenario file's behalf: a scenario the engine refuses (ScenarioError, a RangeError for a
// load it cannot take) becomes bad input naming the file and the path, one line per problem.

import { issueLine, ScenarioError } from '../sim-core/index';
import { CliError } from './exit-codes';

export function inFile<T>(file: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ScenarioError) throw new CliError(e.issues.map((i) => `${file}: ${issueLine(i)}`).join('\n'));
    if (e instanceof RangeError) throw new CliError(`${file}: ${e.message}`);
    throw e;
  }
}
