// Module-level selectors and the chart series derived from store state (never stored).

import type { AppStore } from './index';
import type { AnyRunResult, PreviewResult, SweepPoint } from '../sim-client/requests';
import type { WebStackResult } from '../../../sim-core/index';

export const selectView = (s: AppStore) => s.view;
export const selectTheme = (s: AppStore) => s.theme;
export const selectScenario = (s: AppStore) => s.scenario;
export const selectDraft = (s: AppStore) => s.draft;
export const selectIssues = (s: AppStore) => s.issues;
export const selectJob = (s: AppStore) => s.job;
export const selectBanner = (s: AppStore) => s.banner;
export const selectCanUndo = (s: AppStore) => s.past.length > 0;
export const selectCanRedo = (s: AppStore) => s.future.length > 0;

/** The simulated result when it is for the current draft, else null. */
export const selectFreshResult = (s: AppStore): AnyRunResult | null => (s.result && s.resultRevision === s.revision ? s.result : null);
export const selectStaleResult = (s: AppStore): boolean => s.result !== null && s.resultRevision !== s.revision;

export const isWebStackResult = (r: AnyRunResult | null | undefined): r is WebStackResult => !!r && 'slo' in r;

export interface SaturationRow {
  resource: string;
  utilization: number;
}

/** Every resource's utilisation, busiest first. */
export function saturationRows(source: { utilization: Record<string, number> } | null | undefined): SaturationRow[] {
  if (!source) return [];
  return Object.entries(source.utilization)
    .filter(([, u]) => Number.isFinite(u))
    .map(([resource, utilization]) => ({ resource, utilization }))
    .sort((a, b) => b.utilization - a.utilization);
}

export interface LatencyRow {
  load: number;
  p50?: number;
  p95?: number;
  p99?: number;
  throughput?: number;
  error_rate?: number;
  analytic_p95?: number;
  analytic_mean?: number;
  analytic_throughput?: number;
}

export function sweepRows(points: (SweepPoint & { index: number })[]): LatencyRow[] {
  return points
    .map((p) => ({
      load: p.users ?? p.rate_per_s ?? 0,
      p50: p.result.latency_ms.p50,
      p95: p.result.latency_ms.p95,
      p99: p.result.latency_ms.p99,
      throughput: p.result.throughput_rps,
      error_rate: isWebStackResult(p.result) ? p.result.user_error_rate : p.result.errors.rate,
    }))
    .sort((a, b) => a.load - b.load);
}

/** Bottleneck of a result or preview as { resource, utilization }. */
export function bottleneckOf(r: AnyRunResult | PreviewResult | null): { resource: string; utilization: number } | null {
  if (!r) return null;
  if ('bottleneck' in r && r.bottleneck) return r.bottleneck;
  const rows = saturationRows(r);
  return rows[0] ?? null;
}
