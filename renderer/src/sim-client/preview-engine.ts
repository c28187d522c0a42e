// The analytic preview on the main thread (sim-core keeps previewWebStack pure and well under 5 ms), used for
// every frame of a drag. Records how long each call takes so the frame budget can be checked.

import type { Scenario } from '../../../sim-core/model/parse-scenario';
import type { WebStackScenario } from '../../../sim-core/web-stack/schema/web-stack-schema';
import { findExport, type ModuleMap } from './engine-modules';
import type { LoadOverride, PreviewResult } from './requests';

const modules = import.meta.glob('../../../sim-core/web-stack/preview/*.ts', { eager: true }) as ModuleMap;
const previewWebStack = findExport<(s: WebStackScenario, l: LoadOverride) => PreviewResult>(modules, 'previewWebStack');

export const previewAvailable = previewWebStack !== undefined;

/** Durations of recent preview calls, ms (read by the e2e frame-rate test). */
export const previewTimings: number[] = [];
(globalThis as { __capsimPreviewTimings?: number[] }).__capsimPreviewTimings = previewTimings;

export function previewNow(s: Scenario, load: LoadOverride): PreviewResult | null {
  if (!previewWebStack || s.kind !== 'web-stack') return null;
  const t0 = performance.now();
  try {
    return previewWebStack(s, load);
  } catch {
    return null;
  } finally {
    previewTimings.push(performance.now() - t0);
    if (previewTimings.length > 2000) previewTimings.splice(0, 1000);
  }
}

export function bottleneckName(p: PreviewResult): string {
  return typeof p.bottleneck === 'string' ? p.bottleneck : p.bottleneck.resource;
}
