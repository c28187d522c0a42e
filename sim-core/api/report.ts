// api: the sizing report of a web-stack scenario. Every number in it is the answer the other requests give to
// the same question: each load point is `run` at that load (the scenario's run block, or the caller's run
// length), the cost is `cost`, the max load is `capacity`, the claims are `claims` (reusing the points already
// run), the configs are `export` sized by the target's result. `reportPlan` names the loads up front so a caller
// with several cores (the CLI) can run them in parallel and hand the results in as `args.simulated`.

import type { ArgsOf, LoadOverride, ReportArgs, ResultOf, RunLength, SweepPoint } from '../protocol';
import { buildReport, renderReportHtml, renderReportMarkdown, sweepLoads, type ConfigsInput } from '../report';
import type { CapacityEstimate } from '../capacity/analytic-capacity';
import { exportScenario } from '../export';
import type { ClaimLoad } from '../web-stack/claims/judge-claims';
import { lintScenario } from '../web-stack/lint';
import { effectiveLoad } from '../web-stack/runtime/load';
import type { WebStackResult } from '../web-stack/runtime/web-stack-result';
import type { WebStackScenario } from '../web-stack/schema';
import { subProgress, type ApiContext } from './context';
import { judgeWith, simulateAt } from './claims';
import { capacity } from './capacity';
import { webStackCost } from './cost';

/** Simulated points the report's capacity search may use (the search's own default is 24). */
export const REPORT_CAPACITY_EVALUATIONS = 12;

export interface ReportPlan {
  target: ClaimLoad;
  basis: string;
  /** Every load simulated before judging: the sweep, the target and the claims' known loads, without repeats. */
  loads: ClaimLoad[];
  /** The run length of every point (the scenario's run block with the caller's overrides). */
  length: RunLength;
}

export const loadKey = (l: LoadOverride): string => (l.users !== undefined ? `u${l.users}` : `r${l.rate_per_s}`);
const loadText = (l: LoadOverride): string => (l.users !== undefined ? `${l.users.toLocaleString('en-US')} users` : `${l.rate_per_s} req/s`);

/** Loads the claims will be judged at, as far as they are known before judging (the rest run on demand). */
function claimLoads(s: WebStackScenario): ClaimLoad[] {
  const out: ClaimLoad[] = [];
  for (const c of s.claims) {
    if (c.at_users !== undefined) out.push({ users: c.at_users });
    else if (c.at_rps !== undefined) out.push({ rate_per_s: c.at_rps });
    else if (c.metric === 'concurrent_users') for (const n of [c.min, c.max]) if (n !== undefined && Number.isInteger(n) && n >= 1) out.push({ users: n });
  }
  return out;
}

function ownLoad(s: WebStackScenario): ClaimLoad {
  const own = effectiveLoad(s);
  return own.type === 'closed' ? { users: own.users } : { rate_per_s: own.rate_per_s };
}

function targetBasis(s: WebStackScenario, args: ReportArgs): string {
  if (args.target_basis) return args.target_basis;
  if (args.target?.users !== undefined) return `${args.target.users.toLocaleString('en-US')} users (chosen for this report)`;
  if (args.target?.rate_per_s !== undefined) return `${args.target.rate_per_s} req/s (chosen for this report)`;
  const l = s.workload.load;
  if (l.type === 'daily') return `the scenario's daily curve: ${l.daily_active_users.toLocaleString('en-US')} daily users × ${l.sessions_per_user} session(s) of ${l.session_minutes} min, peak factor ${l.peak_factor}`;
  return "the scenario's own load";
}

export function reportPlan(args: ReportArgs): ReportPlan {
  const s = args.scenario;
  const target = args.target?.users !== undefined ? { users: args.target.users } : args.target?.rate_per_s !== undefined ? { rate_per_s: args.target.rate_per_s } : ownLoad(s);
  const loads = new Map<string, ClaimLoad>();
  for (const l of [...sweepLoads(target), target, ...claimLoads(s)]) loads.set(loadKey(l), l);
  const { seed, duration_s, max_events, precision } = args;
  const length: RunLength = { seed: seed ?? s.run.seed, ...(duration_s !== undefined && { duration_s }), ...(max_events !== undefined && { max_events }), ...(precision !== undefined && { precision }) };
  return { target, basis: targetBasis(s, args), loads: [...loads.values()], length };
}

function configsFor(s: WebStackScenario, t: WebStackResult): ConfigsInput | string {
  try {
    const simulated = { p95_ms: t.latency_ms.p95, throughput_rps: t.throughput_rps, users: t.load.users };
    return { target: 'bare', ...exportScenario(s, { target: 'bare', simulated }) };
  } catch (e) {
    return `The configs could not be exported (${(e as Error).message}); run capsim export for details.`;
  }
}

function capacityFor(s: WebStackScenario, plan: ReportPlan, ctx: ApiContext): CapacityEstimate {
  const c = capacity({ scenario: s, metric: plan.target.users !== undefined ? 'users' : 'rps', seed: plan.length.seed, duration_s: plan.length.duration_s, max_evaluations: REPORT_CAPACITY_EVALUATIONS }, ctx);
  return { max_load: c.max_load, binding_resource: c.binding_resource.resource, confidence: c.confidence, method: 'simulation search' };
}

export function report(args: ArgsOf<'report'>, ctx: ApiContext): ResultOf<'report'> {
  const s = args.scenario;
  const plan = reportPlan(args);
  const byKey = new Map<string, WebStackResult>();
  for (const p of args.simulated ?? []) byKey.set(loadKey(p), p.result as WebStackResult);
  const steps = plan.loads.length + 2;
  let done = 0;
  const sim = (l: ClaimLoad): WebStackResult => {
    const key = loadKey(l);
    let r = byKey.get(key);
    if (!r) {
      const label = `load ${Math.min(done + 1, plan.loads.length)} of ${plan.loads.length}: ${loadText(l)}`;
      r = simulateAt(s, l, plan.length, subProgress(ctx, Math.min(done, steps - 2) / steps, 1 / steps, label));
      byKey.set(key, r);
    }
    done++;
    return r;
  };
  for (const l of plan.loads) sim(l);
  const t = sim(plan.target);
  const capacityEstimate = capacityFor(s, plan, subProgress(ctx, (steps - 2) / steps, 1 / steps, 'searching the capacity within the SLO'));
  ctx.onProgress?.({ share: (steps - 1) / steps, label: 'judging the claims' });
  const own = ownLoad(s);
  const claims = judgeWith(s, (load) => sim(load.users === undefined && load.rate_per_s === undefined ? own : load), ctx);
  const model = buildReport({
    scenario: s,
    file: args.file,
    generated_at: args.generated_at,
    target_load: plan.target,
    target_basis: plan.basis,
    target: t,
    sweep: sweepLoads(plan.target).map((l) => byKey.get(loadKey(l))!),
    claims,
    cost: webStackCost(s, ctx),
    lint: lintScenario(s),
    configs: configsFor(s, t),
    capacity: capacityEstimate,
    run: { duration_s: plan.length.duration_s ?? s.run.duration_s, seed: plan.length.seed ?? s.run.seed },
    generator: args.generator ?? 'capsim 0.1.0',
  });
  const name = `${(s.name || 'scenario').replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'scenario'}-report`;
  return { model, html: renderReportHtml(model), markdown: renderReportMarkdown(model), name, summary: model.answer.sentences[0] ?? '' };
}
