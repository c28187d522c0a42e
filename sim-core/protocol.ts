// The worker contract: typed requests the renderer (Web Worker) and the CLI (worker_threads) send to sim-core,
// their results, and the progress events of long runs. Plain data only, so it crosses postMessage. Times in ms,
// rates per second, as in the results.

import type { ScenarioIssue } from './schema/schema-errors';
import type { Scenario } from './scenario/parse-scenario';
import type { AnyRunResult } from './scenario/run-scenario';
import type { LatencySummary } from './run/run-result';
import type { ClaimVerdict } from './web-stack/claims/claim-verdict';

export interface LoadOverride {
  users?: number;
  rate_per_s?: number;
}

export interface SweepPoint extends LoadOverride {
  result: AnyRunResult;
}

/** Request name → its arguments and its result. */
export interface SimRequests {
  /** Parse and validate scenario text (JSON or YAML) or a value. */
  validate: { args: { text: string; format: 'json' | 'yaml' } | { value: unknown }; result: { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] } };
  run: { args: { scenario: Scenario; seed?: number; duration_s?: number } & LoadOverride; result: AnyRunResult };
  sweep: { args: { scenario: Scenario; loads: LoadOverride[]; seed?: number; duration_s?: number }; result: SweepPoint[] };
  claims: { args: { scenario: Scenario; seed?: number }; result: ClaimVerdict[] };
}

export type SimRequestName = keyof SimRequests;

export interface ProgressPayload {
  /** 0..1 of the whole request (a sweep counts its points). */
  share: number;
  events: number;
  simulated_s: number;
  partial?: LatencySummary;
}

export type ToWorker =
  | { kind: 'request'; requestId: number; name: SimRequestName; args: SimRequests[SimRequestName]['args'] }
  /** Honoured between runs; a run in progress is stopped by replacing the worker (runs are synchronous). */
  | { kind: 'cancel'; requestId: number };

export interface WorkerError {
  code: 'invalid_scenario' | 'unstable' | 'cancelled' | 'crashed' | 'internal';
  message: string;
  issues?: ScenarioIssue[];
}

export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'progress'; requestId: number; payload: ProgressPayload }
  | { kind: 'response'; requestId: number; ok: true; result: SimRequests[SimRequestName]['result'] }
  | { kind: 'response'; requestId: number; ok: false; error: WorkerError };
