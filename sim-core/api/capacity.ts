// api: the most load a web-stack scenario serves within its SLO (or the given one): the analytic bracket,
// confirmed by simulated bisection (capacity/capacity-search.ts). The one "max load" every view shows.

import { capacitySearch } from '../capacity/capacity-search';
import type { ArgsOf, ResultOf } from '../protocol';
import { ScenarioError } from '../schema/schema-errors';
import { checkCancelled, type ApiContext } from './context';
import { runListener } from './run-listener';
import { runWebStack } from '../web-stack/runtime/run-web-stack';

export function capacity(args: ArgsOf<'capacity'>, ctx: ApiContext): ResultOf<'capacity'> {
  const { scenario: s, slo, metric, max_evaluations, seed, duration_s } = args;
  if (s.kind !== 'web-stack') throw new ScenarioError([{ path: 'kind', message: `expected a "web-stack" scenario to search its capacity, got "${s.kind}"` }]);
  let share = 0;
  let label = '';
  return capacitySearch(s, {
    slo,
    metric,
    seed,
    duration_s,
    max_evaluations,
    clock: ctx.clock,
    simulate: (load, o) => {
      checkCancelled(ctx);
      const r = runWebStack(o.scenario, { ...load, seed: o.seed, duration_s: o.duration_s, clock: ctx.clock, onProgress: runListener({ ...ctx, onProgress: ctx.onProgress && ((p) => ctx.onProgress!({ ...p, share, label })) }) });
      checkCancelled(ctx);
      return r;
    },
    onProgress: (sh, note) => {
      share = sh;
      label = note;
      ctx.onProgress?.({ share, label });
    },
  });
}
