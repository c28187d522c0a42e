// The run driver's progress listener for an api request: forwards progress and stops the run (returns false)
// when the caller cancels.

import type { ProgressListener } from '../run/run-driver';
import type { ApiContext } from './context';

export function runListener(ctx: ApiContext, label?: string): ProgressListener | undefined {
  const { onProgress, cancelled } = ctx;
  if (!onProgress && !cancelled) return undefined;
  return (p) => {
    onProgress?.({ share: p.share, events: p.events, simulated_s: p.simulated_s, partial: p.partial, ...(label && { label }) });
    return cancelled?.() ? false : undefined;
  };
}
