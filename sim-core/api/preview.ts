// api: the analytic preview of a web-stack scenario at one load (mean-value analysis; about a millisecond, so
// the app calls it on every frame of a drag). Queueing models have none.

import type { ArgsOf, ResultOf } from '../protocol';
import { previewWebStack } from '../web-stack/preview/preview-web-stack';

export function preview(args: ArgsOf<'preview'>): ResultOf<'preview'> {
  const { scenario, ...load } = args;
  if (scenario.kind !== 'web-stack') return null;
  return previewWebStack(scenario, load);
}
