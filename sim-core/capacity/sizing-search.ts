// Sizing search: the cheapest deployment of a profile that serves a target load within an SLO with headroom.
// 1. The target becomes a load: concurrent users (closed, the profile's think time), daily users turned into
//    peak concurrency by the profile's daily curve (or the stated defaults), or requests per second (open).
//    The deployment must meet the SLO at target × (1 + headroom).
// 2. Candidates (sizing-candidates.ts): app instance type × app hosts (1..8) × workers per instance, database
//    host or managed plan (max_connections from the pools, shared_buffers 25 % of RAM), Redis host or plan.
//    Each is priced with monthlyCost and the list is sorted by cost.
// 3. In cost order, each candidate is checked analytically: the throughput bound (cheap), the lint (no errors),
//    then the preview's p95 estimate at the checked load. The first candidates that pass are simulated at the
//    checked load until one passes (judge.ts; an uncertain point is rerun 3× longer, then counted as failed).
//    The walk goes on past the recommendation only as far as the next tier up (the cheapest candidate passing
//    analytically with ≥ 10 % more analytic capacity); candidates costing more are never needed.
// 4. The recommendation is simulated at the target itself to say what binds next.

import type { CostBreakdown } from '../cost/cost-breakdown';
import { monthlyTraffic } from '../cost/monthly-traffic';
import { monthlyCost } from '../cost/monthly-cost';
import type { PricingCatalog } from '../cost/pricing-schema';
import { lintScenario } from '../web-stack/lint';
import { PreviewModel } from '../web-stack/preview';
import { dailyPeakUsers } from '../web-stack/derived/daily-peak-users';
import { runWebStack } from '../web-stack/runtime/run-web-stack';
import type { WebStackScenario } from '../web-stack/schema';
import type { WebStackResult } from '../web-stack/runtime/web-stack-result';
import { judgePoint, type PointJudgement, type SloBound } from './judge';
import {
  buildCandidate,
  computeOptions,
  managedCacheOptions,
  managedDatabaseOptions,
  workerChoices,
  type BuiltCandidate,
  type CandidateSpec,
  type HostOption,
} from './sizing-candidates';

export interface SizingTarget {
  users?: number;
  daily_users?: number;
  rps?: number;
}

export interface SizingOptions {
  slo: SloBound;
  provider: string;
  catalogs: PricingCatalog[];
  /** e.g. 0.3: the recommendation must still meet the SLO at target × 1.3. */
  headroom: number;
  /** The simulator of the checks at target × (1 + headroom) (default runWebStack). */
  simulate?: (s: WebStackScenario, opts: { duration_s: number; seed: number }) => WebStackResult;
  /** The run of the recommendation at the target, as any view runs the saved scenario (default runWebStack with its own run block). */
  confirm?: (s: WebStackScenario) => WebStackResult;
  seed?: number;
  /** Simulated seconds per check (default 60; rerun 3× longer when uncertain). */
  duration_s?: number;
  /** Most candidates simulated before giving up (default 8). */
  max_simulated?: number;
  /** Largest number of app hosts tried (default 8). */
  max_app_hosts?: number;
  onProgress?: (share: number, note: string) => void;
}

export type CandidateStage = 'config' | 'capacity' | 'lint' | 'analytic' | 'simulated';

export interface CandidateOutcome {
  description: string;
  usd_per_month: number;
  /** Analytic capacity bound (req/s) and what sets it; absent when not configurable. */
  max_throughput_rps?: number;
  limited_by?: string;
  passed: boolean;
  /** Where the verdict was reached. */
  stage: CandidateStage;
  reason: string;
  p95_estimate_ms?: number;
  simulated?: PointJudgement & { duration_s: number };
}

export interface SizingResult {
  provider: string;
  profile: string;
  target: { users?: number; daily_users?: number; rps?: number; concurrent_users?: number; note: string };
  /** The load every candidate must serve: target × (1 + headroom). */
  checked_load: { users?: number; rate_per_s?: number };
  headroom: number;
  slo: SloBound;
  recommended?: {
    description: string;
    scenario: WebStackScenario;
    cost: CostBreakdown;
    analytic: { p95_estimate_ms: number; max_throughput_rps: number; limited_by: string };
    at_headroom: PointJudgement & { duration_s: number; bottleneck: { resource: string; utilization: number }; throughput_rps: number };
    at_target: { p95_ms: number; user_error_rate: number; throughput_rps: number; bottleneck: { resource: string; utilization: number }; utilization: Record<string, number> };
  };
  explanation: {
    binds_next?: { resource: string; utilization: number; at: string };
    next_tier?: { description: string; usd_per_month: number; extra_usd_per_month: number; max_throughput_rps: number; limited_by: string };
    cheaper_failed: { description: string; usd_per_month: number; reason: string }[];
    lines: string[];
  };
  search: { candidates: number; checked: number; config_rejected: number; capacity_rejected: number; lint_rejected: number; analytic_rejected: number; simulated: number; note: string };
  assumptions: string[];
}

const DEFAULTS = { sessions_per_user: 1, session_minutes: 10, peak_factor: 3 };

function usd(x: number): string {
  return `$${x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** Target → the load of the recommended scenario and the load checked with headroom. */
function resolveTarget(profile: WebStackScenario, t: SizingTarget, headroom: number, assumptions: string[]) {
  const given = [t.users, t.daily_users, t.rps].filter((x) => x !== undefined).length;
  if (given !== 1) throw new RangeError('sizeDeployment: expected exactly one of users, daily_users or rps');
  const l = profile.workload.load;
  if (t.rps !== undefined) {
    if (!(t.rps > 0)) throw new RangeError(`sizeDeployment: rps must be > 0, got ${t.rps}`);
    const clients = l.type === 'open' ? l.clients : 1000;
    const burst = l.type === 'open' ? l.burst : undefined;
    const load: WebStackScenario['workload']['load'] = { type: 'open', rate_per_s: t.rps, clients, ...(burst && { burst }) };
    const checked: WebStackScenario['workload']['load'] = { ...load, rate_per_s: t.rps * (1 + headroom) };
    return { load, checked, checkedLoad: { rate_per_s: t.rps * (1 + headroom) }, target: { rps: t.rps, note: `${t.rps} req/s offered (open, ${burst ? 'bursty' : 'Poisson'} arrivals)` } };
  }
  if (l.type === 'open') throw new RangeError('sizeDeployment: the profile has an open workload (no think time): give the target as rps');
  const think = l.think_ms;
  if (t.users !== undefined) {
    if (!(Number.isInteger(t.users) && t.users >= 1)) throw new RangeError(`sizeDeployment: users must be a whole number ≥ 1, got ${t.users}`);
    const users = Math.ceil(t.users * (1 + headroom));
    return {
      load: { type: 'closed' as const, users: t.users, think_ms: think },
      checked: { type: 'closed' as const, users, think_ms: think },
      checkedLoad: { users },
      target: { users: t.users, concurrent_users: t.users, note: `${t.users.toLocaleString('en-US')} concurrent users (the profile's think time)` },
    };
  }
  const dau = t.daily_users!;
  if (!(Number.isInteger(dau) && dau >= 1)) throw new RangeError(`sizeDeployment: daily_users must be a whole number ≥ 1, got ${dau}`);
  const curve = l.type === 'daily' ? { sessions_per_user: l.sessions_per_user, session_minutes: l.session_minutes, peak_factor: l.peak_factor } : DEFAULTS;
  const concurrent = dailyPeakUsers({ daily_active_users: dau, ...curve });
  const how = `${dau.toLocaleString('en-US')} daily users × ${curve.sessions_per_user} session × ${curve.session_minutes} min / 1,440 min × peak factor ${curve.peak_factor} = ${concurrent.toLocaleString('en-US')} concurrent users at the peak`;
  assumptions.push(
    l.type === 'daily'
      ? `daily users → concurrency by the profile's daily curve: ${how}`
      : `daily users → concurrency by the stated defaults (sessions_per_user 1, session_minutes 10, peak_factor 3; the profile has no daily curve): ${how}`,
  );
  const users = Math.ceil(concurrent * (1 + headroom));
  return {
    load: { type: 'daily' as const, daily_active_users: dau, ...curve, think_ms: think },
    checked: { type: 'closed' as const, users, think_ms: think },
    checkedLoad: { users },
    target: { daily_users: dau, concurrent_users: concurrent, note: how },
  };
}

function meanOf(d: unknown): number {
  const m = (d as { mean?: number } | undefined)?.mean;
  return typeof m === 'number' && Number.isFinite(m) ? m : 0;
}

export function sizeDeployment(profile: WebStackScenario, target: SizingTarget, opts: SizingOptions): SizingResult {
  const { slo, provider, headroom } = opts;
  if (!(headroom >= 0)) throw new RangeError(`sizeDeployment: headroom must be ≥ 0, got ${headroom}`);
  const catalog = opts.catalogs.find((c) => c.provider === provider);
  if (!catalog) throw new RangeError(`sizeDeployment: expected a provider among the catalogs (${opts.catalogs.map((c) => c.provider).join(', ')}), got "${provider}"`);
  const progress = opts.onProgress ?? (() => {});
  const seed = opts.seed ?? profile.run.seed;
  const duration = opts.duration_s ?? 60;
  const maxSim = opts.max_simulated ?? 8;
  const simulate = opts.simulate ?? ((s: WebStackScenario, o: { duration_s: number; seed: number }) => runWebStack(s, { seed: o.seed, duration_s: o.duration_s }));
  const assumptions: string[] = [];
  const tgt = resolveTarget(profile, target, headroom, assumptions);
  const workload = { ...profile.workload, load: tgt.load };
  const checkedWorkload = { ...profile.workload, load: tgt.checked };
  const sloBlock = { p95_ms: slo.p95_ms, max_error_rate: slo.max_error_rate };

  const thinkMs = tgt.load.type === 'open' ? 0 : meanOf((tgt.load as { think_ms: unknown }).think_ms);
  // Throughput needed at the checked load for its mean response to stay within the SLO (a necessary condition).
  const neededRps = tgt.checkedLoad.rate_per_s ?? ((tgt.checkedLoad.users ?? 0) * 1000) / (thinkMs + slo.p95_ms);

  // Tier options.
  const appOptions = computeOptions(catalog, false);
  const dbOptions: (HostOption | undefined)[] = profile.database
    ? [...managedDatabaseOptions(catalog, profile.database.engine), ...computeOptions(catalog, true)]
    : [undefined];
  let redisOptions: (HostOption | undefined)[] = [undefined];
  if (profile.redis) {
    const pr = profile.redis;
    const wantMb = pr.maxmemory ?? (pr.cache_working_set !== undefined ? pr.cache_working_set * 1.5 : 256);
    const fits = (o: HostOption) => o.ram_gb * 1024 * 0.9 - (o.managed ? Math.min(1024, o.ram_gb * 256) : 1024) >= wantMb * pr.shards;
    const managed = managedCacheOptions(catalog).filter(fits)[0];
    const compute = computeOptions(catalog, false).filter(fits)[0];
    redisOptions = [managed, compute].filter((o): o is HostOption => o !== undefined);
    if (redisOptions.length === 0) throw new RangeError(`sizeDeployment: no ${provider} host or plan holds Redis maxmemory ${wantMb} MB`);
    assumptions.push(`Redis: one command thread per shard, so only the cheapest host and the cheapest managed plan holding maxmemory ${Math.round(wantMb)} MB × ${pr.shards} shard(s) are tried`);
  }
  assumptions.push(
    'candidates: one app instance per app host (nginx and Celery, when the profile has them, on web-1; nginx balances the instances), the database and Redis on hosts or managed plans of their own; read replicas are not used',
    'PostgreSQL settings per database host: shared_buffers 25 % of RAM, effective_cache_size 75 % (PGTune), max_connections = app connections × 1.1 + 5 + superuser_reserved (capped by the provider\'s managed-plan limit: DigitalOcean 25 per GB, RDS RAM/9,531,392 B, else by RAM), work_mem ≤ (RAM − shared_buffers)/(3 × max_connections)',
    'managed plans keep min(1 GB, 25 % of RAM) for themselves',
    'the CPU of shared and dedicated vCPUs is modelled alike (cpu_speed 1)',
    `instance types dominated by a cheaper one with at least the vCPUs and RAM are skipped; ${appOptions.length} app types tried (${appOptions.map((o) => o.type).join(', ')})`,
  );
  const maxHosts = opts.max_app_hosts ?? 8;
  const specs: CandidateSpec[] = [];
  for (const app of appOptions)
    for (let n = 1; n <= maxHosts; n++)
      for (const w of workerChoices(profile.app.worker_class, app.vcpus))
        for (const db of dbOptions) for (const redis of redisOptions) specs.push({ app, app_hosts: n, workers: w, ...(db && { db }), ...(redis && { redis }) });
  progress(0.02, `${specs.length} candidates: pricing`);

  const name = `Recommended for ${tgt.target.note.split(' (')[0]} (${provider})`;
  type Priced = { built: BuiltCandidate; cost?: CostBreakdown; usd: number };
  const priced: Priced[] = specs.map((spec) => {
    const built = buildCandidate(profile, spec, provider, checkedWorkload, sloBlock, name);
    if (!built.scenario) return { built, usd: spec.app.usd * spec.app_hosts + (spec.db?.usd ?? 0) + (spec.redis?.usd ?? 0) };
    // Priced as it will be saved: at the target load, traffic by the one monthly-traffic rule.
    const cost = monthlyCost({ ...built.scenario, workload }, opts.catalogs, monthlyTraffic({ ...built.scenario, workload }));
    return { built, cost, usd: cost.total_usd_per_month };
  });
  priced.sort((a, b) => a.usd - b.usd || a.built.spec.app_hosts - b.built.spec.app_hosts || a.built.spec.workers - b.built.spec.workers);

  const counts = { config_rejected: 0, capacity_rejected: 0, lint_rejected: 0, analytic_rejected: 0, simulated: 0 };
  const outcomes: CandidateOutcome[] = [];
  let recommended: { p: Priced; outcome: CandidateOutcome; run: WebStackResult; judged: PointJudgement & { duration_s: number }; p95: number; xmax: number; limited: string } | undefined;
  let nextTier: SizingResult['explanation']['next_tier'];
  let checked = 0;
  let simulatedFailures = 0;
  for (const p of priced) {
    checked++;
    const desc = p.built.description;
    if (!p.built.scenario) {
      counts.config_rejected++;
      outcomes.push({ description: desc, usd_per_month: p.usd, passed: false, stage: 'config', reason: p.built.invalid ?? 'not configurable' });
      continue;
    }
    const s = p.built.scenario;
    const model = new PreviewModel(s);
    const xmax = model.bounds.xMax * 1000;
    const limited = model.bounds.limitedBy;
    if (xmax < neededRps) {
      counts.capacity_rejected++;
      outcomes.push({ description: desc, usd_per_month: p.usd, max_throughput_rps: xmax, limited_by: limited, passed: false, stage: 'capacity', reason: `analytic capacity ${xmax.toFixed(0)} req/s (${limited}) < ${neededRps.toFixed(0)} req/s needed at the checked load` });
      continue;
    }
    const errors = lintScenario(s).filter((f) => f.severity === 'error');
    if (errors.length) {
      counts.lint_rejected++;
      outcomes.push({ description: desc, usd_per_month: p.usd, max_throughput_rps: xmax, limited_by: limited, passed: false, stage: 'lint', reason: `lint ${errors[0].id}: ${errors[0].message}` });
      continue;
    }
    const pv = model.solve(tgt.checkedLoad);
    const p95 = pv.p95_response_ms_estimate;
    if (pv.saturated && tgt.checkedLoad.rate_per_s !== undefined) {
      counts.analytic_rejected++;
      outcomes.push({ description: desc, usd_per_month: p.usd, max_throughput_rps: xmax, limited_by: limited, passed: false, stage: 'analytic', reason: `saturated at the checked load (${pv.bottleneck.resource} ${(pv.bottleneck.utilization * 100).toFixed(0)} %)`, p95_estimate_ms: p95 });
      continue;
    }
    if (!(p95 <= slo.p95_ms)) {
      counts.analytic_rejected++;
      outcomes.push({ description: desc, usd_per_month: p.usd, max_throughput_rps: xmax, limited_by: limited, passed: false, stage: 'analytic', reason: `analytic p95 ≈ ${p95.toFixed(0)} ms > ${slo.p95_ms} ms (${pv.bottleneck.resource} at ${(pv.bottleneck.utilization * 100).toFixed(0)} %)`, p95_estimate_ms: p95 });
      continue;
    }
    if (recommended) {
      // Past the recommendation: the next tier up is the cheapest analytic pass with ≥ 10 % more capacity.
      if (p.usd > recommended.p.usd + 0.005 && xmax >= 1.1 * recommended.xmax) {
        nextTier = { description: desc, usd_per_month: p.usd, extra_usd_per_month: Math.round((p.usd - recommended.p.usd) * 100) / 100, max_throughput_rps: xmax, limited_by: limited };
        break;
      }
      continue;
    }
    if (counts.simulated >= maxSim) {
      outcomes.push({ description: desc, usd_per_month: p.usd, max_throughput_rps: xmax, limited_by: limited, passed: false, stage: 'analytic', reason: `passes analytically (p95 ≈ ${p95.toFixed(0)} ms) but not simulated: ${maxSim} simulations spent`, p95_estimate_ms: p95 });
      break;
    }
    // Simulate at the checked load.
    counts.simulated++;
    progress(Math.min(0.9, 0.1 + 0.12 * counts.simulated), `simulating ${usd(p.usd)}/month: ${desc}`);
    let d = duration;
    let run = simulate(s, { duration_s: d, seed });
    let j = judgePoint(run, slo);
    if (j.verdict === 'uncertain') {
      d = 3 * duration;
      progress(Math.min(0.9, 0.1 + 0.12 * counts.simulated), `uncertain (${j.reason}): rerunning for ${d} s`);
      run = simulate(s, { duration_s: d, seed: seed + 1 });
      j = judgePoint(run, slo);
    }
    const judged = { ...j, duration_s: d };
    const outcome: CandidateOutcome = { description: desc, usd_per_month: p.usd, max_throughput_rps: xmax, limited_by: limited, passed: j.verdict === 'met', stage: 'simulated', reason: j.verdict === 'met' ? `simulated: ${j.reason}` : `simulated: ${j.verdict === 'uncertain' ? 'still uncertain after a 3× longer run, counted as failed: ' : ''}${j.reason} (${run.bottleneck.resource} at ${(run.bottleneck.utilization * 100).toFixed(0)} %)`, p95_estimate_ms: p95, simulated: judged };
    outcomes.push(outcome);
    if (outcome.passed) recommended = { p, outcome, run, judged, p95, xmax, limited };
    else simulatedFailures++;
  }

  const lines: string[] = [];
  let result: SizingResult['recommended'];
  let bindsNext: SizingResult['explanation']['binds_next'];
  if (recommended) {
    progress(0.92, 'simulating the recommendation at the target load');
    const rec = recommended;
    const atTargetScenario: WebStackScenario = {
      ...rec.p.built.scenario!,
      workload,
      description: `Sized by capsim size for ${tgt.target.note}: ${rec.p.built.description}. Profile: ${profile.name}.`,
      assumptions: [...profile.assumptions, ...assumptionRecords(assumptions, headroom, slo, provider, tgt.target.note)],
    };
    const tRun = (opts.confirm ?? ((sc: WebStackScenario) => runWebStack(sc)))(atTargetScenario);
    bindsNext = { resource: tRun.bottleneck.resource, utilization: tRun.bottleneck.utilization, at: 'the target load (simulated)' };
    result = {
      description: rec.p.built.description,
      scenario: atTargetScenario,
      cost: rec.p.cost!,
      analytic: { p95_estimate_ms: rec.p95, max_throughput_rps: rec.xmax, limited_by: rec.limited },
      at_headroom: { ...rec.judged, bottleneck: rec.run.bottleneck, throughput_rps: rec.run.throughput_rps },
      at_target: { p95_ms: tRun.latency_ms.p95, user_error_rate: tRun.user_error_rate, throughput_rps: tRun.throughput_rps, bottleneck: tRun.bottleneck, utilization: tRun.utilization },
    };
    lines.push(`cheapest deployment passing at ${loadText(tgt.checkedLoad)} (target × ${1 + headroom}): ${rec.p.built.description} — ${usd(rec.p.usd)}/month`);
    lines.push(`simulated at ${loadText(tgt.checkedLoad)}: ${rec.judged.reason}; at the target: p95 ${tRun.latency_ms.p95.toFixed(0)} ms`);
    lines.push(`binds next: ${tRun.bottleneck.resource} at ${(tRun.bottleneck.utilization * 100).toFixed(0)} % at the target (analytic capacity ${rec.xmax.toFixed(0)} req/s, limited by ${rec.limited})`);
    if (nextTier) lines.push(`next tier up: ${nextTier.description} — ${usd(nextTier.usd_per_month)}/month (+${usd(nextTier.extra_usd_per_month)}), analytic capacity ${nextTier.max_throughput_rps.toFixed(0)} req/s (${nextTier.limited_by})`);
    else lines.push('next tier up: none found among the candidates (the largest deployment tried)');
  } else {
    lines.push(`no candidate met the SLO at ${loadText(tgt.checkedLoad)}: ${simulatedFailures} simulated and failed; ${counts.analytic_rejected + counts.capacity_rejected} failed analytically`);
  }
  const cheaper = recommended ? outcomes.filter((o) => !o.passed && o.usd_per_month <= recommended!.p.usd) : outcomes.filter((o) => !o.passed);
  // The nearest few by cost, one per stage first (simulated, analytic, lint, capacity, config), then the next nearest.
  const nearest: SizingResult['explanation']['cheaper_failed'] = [];
  const picked = new Set<CandidateOutcome>();
  for (const stage of ['simulated', 'analytic', 'lint', 'capacity', 'config'] as const) {
    for (let i = cheaper.length - 1; i >= 0; i--) {
      if (cheaper[i].stage === stage) {
        picked.add(cheaper[i]);
        break;
      }
    }
  }
  // Fill with the next nearest, one per app tier shape (type × count), whatever the workers.
  const shape = (o: CandidateOutcome) => o.description.split(',')[0] + o.description.slice(o.description.indexOf(';'));
  const shapes = new Set([...picked].map(shape));
  for (let i = cheaper.length - 1; i >= 0 && picked.size < 5; i--) {
    if (shapes.has(shape(cheaper[i]))) continue;
    shapes.add(shape(cheaper[i]));
    picked.add(cheaper[i]);
  }
  for (const o of [...picked].sort((a, b) => b.usd_per_month - a.usd_per_month).slice(0, 6)) nearest.push({ description: o.description, usd_per_month: o.usd_per_month, reason: o.reason });
  if (nearest.length) lines.push(`cheaper candidates that failed (nearest first):`, ...nearest.map((n) => `  ${usd(n.usd_per_month)}: ${n.description} — ${n.reason}`));

  progress(1, recommended ? `recommended ${usd(recommended.p.usd)}/month` : 'no deployment found');
  return {
    provider,
    profile: profile.name,
    target: { ...target, ...(tgt.target.concurrent_users !== undefined && { concurrent_users: tgt.target.concurrent_users }), note: tgt.target.note },
    checked_load: tgt.checkedLoad,
    headroom,
    slo,
    ...(result && { recommended: result }),
    explanation: { ...(bindsNext && { binds_next: bindsNext }), ...(nextTier && { next_tier: nextTier }), cheaper_failed: nearest, lines },
    search: {
      candidates: specs.length,
      checked,
      ...counts,
      note: `candidates sorted by monthly cost and checked in that order (capacity bound, lint, analytic p95, then simulation); the ${specs.length - checked} costing more than the next tier up were not needed`,
    },
    assumptions,
  };
}

function loadText(l: { users?: number; rate_per_s?: number }): string {
  return l.users !== undefined ? `${l.users.toLocaleString('en-US')} users` : `${+(l.rate_per_s ?? 0).toFixed(2)} req/s`;
}

function assumptionRecords(lines: string[], headroom: number, slo: SloBound, provider: string, target: string): WebStackScenario['assumptions'] {
  return [
    { about: 'sizing target', value: target, source: 'capsim size', reason: `The deployment was chosen to meet p95 ≤ ${slo.p95_ms} ms and errors ≤ ${slo.max_error_rate * 100} % at the target × ${1 + headroom} (headroom ${headroom * 100} %), on ${provider} list prices.` },
    ...lines.map((l, i) => ({ about: `sizing rule ${i + 1}`, value: l, source: 'capsim size (assumption)' })),
  ];
}
