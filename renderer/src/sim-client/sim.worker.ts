// The Web Worker that runs sim-core: the only renderer file importing the engine at runtime (the analytic preview
// also runs on the main thread, see preview-engine.ts). It answers the requests of requests.ts one at a time
// (runs are synchronous), posting progress between event chunks.
/// <reference lib="webworker" />

import type { Scenario } from '../../../sim-core/scenario/parse-scenario';
import { parseScenario } from '../../../sim-core/scenario/parse-scenario';
import { parseScenarioText } from '../../../sim-core/schema/scenario-text';
import { runScenario, type ScenarioRunOptions } from '../../../sim-core/scenario/run-scenario';
import { ScenarioError } from '../../../sim-core/schema/schema-errors';
import type { Progress } from '../../../sim-core/run/run-driver';
import type { WorkerError } from '../../../sim-core/protocol';
import { judgeClaims, type ClaimLoad } from '../../../sim-core/web-stack/claims/judge-claims';
import { lintScenario } from '../../../sim-core/web-stack/lint/index';
import { effectiveLoad, runWebStack } from '../../../sim-core/web-stack/runtime/run-web-stack';
import { previewWebStack } from '../../../sim-core/web-stack/preview/index';
import type { WebStackScenario } from '../../../sim-core/web-stack/schema/web-stack-schema';
import type { WebStackResult } from '../../../sim-core/web-stack/runtime/web-stack-result';
import { monthlyCost, offeredUsage, parseCatalog, type CostBreakdown, type CostUsage, type PricingCatalog } from '../../../sim-core/cost/index';
import { exportScenario } from '../../../sim-core/export/index';
import { buildReport, renderReportHtml, sweepLoads as reportSweepLoads, type ConfigsInput } from '../../../sim-core/report/index';
import { sizeDeployment } from '../../../sim-core/capacity/sizing-search';
import { maxUsersWithinSlo } from './max-users';
import type { AnyRunResult, ArgsOf, FromUiWorker, Headline, RequestName, ResultOf, ToUiWorker, UiProgress } from './requests';

const catalogFiles = import.meta.glob('../../../scenarios/pricing/*.json', { eager: true, import: 'default' }) as Record<string, unknown>;

const catalogs: PricingCatalog[] = [];
for (const raw of Object.values(catalogFiles)) {
  try {
    catalogs.push(parseCatalog(raw));
  } catch {
    /* a broken catalog only removes its prices */
  }
}

const post = (m: FromUiWorker) => postMessage(m);
const clock = () => performance.now();

function simulate(s: Scenario, o: ScenarioRunOptions): AnyRunResult {
  return runScenario(s, { ...o, clock });
}

function simulateWeb(s: WebStackScenario, o: ScenarioRunOptions): WebStackResult {
  return runWebStack(s, { ...o, clock });
}

function usageOf(result: AnyRunResult | undefined, s: WebStackScenario): CostUsage | undefined {
  if (result && 'egress_bytes_per_s' in result) return { throughput_rps: result.throughput_rps, egress_bytes_per_s: result.egress_bytes_per_s, basis: 'simulated' };
  return offeredUsage(s);
}

function costOf(s: Scenario, result?: AnyRunResult): CostBreakdown | null {
  if (s.kind !== 'web-stack') return null;
  return monthlyCost(s, catalogs, usageOf(result, s));
}

function progressFor(requestId: number, from: number, span: number, label?: string) {
  return (p: Progress) => {
    post({ kind: 'progress', requestId, payload: { share: from + span * p.share, events: p.events, simulated_s: p.simulated_s, partial: p.partial, label } });
  };
}

const loadKey = (l: ClaimLoad) => (l.users !== undefined ? `u${l.users}` : `r${l.rate_per_s}`);
const loadText = (l: ClaimLoad) => (l.users !== undefined ? `${l.users.toLocaleString('en-US')} users` : `${l.rate_per_s} req/s`);

/** Loads the claims will be judged at, as far as they are known before judging (the rest run on demand). */
function claimLoads(s: WebStackScenario): ClaimLoad[] {
  const out: ClaimLoad[] = [];
  for (const c of s.claims) {
    if (c.at_users !== undefined) out.push({ users: c.at_users });
    else if (c.at_rps !== undefined) out.push({ rate_per_s: c.at_rps });
  }
  return out;
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
        const r = simulateWeb(s, { seed: args.seed, ...load, duration_s: Math.min(s.run.duration_s ?? 60, 60), onProgress: progressFor(id, done / total, 1 / total, `claim load ${done + 1}`) });
        done = Math.min(total - 1, done + 1);
        return r;
      },
      monthlyCost: () => costOf(s)?.total_usd_per_month ?? NaN,
    });
  },
  headline(args) {
    const s = args.scenario;
    const cost = costOf(s)?.total_usd_per_month;
    if (s.kind !== 'web-stack') return { cost_usd_month: cost, max_users_method: 'none' } satisfies Headline;
    const users = maxUsersWithinSlo((u) => previewWebStack(s, { users: u }).p95_response_ms_estimate, s.slo.p95_ms);
    return { cost_usd_month: cost, max_users: users, max_users_method: 'analytic' };
  },
  capacity(args, id) {
    const s = args.scenario;
    if (s.kind !== 'web-stack') return { max_users_method: 'none' };
    let step = 0;
    const ok = (u: number) => {
      const r = simulateWeb(s, { seed: args.seed, users: u, duration_s: args.duration_s ?? 30, onProgress: progressFor(id, Math.min(0.95, step / 10), 0.1, `${u} users`) });
      step++;
      return r.slo.met;
    };
    const guess = maxUsersWithinSlo((u) => previewWebStack(s, { users: u }).p95_response_ms_estimate, s.slo.p95_ms);
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
  export(args) {
    return exportScenario(args.scenario, { target: args.target, versions: args.versions, simulated: args.simulated });
  },
  report(args, id) {
    const s = args.scenario;
    const seed = args.seed ?? s.run.seed;
    const own = effectiveLoad(s);
    const target: ClaimLoad = args.target?.users !== undefined ? { users: args.target.users } : args.target?.rate_per_s !== undefined ? { rate_per_s: args.target.rate_per_s } : own.type === 'closed' ? { users: own.users } : { rate_per_s: own.rate_per_s };
    const basis = args.target_basis ?? "the scenario's own load";
    const lint = lintScenario(s);
    let configs: ConfigsInput | string;
    try {
      configs = { target: 'bare', ...exportScenario(s, { target: 'bare' }) };
    } catch (e) {
      configs = `The configs could not be exported (${(e as Error).message}).`;
    }
    // The sweep, the target and the claims' known loads, one simulation per distinct load.
    const sweep = reportSweepLoads(target);
    const planned = new Map<string, ClaimLoad>();
    for (const l of [target, ...sweep, ...claimLoads(s)]) planned.set(loadKey(l), l);
    const expected = planned.size + 1;
    const byKey = new Map<string, WebStackResult>();
    const sim = (l: ClaimLoad): WebStackResult => {
      const key = loadKey(l);
      let r = byKey.get(key);
      if (!r) {
        const done = byKey.size;
        r = simulateWeb(s, { ...l, seed, duration_s: args.duration_s, onProgress: progressFor(id, Math.min(0.97, done / expected), 1 / expected, `load ${done + 1} of ${Math.max(expected - 1, done + 1)}: ${loadText(l)}`) });
        byKey.set(key, r);
      }
      return r;
    };
    for (const l of planned.values()) sim(l);
    const t = sim(target);
    const cost = monthlyCost(s, catalogs, {
      throughput_rps: t.throughput_rps,
      egress_bytes_per_s: t.egress_bytes_per_s,
      basis: `simulated at ${loadText(target)}: ${t.throughput_rps.toFixed(1)} req/s, ${(t.egress_bytes_per_s / 1e6).toFixed(2)} MB/s to clients`,
    });
    const claims = judgeClaims(s, {
      simulate: (load) => sim(load.users === undefined && load.rate_per_s === undefined ? (own.type === 'closed' ? { users: own.users } : { rate_per_s: own.rate_per_s }) : load),
      monthlyCost: () => cost.total_usd_per_month,
    });
    const model = buildReport({
      scenario: s,
      file: args.file,
      generated_at: args.generated_at,
      target_load: target,
      target_basis: basis,
      target: t,
      sweep: sweep.map((l) => byKey.get(loadKey(l))!),
      claims,
      cost,
      lint,
      configs,
      run: { duration_s: args.duration_s, seed },
      generator: 'capsim 0.1.0 (app)',
    });
    const name = `${(s.name || 'scenario').replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'scenario'}-report`;
    return { html: renderReportHtml(model), name, summary: model.answer.sentences[0] ?? '', claims: claims.length, loads: byKey.size };
  },
  providers() {
    return catalogs.map((c) => ({ provider: c.provider, retrieved: c.retrieved, source: c.source }));
  },
  size(args, id) {
    // The search reports coarse steps; every simulation it runs also reports, so a long check never looks hung.
    let share = 0;
    let note = 'pricing the candidates';
    const say = (payload: Omit<UiProgress, 'share' | 'label'>) => post({ kind: 'progress', requestId: id, payload: { share, label: note, ...payload } });
    return sizeDeployment(args.profile, args.target, {
      slo: args.slo,
      provider: args.provider,
      catalogs,
      headroom: args.headroom,
      duration_s: args.duration_s,
      simulate: (s, o) => runWebStack(s, { ...o, clock, onProgress: (p) => say({ events: p.events, simulated_s: p.simulated_s, partial: p.partial }) }),
      onProgress: (sh, n) => {
        share = sh;
        note = n;
        say({ events: 0, simulated_s: 0 });
      },
    });
  },
};

function toWorkerError(e: unknown): WorkerError {
  if (e instanceof ScenarioError) {
    const unstable = e.issues.some((i) => /unstable/.test(i.message));
    return { code: unstable ? 'unstable' : 'invalid_scenario', message: e.message, issues: e.issues };
  }
  if (e && typeof e === 'object' && 'code' in e && 'message' in e && typeof e.message === 'string') {
    const code = e.code;
    if (code === 'invalid_scenario' || code === 'unstable' || code === 'cancelled' || code === 'crashed' || code === 'internal') return { code, message: e.message };
  }
  return { code: 'internal', message: e instanceof Error ? e.message : String(e) };
}

/** Runs one request with its own argument type (the handler map is indexed by the request's name). */
function handle<K extends RequestName>(name: K, args: ArgsOf<K>, id: number): ResultOf<K> {
  const handler: (args: ArgsOf<K>, id: number) => ResultOf<K> = handlers[name];
  return handler(args, id);
}

const cancelled = new Set<number>();

self.onmessage = (ev: MessageEvent<ToUiWorker>) => {
  const msg = ev.data;
  if (msg.kind === 'cancel') {
    cancelled.add(msg.requestId);
    return;
  }
  if (cancelled.delete(msg.requestId)) {
    post({ kind: 'response', requestId: msg.requestId, ok: false, error: { code: 'cancelled', message: 'cancelled' } });
    return;
  }
  try {
    const result = handle(msg.name, msg.args, msg.requestId);
    post({ kind: 'response', requestId: msg.requestId, ok: true, result });
  } catch (e) {
    post({ kind: 'response', requestId: msg.requestId, ok: false, error: toWorkerError(e) });
  }
};

post({ kind: 'ready' });
