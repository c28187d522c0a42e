// api: the monthly cost of a web-stack scenario from the catalogs, its traffic by the one monthly-traffic rule
// (cost/monthly-traffic.ts), so the cost view, the claims, the report, the sizing search and the gallery agree.

import { monthlyCost } from '../cost/monthly-cost';
import { monthlyTraffic } from '../cost/monthly-traffic';
import type { CostBreakdown } from '../cost/cost-breakdown';
import type { ArgsOf, ResultOf } from '../protocol';
import type { WebStackScenario } from '../web-stack/schema';
import type { ApiContext } from './context';

export function webStackCost(s: WebStackScenario, ctx: Pick<ApiContext, 'catalogs'>): CostBreakdown {
  return monthlyCost(s, [...ctx.catalogs], monthlyTraffic(s));
}

export function cost(args: ArgsOf<'cost'>, ctx: ApiContext): ResultOf<'cost'> {
  return args.scenario.kind === 'web-stack' ? webStackCost(args.scenario, ctx) : null;
}
