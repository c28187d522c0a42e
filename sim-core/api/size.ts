// api: the cheapest deployment of a profile that meets the SLO at the target load with headroom. The run
// length the caller asks for is written into the recommended scenario's `run` block, so opening it (in the
// app, `capsim run`, `capsim report`) gives back the very run the sizing confirmed at the target.

import { sizeDeployment } from '../capacity/sizing-search';
import type { ArgsOf, ResultOf } from '../protocol';
import type { WebStackScenario } from '../web-stack/schema';
import { checkCancelled, type ApiContext } from './context';
import { runListener } from './run-listener';
import { runWebStack } from '../web-stack/runtime/run-web-stack';

export const DEFAULT_HEADROOM = 0.3;

export function size(args: ArgsOf<'size'>, ctx: ApiContext): ResultOf<'size'> {
  const { profile: given, target, provider, seed, duration_s, max_events, precision } = args;
  const profile: WebStackScenario = {
    ...given,
    run: { ...given.run, ...(seed !== undefined && { seed }), ...(duration_s !== undefined && { duration_s }), ...(max_events !== undefined && { max_events }), ...(precision !== undefined && { precision }) },
  };
  let share = 0;
  let label = 'pricing the candidates';
  const progressCtx: ApiContext = { ...ctx, onProgress: ctx.onProgress && ((p) => ctx.onProgress!({ ...p, share, label })) };
  const simulate = (s: WebStackScenario, o?: { duration_s: number; seed: number }) => {
    checkCancelled(ctx);
    const r = runWebStack(s, { ...(o && { seed: o.seed, duration_s: o.duration_s }), clock: ctx.clock, onProgress: runListener(progressCtx) });
    checkCancelled(ctx);
    return r;
  };
  return sizeDeployment(profile, target, {
    slo: args.slo ?? { p95_ms: profile.slo.p95_ms, max_error_rate: profile.slo.max_error_rate },
    provider,
    catalogs: [...ctx.catalogs],
    headroom: args.headroom ?? DEFAULT_HEADROOM,
    seed: profile.run.seed,
    ...(duration_s !== undefined && { duration_s }),
    simulate,
    confirm: (s) => simulate(s),
    onProgress: (sh, note) => {
      share = sh;
      label = note;
      ctx.onProgress?.({ share, label });
    },
  });
}
