// Runs a validated web-stack scenario and returns its WebStackResult. Load overrides (closed users / open rate)
// and the duration cap (seconds of simulated time, default the scenario's run.duration_s = 120) come from the
// caller; precision stopping, the event cap and cancellation from the run driver. Same seed ⇒ same result.

import { drive, type ProgressListener } from '../../run/run-driver';
import { memoryCapWarning } from '../../run/run-limits';
import { checkWebStackLimits } from './run-estimate';
import { assembleResult } from './results';
import { effectiveLoad } from './load';
import { WebStackModel } from './web-stack-model';
import type { WebStackScenario } from '../schema';
import type { WebStackResult } from './web-stack-result';

export { effectiveLoad } from './load';

export interface RunWebStackOptions {
  seed?: number;
  users?: number;
  rate_per_s?: number;
  duration_s?: number;
  onProgress?: ProgressListener;
  /** Wall clock in ms; injected because sim-core has no timer of its own. */
  clock?: () => number;
}

export function runWebStack(s: WebStackScenario, opts: RunWebStackOptions = {}): WebStackResult {
  // The wall clock only feeds wall_ms; nothing simulated depends on it.
  const clock = opts.clock ?? Date.now;
  const started = clock();
  const seed = opts.seed ?? s.run.seed;
  const load = effectiveLoad(s, { users: opts.users, rate_per_s: opts.rate_per_s });
  // Refused before anything is built when it cannot fit its limits; otherwise capped at what they leave.
  const limits = checkWebStackLimits(s, { users: opts.users, rate_per_s: opts.rate_per_s });
  const model = new WebStackModel(s, load, seed, limits.caps);
  const control = { ...s.run, duration_s: opts.duration_s ?? s.run.duration_s };
  const stop = drive(model, control, opts.onProgress);
  const result = assembleResult(model, stop, seed, clock() - started, control);
  if (stop === 'memory_cap') result.warnings.unshift(memoryCapWarning(limits, result.simulated_s));
  return result;
}
