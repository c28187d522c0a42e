// The renderer's request map: the worker contract of sim-core/protocol.ts plus the requests the UI adds
// (gallery headline, capacity search, lint, cost, config export, sizing report, deployment sizing), and the
// messages the worker posts back. Types only; units as in sim-core.

import type { Scenario } from '../../../sim-core/scenario/parse-scenario';
import type { LoadOverride, ProgressPayload, SimRequests, SweepPoint, WorkerError } from '../../../sim-core/protocol';
import type { AnyRunResult } from '../../../sim-core/scenario/run-scenario';
import type { LintFinding } from '../../../sim-core/web-stack/lint/finding';
import type { CostBreakdown } from '../../../sim-core/cost/cost-breakdown';
import type { WebStackPreview } from '../../../sim-core/web-stack/preview/index';
import type { WebStackScenario } from '../../../sim-core/web-stack/schema/web-stack-schema';
import type { ExportResult, ExportTarget, SimulatedResult, TargetVersions } from '../../../sim-core/export/context';
import type { SizingResult, SizingTarget } from '../../../sim-core/capacity/sizing-search';
import type { SloBound } from '../../../sim-core/capacity/judge';

export type { AnyRunResult, LoadOverride, SweepPoint, ProgressPayload };

/** What sim-core/web-stack/preview returns for one load (analytic, instant). */
export type PreviewResult = WebStackPreview;

export interface Headline {
  cost_usd_month?: number;
  /** Most users within the SLO; undefined when unknown. */
  max_users?: number;
  max_users_method: 'analytic' | 'simulated' | 'none';
  note?: string;
}

export interface ExportArgs {
  scenario: WebStackScenario;
  target: ExportTarget;
  versions?: Partial<TargetVersions>;
  simulated?: SimulatedResult;
}

export interface ReportArgs {
  scenario: WebStackScenario;
  /** The scenario file's name, shown in the report header. */
  file?: string;
  /** The load the report is about; the scenario's own when omitted. */
  target?: LoadOverride;
  target_basis?: string;
  /** Simulated seconds per load point. */
  duration_s: number;
  seed?: number;
  /** ISO 8601, from the main thread's clock. */
  generated_at: string;
}

export interface ReportOutput {
  html: string;
  /** Suggested file name without extension. */
  name: string;
  /** One sentence: the report's answer. */
  summary: string;
  claims: number;
  loads: number;
}

export interface SizeArgs {
  profile: WebStackScenario;
  target: SizingTarget;
  slo: SloBound;
  provider: string;
  /** 0.3 = the deployment must meet the SLO at 1.3 × the target. */
  headroom: number;
  /** Simulated seconds per check (rerun 3× longer when uncertain). */
  duration_s: number;
}

export interface ProviderInfo {
  provider: string;
  retrieved: string;
  source: string;
}

export interface RendererRequests extends SimRequests {
  headline: { args: { scenario: Scenario }; result: Headline };
  capacity: { args: { scenario: Scenario; seed?: number; duration_s?: number }; result: Headline };
  lint: { args: { scenario: Scenario }; result: LintFinding[] };
  cost: { args: { scenario: Scenario; result?: AnyRunResult }; result: CostBreakdown | null };
  export: { args: ExportArgs; result: ExportResult };
  report: { args: ReportArgs; result: ReportOutput };
  providers: { args: Record<string, never>; result: ProviderInfo[] };
  size: { args: SizeArgs; result: SizingResult };
}

export type RequestName = keyof RendererRequests;
export type ArgsOf<K extends RequestName> = RendererRequests[K]['args'];
export type ResultOf<K extends RequestName> = RendererRequests[K]['result'];

/** Progress as the UI worker posts it: the contract's payload plus a finished sweep point when there is one. */
export interface UiProgress extends ProgressPayload {
  point?: SweepPoint & { index: number };
  label?: string;
}

/** A request as the renderer posts it to the worker. */
export interface RequestMessage<K extends RequestName = RequestName> {
  kind: 'request';
  requestId: number;
  name: K;
  args: ArgsOf<K>;
}

export type ToUiWorker = RequestMessage | { kind: 'cancel'; requestId: number };

/** Everything the worker posts back: the contract's messages with the renderer's wider request map. */
export type FromUiWorker =
  | { kind: 'ready' }
  | { kind: 'progress'; requestId: number; payload: UiProgress }
  | { kind: 'response'; requestId: number; ok: true; result: ResultOf<RequestName> }
  | { kind: 'response'; requestId: number; ok: false; error: WorkerError };
