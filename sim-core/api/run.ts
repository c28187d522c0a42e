// api: simulate a scenario of any kind at its own load or an overridden one, for the run length its `run`
// block sets (or the caller's overrides). Same scenario, load, seed and run length ⇒ the same result, in every view.

import type { ArgsOf, ResultOf } from '../protocol';
import { runScenario } from '../scenario/run-scenario';
import { checkCancelled, type ApiContext } from './context';
import { runListener } from './run-listener';

export function run(args: ArgsOf<'run'>, ctx: ApiContext): ResultOf<'run'> {
  checkCancelled(ctx);
  const { scenario, ...rest } = args;
  const result = runScenario(scenario, { ...rest, clock: ctx.clock, onProgress: runListener(ctx) });
  if (result.stop_reason === 'cancelled') checkCancelled(ctx);
  return result;
}
