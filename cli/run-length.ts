// The run-length flags every simulating command takes (--seed, --duration, --max-events, --precision), parsed
// once into the protocol's RunLength so each command honours the same flags the same way.

import type { RunLength } from '../sim-core/index';
import { numberOption, type Options } from './main';

export function runLengthOptions(opts: Options): RunLength {
  const seed = numberOption(opts, 'seed', 'a whole number ≥ 0', (x) => Number.isInteger(x) && x >= 0);
  const duration_s = numberOption(opts, 'duration', 'a number of seconds > 0', (x) => x > 0);
  const max_events = numberOption(opts, 'max-events', 'a whole number ≥ 1000', (x) => Number.isInteger(x) && x >= 1000);
  const precision = numberOption(opts, 'precision', 'a fraction > 0 and < 1', (x) => x > 0 && x < 1);
  return { ...(seed !== undefined && { seed }), ...(duration_s !== undefined && { duration_s }), ...(max_events !== undefined && { max_events }), ...(precision !== undefined && { precision }) };
}
