// Runs an api call on a scenario file's behalf: a scenario the engine refuses (ScenarioError, a RangeError for a
// load it cannot take) becomes bad input naming the file and the path, one line per problem.

import { ScenarioError } from '../sim-core/index';
import { CliError } from './exit-codes';
import { scenarioErrorFor } from './load-scenario';

export function inFile<T>(file: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ScenarioError) throw scenarioErrorFor(file, e);
    if (e instanceof RangeError) throw new CliError(`${file}: ${e.message}`);
    throw e;
  }
}
