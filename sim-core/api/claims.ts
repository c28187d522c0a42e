// api: the document's claims of a web-stack scenario judged by simulating the load each is made at (the same
// run as `run` gives for that load) and pricing it by the one cost rule. Queueing models have no claims.

import type { ArgsOf, ResultOf, RunLength } from '../protocol';
import { judgeClaims, type ClaimLoad } from '../web-stack/claims/judge-claims';
import type { WebStackResult } from '../web-stack/runtime/web-stack-result';
import type { WebStackScenario } from '../web-stack/schema';
import { subProgress, type ApiContext } from './context';
import { webStackCost } from './cost';
import { run } from './run';

/** Judges the claims with `simulate` (the report passes one that reuses what it already simulated). */
export function judgeWith(s: WebStackScenario, simulate: (load: ClaimLoad) => WebStackResult, ctx: ApiContext): ResultOf<'claims'> {
  return judgeClaims(s, { simulate, monthlyCost: () => webStackCost(s, ctx).total_usd_per_month });
}

export function claims(args: ArgsOf<'claims'>, ctx: ApiContext): ResultOf<'claims'> {
  const { scenario: s, ...length } = args;
  if (s.kind !== 'web-stack') return [];
  const total = Math.max(1, s.claims.length);
  let done = 0;
  return judgeWith(s, (load) => simulateAt(s, load, length, subProgress(ctx, Math.min(done++, total - 1) / total, 1 / total, `claim load ${done}`)), ctx);
}

export function simulateAt(s: WebStackScenario, load: ClaimLoad, length: RunLength, ctx: ApiContext): WebStackResult {
  return run({ scenario: s, ...length, ...load }, ctx) as WebStackResult;
}
