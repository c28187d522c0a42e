// Simulation state: the job in progress (its share and partial percentiles), the latest result and sweep for
// the draft revision they were computed for, claims verdicts, lint findings, cost, gallery headlines, and the
// error banner. Written by sim-client/jobs.ts through setState; never holds chart series.

import type { StateCreator } from 'zustand';
import type { ClaimVerdict } from '../../../sim-core/index';
import type { LintFinding } from '../../../sim-core/index';
import type { CostBreakdown } from '../../../sim-core/index';
import type { AnyRunResult, Headline, PreviewResult, ProviderInfo, ReportOutput, SizeArgs, SweepPoint, UiProgress } from '../sim-client/requests';
import type { SizingResult } from '../../../sim-core/index';
import type { AppStore } from './index';

export type JobKind = 'run' | 'sweep' | 'claims' | 'capacity' | 'compare' | 'refine' | 'report' | 'sizing';

export interface Job {
  kind: JobKind;
  label: string;
  startedAt: number;
  progress: UiProgress | null;
}

export interface Banner {
  tone: 'error' | 'info';
  message: string;
}

export interface RunSlice {
  job: Job | null;
  result: AnyRunResult | null;
  resultRevision: number;
  sweep: (SweepPoint & { index: number })[];
  sweepRevision: number;
  sweepSize: number;
  preview: PreviewResult | null;
  /** The blended scenario while dragging between tiers (the draft is unchanged until release). */
  live: import('../../../sim-core/index').Scenario | null;
  verdicts: ClaimVerdict[] | null;
  verdictsRevision: number;
  lint: LintFinding[];
  cost: CostBreakdown | null;
  headlines: Record<string, Headline>;
  banner: Banner | null;
  /** The latest sizing report and the draft revision it was built for. */
  report: (ReportOutput & { revision: number; duration_s: number }) | null;
  /** The latest deployment sizing, with the form it answered. */
  sizing: { result: SizingResult; args: Omit<SizeArgs, 'profile'> } | null;
  /** Pricing catalogs the worker loaded (providers for the sizing form). */
  providers: ProviderInfo[];
  resetResults: () => void;
  dismissBanner: () => void;
}

export const createRunSlice: StateCreator<AppStore, [], [], RunSlice> = (set) => ({
  job: null,
  result: null,
  resultRevision: -1,
  sweep: [],
  sweepRevision: -1,
  sweepSize: 0,
  preview: null,
  live: null,
  verdicts: null,
  verdictsRevision: -1,
  lint: [],
  cost: null,
  headlines: {},
  banner: null,
  report: null,
  sizing: null,
  providers: [],
  resetResults: () => set({ result: null, sweep: [], sweepSize: 0, verdicts: null, preview: null, cost: null, lint: [], report: null }),
  dismissBanner: () => set({ banner: null }),
});
