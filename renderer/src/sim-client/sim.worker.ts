// The Web Worker that runs sim-core: the only renderer file importing the engine at runtime. It answers the
// requests of requests.ts one at a time (runs are synchronous), posting progress between event chunks.
/// <reference lib="webworker" />

import type { Scenario } from '../../../sim-core/model/parse-scenario';
import { parseScenario } from '../../../sim-core/model/parse-scenario';
import { parseScenarioText } from '../../../sim-core/model/scenario-text';
import { runQueueingModel } from '../../../sim-core/model/run-queueing-model';
import type { QueueingModel } from '../../../sim-core/model/queueing-model-schema';
import { ScenarioError } from '../../../sim-core/model/schema-errors';
import type { Progress } from '../../../sim-core/model/run-driver';
import type { FromWorker, WorkerError } from '../../../sim-core/protocol';
import { judgeClaims } from '../../../sim-core/web-stack/claims/judge-claims';
import { lintScenario } from '../../../sim-core/web-stack/lint/index';
import type { WebStackScenario } from '../../../sim-core/web-stack/schema/web-stack-schema';
import type { WebStackResult } from '../../../sim-core/web-stack/web-stack-result';
import type { CostBreakdown } from '../../../sim-core/cost/cost-breakdown';
import { parseCatalog } from '../../../sim-core/cost/parse-catalog';
import type { PricingCatalog } from '../../../sim-core/cost/pricing-schema';
import { findExport, type ModuleMap } from './engine-modules';
import { maxUsersWithinSlo } from './max-users';
import type { AnyRunResult, ArgsOf, Headline, LoadOverride, PreviewResult, RequestName, ResultOf, UiProgress } from './requests';

const late = import.meta.glob(
  ['../../../sim-core/model/run-scenario.ts', '../../../sim-core/web-stack/run-web-stack.ts', '../../../sim-core/web-stack/preview/*.ts', '../../../sim-core/cost/*.ts'],
  { eager: true },
) as ModuleMap;
const catalogFiles = import.meta.glob('../../../scenarios/pricing/*.json', { eager: true, import: 'default' }) as Record<string, unknown>;

type RunOpts = { seed?: number; users?: number; rate_per_s?: number; duration_s?: number; onProgress?: (p: Progress) => boolean | void; clock?: () => number };
const runScenario = findExport<(s: Scenario, o: RunOpts) => AnyRunResult>(late, 'runScenario');
const runWebStack = findExport<(s: WebStackScenario, o: RunOpts) => WebStackResult>(late, 'runWebStack');
const offeredUsage = findExport<(s: WebStackScenario) => unknown>(late, 'offeredUsage');
const previewWebStack = findExport<(s: WebStackScenario, l: LoadOverride) => PreviewResult>(late, 'previewWebStack');
const monthlyCost = findExport<(s: WebStackScenario, catalogs: PricingCatalog[], usage?: unknown) => CostBreakdown>(
  late, 'monthlyCost', 'costBreakdown', 'scenarioCost', 'computeMonthlyCost', 'priceScenario', 'costScenario',
);

const catalogs: PricingCatalog[] = [];
for (const raw of Object.values(catalogFiles)) {
  try {
    catalogs.push(parseCatalog(raw));
  } catch {
    /* a broken catalog only removes its prices */
  }
}

const post = (m: FromWorker | { kind: 'progress'; requestId: number; payload: UiProgress }) => postMessage(m);

/** The queueing runner has no load override: apply it to the model. */
function withLoad(model: QueueingModel, load: LoadOverride): QueueingModel {
  const w = model.workload;
  if (load.users !== undefined && w.type === 'closed') return { ...model, workload: { ...w, users: Math.max(1, Math.round(load.users)) } };
  if (load.rate_per_s !== undefined && w.type === 'open') return { ...model, workload: { ...w, rate_per_s: load.rate_per_s, interarrival_ms: undefined } as typeof w };
  return model;
}

function simulate(s: Scenario, o: RunOpts): AnyRunResult {
  const opts = { ...o, clock: () => performance.now() };
  if (runScenario) return runScenario(s, opts);
  if (s.kind === 'web-stack' && runWebStack) return runWebStack(s, opts);
  if (s.kind === 'queueing') {
    const m = withLoad(o.duration_s ? { ...s, run: { ...s.run, duration_s: o.duration_s } } : s, o);
    return runQueueingModel(m, opts);
  }
  throw { code: 'internal', message: 'This build has no web-stack simulator yet (sim-core/model/run-scenario.ts is missing).' } satisfies WorkerError;
}

function costOf(s: Scenario, result?: AnyRunResult): CostBreakdown | null {
  if (s.kind !== 'web-stack' || !monthlyCost) return null;
  const usage = result && 'egress_bytes_per_s' in result ? { throughput_rps: result.throughput_rps, egress_bytes_per_s: result.egress_bytes_per_s, basis: 'simulated' } : offeredUsage?.(s);
  return monthlyCost(s, catalogs, usage);
}

function progressFor(requestId: number, from: number, span: number, label?: string) {
  return (p: Progress) => {
    post({ kind: 'progress', requestId, payload: { share: from + span * p.share, events: p.events, simulated_s: p.simulated_s, partial: p.partial, label } });
  };
}

const handlers: { [K in RequestName]: (args: ArgsOf<K>, id: number) => ResultOf<K> } = {
  validate(args) {
    try {
      const value = 'text' in args ? parseScenarioText(args.text, args.format) : args.value;
      return { ok: true, scenario: parseScenario(value) };
    } catch (e) {
      if (e instanceof ScenarioError) return { ok: false, issues: e.issues };
      throw e;
    }
  },
  run(args, id) {
    return simulate(args.scenario, { seed: args.seed, users: args.users, rate_per_s: args.rate_per_s, duration_s: args.duration_s, onProgress: progressFor(id, 0, 1) });
  },
  sweep(args, id) {
    const n = args.loads.length;
    return args.loads.map((load, index) => {
      const result = simulate(args.scenario, { seed: args.seed, duration_s: args.duration_s, ...load, onProgress: progressFor(id, index / n, 1 / n, `load ${index + 1} of ${n}`) });
      const point = { ...load, result, index };
      post({ kind: 'progress', requestId: id, payload: { share: (index + 1) / n, events: result.events, simulated_s: result.simulated_s, partial: result.latency_ms, point } });
      return { ...load, result };
    });
  },
  claims(args, id) {
    const s = args.scenario;
    if (s.kind !== 'web-stack') return [];
    const total = Math.max(1, s.claims.length);
    let done = 0;
    return judgeClaims(s, {
      simulate: (load) => {
        const r = simulate(s, { seed: args.seed, ...load, duration_s: Math.min(s.run.duration_s ?? 60, 60), onProgress: progressFor(id, done / total, 1 / total, `claim load ${done + 1}`) }) as WebStackResult;
        done = Math.min(total - 1, done + 1);
        return r;
      },
      monthlyCost: monthlyCost ? () => costOf(s)?.total_usd_per_month ?? NaN : undefined,
    });
  },
  headline(args) {
    const s = args.scenario;
    const cost = costOf(s)?.total_usd_per_month;
    if (s.kind !== 'web-stack' || !previewWebStack) return { cost_usd_month: cost, max_users_method: 'none' } satisfies Headline;
    const users = maxUsersWithinSlo((u) => previewWebStack(s, { users: u }).p95_response_ms_estimate, s.slo.p95_ms);
    return { cost_usd_month: cost, max_users: users, max_users_method: 'analytic' };
  },
  capacity(args, id) {
    const s = args.scenario;
    if (s.kind !== 'web-stack') return { max_users_method: 'none' };
    let step = 0;
    const ok = (u: number) => {
      const r = simulate(s, { seed: args.seed, users: u, duration_s: args.duration_s ?? 30, onProgress: progressFor(id, Math.min(0.95, step / 10), 0.1, `${u} users`) }) as WebStackResult;
      step++;
      return r.slo.met;
    };
    const guess = previewWebStack ? maxUsersWithinSlo((u) => previewWebStack(s, { users: u }).p95_response_ms_estimate, s.slo.p95_ms) : 100;
    let lo = 0;
    let hi = Math.max(2, guess ?? 100);
    while (ok(hi) && hi < 1e6) [lo, hi] = [hi, hi * 2];
    while (hi - lo > Math.max(1, lo * 0.03)) {
      const mid = Math.round((lo + hi) / 2);
      if (ok(mid)) lo = mid;
      else hi = mid;
    }
    return { cost_usd_month: costOf(s)?.total_usd_per_month, max_users: lo, max_users_method: 'simulated' };
  },
  lint(args) {
    return args.scenario.kind === 'web-stack' ? lintScenario(args.scenario) : [];
  },
  cost(args) {
    return costOf(args.scenario, args.result);
  },
};

function toWorkerError(e: unknown): WorkerError {
  if (e instanceof ScenarioError) {
    const unstable = e.issues.some((i) => /unstable/.test(i.message));
    return { code: unstable ? 'unstable' : 'invalid_scenario', message: e.message, issues: e.issues };
  }
  if (e && typeof e === 'object' && 'code' in e && 'message' in e) return e as WorkerError;
  return { code: 'internal', message: e instanceof Error ? e.message : String(e) };
}

const cancelled = new Set<number>();

self.onmessage = (ev: MessageEvent) => {
  const msg = ev.data as { kind: 'request'; requestId: number; name: RequestName; args: unknown } | { kind: 'cancel'; requestId: number };
  if (msg.kind === 'cancel') {
    cancelled.add(msg.requestId);
    return;
  }
  if (cancelled.delete(msg.requestId)) {
    post({ kind: 'response', requestId: msg.requestId, ok: false, error: { code: 'cancelled', message: 'cancelled' } });
    return;
  }
  try {
    const handler = handlers[msg.name] as (a: unknown, id: number) => unknown;
    const result = handler(msg.args, msg.requestId);
    post({ kind: 'response', requestId: msg.requestId, ok: true, result });
  } catch (e) {
    post({ kind: 'response', requestId: msg.requestId, ok: false, error: toWorkerError(e) });
  }
};

post({ kind: 'ready' });
