// The one request map every caller of sim-core speaks — the app's Web Worker, the CLI's worker threads and
// anything later (a server, a batch runner): request name → arguments → result, the progress events of long
// requests, and the message envelope. Plain data only, so it crosses postMessage. Times in ms, rates per
// second, money in USD per month, as in the results.

import type { CapacityMetric, CapacityResult } from './capacity/capacity-search';
import type { SloBound } from './capacity/judge';
import type { SizingResult, SizingTarget } from './capacity/sizing-search';
import type { CostBreakdown } from './cost/cost-breakdown';
import type { ExportResult, ExportTarget, SimulatedResult, TargetVersions } from './export/context';
import type { ReportModel } from './report/report-model';
import type { LatencySummary } from './run/run-result';
import type { AnyRunResult } from './scenario/run-scenario';
import type { Scenario } from './scenario/parse-scenario';
import type { ScenarioFormat } from './schema/scenario-text';
import type { ScenarioIssue } from './schema/schema-errors';
import type { ClaimVerdict } from './web-stack/claims/claim-verdict';
import type { LintFinding } from './web-stack/lint/finding';
import type { WebStackPreview } from './web-stack/preview/preview-web-stack';
import type { WebStackScenario } from './web-stack/schema/web-stack-schema';

/** A load other than the scenario's own: closed users, or an open rate. */
export interface LoadOverride {
  users?: number;
  rate_per_s?: number;
}

/** How long a run goes: overrides of the scenario's `run` block (its precision target, event cap, horizon). */
export interface RunLength {
  seed?: number;
  /** Simulated-time horizon, s. */
  duration_s?: number;
  max_events?: number;
  /** Relative half-width of the 95 % intervals the run stops at. */
  precision?: number;
}

export interface SweepPoint extends LoadOverride {
  result: AnyRunResult;
}

export interface Headline {
  cost_usd_month?: number;
  /** Most users (or req/s for open workloads) within the SLO; undefined when unknown. */
  max_load?: number;
  max_load_metric?: CapacityMetric;
  /** 'analytic' from `headline`; a view that ran `capacity` may keep its answer as 'simulated'. */
  max_load_method: 'analytic' | 'simulated' | 'none';
  note?: string;
}

export interface ProviderInfo {
  provider: string;
  retrieved: string;
  source: string;
}

export interface ReportArgs extends RunLength {
  scenario: WebStackScenario;
  /** The scenario file's name, shown in the report header. */
  file?: string;
  /** The load the report is about; the scenario's own when omitted. */
  target?: LoadOverride;
  /** Why that load (shown in the report); said from the scenario when omitted. */
  target_basis?: string;
  /** ISO 8601, from the caller's clock. */
  generated_at: string;
  /** Names the program in the report's footer. */
  generator?: string;
  /** Points already run for the plan's loads with the same run length (a caller with several cores runs them in parallel). */
  simulated?: SweepPoint[];
}

export interface ReportOutput {
  model: ReportModel;
  html: string;
  markdown: string;
  /** Suggested file name without extension. */
  name: string;
  /** One sentence: the report's answer. */
  summary: string;
}

export interface SizeArgs extends RunLength {
  profile: WebStackScenario;
  target: SizingTarget;
  /** Defaults to the profile's own SLO. */
  slo?: SloBound;
  provider: string;
  /** 0.3 = the deployment must meet the SLO at 1.3 × the target. */
  headroom?: number;
}

/** Request name → its arguments and its result. */
export interface Requests {
  /** Parse and validate scenario text (JSON or YAML) or a parsed value. */
  validate: { args: { text: string; format: ScenarioFormat } | { value: unknown }; result: { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] } };
  run: { args: { scenario: Scenario } & LoadOverride & RunLength; result: AnyRunResult };
  sweep: { args: { scenario: Scenario; loads: LoadOverride[] } & RunLength; result: SweepPoint[] };
  /** The analytic preview at one load (about a millisecond; null for a queueing model). */
  preview: { args: { scenario: Scenario } & LoadOverride; result: WebStackPreview | null };
  claims: { args: { scenario: Scenario } & RunLength; result: ClaimVerdict[] };
  capacity: { args: { scenario: Scenario; slo?: SloBound; metric?: CapacityMetric; max_evaluations?: number } & RunLength; result: CapacityResult };
  /** The gallery's line: monthly cost and the analytic estimate of the most load within the SLO. */
  headline: { args: { scenario: Scenario }; result: Headline };
  lint: { args: { scenario: Scenario }; result: LintFinding[] };
  /** The monthly cost (null for a queueing model), traffic by the one monthly-traffic rule. */
  cost: { args: { scenario: Scenario }; result: CostBreakdown | null };
  export: { args: { scenario: WebStackScenario; target: ExportTarget; versions?: Partial<TargetVersions>; simulated?: SimulatedResult }; result: ExportResult };
  report: { args: ReportArgs; result: ReportOutput };
  providers: { args: Record<string, never>; result: ProviderInfo[] };
  size: { args: SizeArgs; result: SizingResult };
}

export type RequestName = keyof Requests;
export type ArgsOf<K extends RequestName> = Requests[K]['args'];
export type ResultOf<K extends RequestName> = Requests[K]['result'];

/** Progress of any long request. */
export interface Progress {
  /** 0..1 of the whole request (a sweep counts its points). */
  share: number;
  /** What is being done, for a status line ("load 3 of 9: 1,200 users"). */
  label?: string;
  events?: number;
  simulated_s?: number;
  /** Percentiles so far of the run in progress. */
  partial?: LatencySummary;
  /** A sweep point as soon as it is done. */
  point?: SweepPoint & { index: number };
}

export type ToWorker =
  | { kind: 'request'; requestId: number; name: RequestName; args: ArgsOf<RequestName> }
  | { kind: 'cancel'; requestId: number };

export interface WorkerError {
  code: 'invalid_scenario' | 'unstable' | 'cancelled' | 'crashed' | 'internal';
  message: string;
  issues?: ScenarioIssue[];
}

export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'progress'; requestId: number; payload: Progress }
  | { kind: 'response'; requestId: number; ok: true; result: ResultOf<RequestName> }
  | { kind: 'response'; requestId: number; ok: false; error: WorkerError };
