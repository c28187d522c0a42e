// Runs any scenario kind at its own load or an overridden one (users for closed workloads, a rate for open
// ones): the single entry the CLI, the sweep workers and the app's worker use. ms inside, rps and s outside.

import { runWebStack } from '../web-stack/runtime/run-web-stack';
import { effectiveLoad } from '../web-stack/runtime/load';
import type { WebStackResult } from '../web-stack/runtime/web-stack-result';
import type { Scenario } from './parse-scenario';
import type { QueueingModel } from '../queueing/queueing-model-schema';
import { runQueueingModel } from '../queueing/run-queueing-model';
import type { ProgressListener } from '../run/run-driver';
import type { RunResult } from '../run/run-result';
import { ScenarioError } from '../schema/schema-errors';

export interface ScenarioRunOptions {
  seed?: number;
  users?: number;
  rate_per_s?: number;
  duration_s?: number;
  max_events?: number;
  precision?: number;
  onProgress?: ProgressListener;
  clock?: () => number;
}

export type AnyRunResult = RunResult | WebStackResult;

function withLoad(model: QueueingModel, opts: ScenarioRunOptions): QueueingModel {
  const w = model.workload;
  let workload = w;
  if (opts.users !== undefined) {
    if (w.type !== 'closed') throw new ScenarioError([{ path: 'workload.type', message: 'expected "closed" to set a number of users (use a rate for an open model)' }]);
    workload = { ...w, users: opts.users };
  } else if (opts.rate_per_s !== undefined) {
    if (w.type !== 'open') throw new ScenarioError([{ path: 'workload.type', message: 'expected "open" to set a rate (use users for a closed model)' }]);
    workload = { type: 'open', rate_per_s: opts.rate_per_s };
  }
  return { ...model, workload, run: runControl(model.run, opts) };
}

function runControl<T extends { duration_s?: number; max_events: number; precision: number }>(run: T, opts: ScenarioRunOptions): T {
  return {
    ...run,
    ...(opts.duration_s !== undefined && { duration_s: opts.duration_s }),
    ...(opts.max_events !== undefined && { max_events: opts.max_events }),
    ...(opts.precision !== undefined && { precision: opts.precision }),
  };
}

/** Refuses a load the scenario cannot take (users for an open workload, both users and a rate) as bad input. */
export function checkLoadOverride(s: Scenario, load: { users?: number; rate_per_s?: number }): void {
  if (s.kind === 'queueing') {
    withLoad(s, load);
    return;
  }
  try {
    effectiveLoad(s, load);
  } catch (e) {
    if (e instanceof RangeError) throw new ScenarioError([{ path: 'workload.load', message: e.message }]);
    throw e;
  }
}

export function runScenario(s: Scenario, opts: ScenarioRunOptions = {}): AnyRunResult {
  checkLoadOverride(s, opts);
  if (s.kind === 'queueing') return runQueueingModel(withLoad(s, opts), opts);
  return runWebStack({ ...s, run: runControl(s.run, opts) }, opts);
}
