// api: one run per load, in order, each for the same run length and seed (common random numbers, so the
// curve is smooth where the model is). Each finished point is also sent as progress, so a view can draw it.

import type { ArgsOf, ResultOf, SweepPoint } from '../protocol';
import { checkLoadOverride } from '../scenario/run-scenario';
import { subProgress, type ApiContext } from './context';
import { run } from './run';

const loadText = (l: { users?: number; rate_per_s?: number }) => (l.users !== undefined ? `${l.users.toLocaleString('en-US')} users` : `${l.rate_per_s} req/s`);

export function sweep(args: ArgsOf<'sweep'>, ctx: ApiContext): ResultOf<'sweep'> {
  const { scenario, loads, ...length } = args;
  // Every load is checked before the first runs: a bad one is bad input, not a failure half-way.
  for (const load of loads) checkLoadOverride(scenario, load);
  const n = loads.length;
  return loads.map((load, index): SweepPoint => {
    const result = run({ scenario, ...length, ...load }, subProgress(ctx, index / n, 1 / n, `load ${index + 1} of ${n}: ${loadText(load)}`));
    const point = { ...load, result };
    ctx.onProgress?.({ share: (index + 1) / n, events: result.events, simulated_s: result.simulated_s, partial: result.latency_ms, point: { ...point, index } });
    return point;
  });
}
