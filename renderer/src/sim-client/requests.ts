// The renderer's request map: the worker contract of sim-core/protocol.ts plus the requests the UI adds
// (analytic preview, gallery headline, capacity search, lint, cost). Types only; units as in sim-core.

import type { Scenario } from '../../../sim-core/model/parse-scenario';
import type { LoadOverride, ProgressPayload, SimRequests, SweepPoint } from '../../../sim-core/protocol';
import type { AnyRunResult } from '../../../sim-core/model/run-scenario';
import type { LintFinding } from '../../../sim-core/web-stack/lint/finding';
import type { CostBreakdown } from '../../../sim-core/cost/cost-breakdown';

export type { AnyRunResult, LoadOverride, SweepPoint, ProgressPayload };

/** What sim-core/web-stack/preview returns for one load (analytic, instant). */
export interface PreviewResult {
  throughput_rps: number;
  mean_response_ms: number;
  p95_response_ms_estimate: number;
  utilization: Record<string, number>;
  bottleneck: { resource: string; utilization: number } | string;
  saturation_users?: number;
  max_throughput_rps?: number;
  method?: string;
}

export interface Headline {
  cost_usd_month?: number;
  /** Most users within the SLO; undefined when unknown. */
  max_users?: number;
  max_users_method: 'analytic' | 'simulated' | 'none';
  note?: string;
}

export interface RendererRequests extends SimRequests {
  headline: { args: { scenario: Scenario }; result: Headline };
  capacity: { args: { scenario: Scenario; seed?: number; duration_s?: number }; result: Headline };
  lint: { args: { scenario: Scenario }; result: LintFinding[] };
  cost: { args: { scenario: Scenario; result?: AnyRunResult }; result: CostBreakdown | null };
}

export type RequestName = keyof RendererRequests;
export type ArgsOf<K extends RequestName> = RendererRequests[K]['args'];
export type ResultOf<K extends RequestName> = RendererRequests[K]['result'];

/** Progress as the UI worker posts it: the contract's payload plus a finished sweep point when there is one. */
export interface UiProgress extends ProgressPayload {
  point?: SweepPoint & { index: number };
  label?: string;
}
