// The analytic preview on the main thread (sim-core keeps previewWebStack pure and well under 5 ms), used for
// every frame of a drag. Records how long each call takes so the frame budget can be checked. The simulation
// itself only ever runs in sim.worker.ts.

import type { Scenario } from '../../../sim-core/index';
import { preview } from '../../../sim-core/index';
import type { LoadOverride, PreviewResult } from './requests';

/** Durations of recent preview calls, ms (read by the e2e frame-rate test). */
export const previewTimings: number[] = [];
(globalThis as { __capsimPreviewTimings?: number[] }).__capsimPreviewTimings = previewTimings;

export function previewNow(s: Scenario, load: LoadOverride): PreviewResult | null {
  if (s.kind !== 'web-stack') return null;
  const t0 = performance.now();
  try {
    return preview({ scenario: s, ...load });
  } catch {
    return null;
  } finally {
    previewTimings.push(performance.now() - t0);
    if (previewTimings.length > 2000) previewTimings.splice(0, 1000);
  }
}
