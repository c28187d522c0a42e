// api: a gallery card's figures — the monthly cost (the one cost rule) and the analytic estimate of the most
// load within the SLO, labelled as analytic (the simulated answer is `capacity`'s).

import { analyticCapacity } from '../capacity/analytic-capacity';
import type { ArgsOf, ResultOf } from '../protocol';
import type { ApiContext } from './context';
import { cost } from './cost';

export function headline(args: ArgsOf<'headline'>, ctx: ApiContext): ResultOf<'headline'> {
  const s = args.scenario;
  const cost_usd_month = cost(args, ctx)?.total_usd_per_month;
  if (s.kind !== 'web-stack') return { cost_usd_month, max_load_method: 'none' };
  const open = s.workload.load.type === 'open';
  const est = analyticCapacity(s, open);
  return { cost_usd_month, max_load: est.max_load, max_load_metric: open ? 'rps' : 'users', max_load_method: 'analytic', note: est.confidence.note };
}
