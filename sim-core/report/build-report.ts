// Builds the sizing report's model from what the caller simulated and priced: the question, the answer in a few
// sentences, the deployment, the load curve with the SLO line, saturation at the target, the cost with its
// sources, the claims, every assumption and lint finding, and the configs appendix. Pure: no I/O, no clock.

import { costPerMillionRequests } from '../cost/cost-per-million';
import { headroomCost } from '../cost/headroom-cost';
import type { Verdict } from '../web-stack/claims/claim-verdict';
import type { WebStackResult } from '../web-stack/runtime/web-stack-result';
import { deploymentComponents, deploymentHosts } from './deployment';
import { count, num, pct, usd } from './format';
import type { ReportInput } from './report-input';
import type { CurvePoint, LoadUnit, ReportAppendix, ReportModel, SaturationRow } from './report-model';
import { resourceLabel } from './resource-label';
import { loadValue } from './sweep-loads';

/** Files of an export that are not configuration (the scenario itself is already the report's subject). */
const APPENDIX_SKIP = new Set(['scenario.yaml']);

function loadOf(r: WebStackResult): number {
  return r.load.users ?? r.load.rate_per_s ?? 0;
}

function curvePoint(r: WebStackResult, target: number): CurvePoint {
  return {
    load: loadOf(r),
    throughput_rps: r.throughput_rps,
    p50_ms: r.latency_ms.p50,
    p95_ms: r.latency_ms.p95,
    p99_ms: r.latency_ms.p99,
    user_error_rate: r.user_error_rate,
    slo_met: r.slo.met,
    bottleneck: r.bottleneck.resource,
    bottleneck_utilization: r.bottleneck.utilization,
    is_target: loadOf(r) === target,
  };
}

function appendix(configs: ReportInput['configs']): ReportAppendix {
  if (configs === undefined) return { files: [], warnings: [], note: 'No configuration export was attached to this report.' };
  if (typeof configs === 'string') return { files: [], warnings: [], note: configs };
  const names = Object.keys(configs.files);
  const skipped = names.filter((n) => APPENDIX_SKIP.has(n));
  return {
    target: configs.target,
    files: names.filter((n) => !APPENDIX_SKIP.has(n)).map((name) => ({ name, text: configs.files[name] })),
    warnings: configs.warnings,
    note: skipped.length ? `Not reprinted: ${skipped.join(', ')} (the scenario this report is about; capsim export writes it beside the configs).` : undefined,
  };
}

export function buildReport(input: ReportInput): ReportModel {
  const s = input.scenario;
  const t = input.target;
  const unit: LoadUnit = t.load.users !== undefined ? 'users' : 'req/s';
  const targetLoad = loadOf(t);
  const loadText = unit === 'users' ? `${count(targetLoad)} concurrent users` : `${num(targetLoad)} requests per second`;
  const slo = { p95_ms: s.slo.p95_ms, max_error_rate: s.slo.max_error_rate };

  // The load curve: the sweep plus the target point, one point per load, by load.
  const byLoad = new Map<number, WebStackResult>();
  for (const r of input.sweep) byLoad.set(loadOf(r), r);
  byLoad.set(targetLoad, t);
  const points = [...byLoad.values()].sort((a, b) => loadOf(a) - loadOf(b)).map((r) => curvePoint(r, targetLoad));

  const binding = t.bottleneck.resource;
  const saturation: SaturationRow[] = Object.entries(t.utilization)
    .filter(([, u]) => Number.isFinite(u))
    .map(([resource, u]) => ({ resource, label: resourceLabel(resource), utilization: u, binding: resource === binding }))
    .sort((a, b) => b.utilization - a.utilization || a.resource.localeCompare(b.resource));

  const cost = input.cost;
  const itemsSum = cost.items.reduce((sum, i) => sum + i.usd_per_month, 0);
  const perMillion = costPerMillionRequests(cost, t.throughput_rps);
  const headroom = headroomCost(cost, t.bottleneck.utilization);

  const cap = input.capacity;
  const capacity = {
    max_load: cap.max_load,
    unit,
    lo: cap.confidence.lo,
    hi: cap.confidence.hi,
    binding_resource: cap.binding_resource,
    method: cap.method,
    note: cap.confidence.note,
    headroom_factor: targetLoad > 0 ? cap.max_load / targetLoad : 0,
  };

  const counts: Record<Verdict, number> = { holds: 0, does_not_hold: 0, partly: 0, cannot_judge: 0 };
  for (const c of input.claims) counts[c.verdict]++;

  const capText = unit === 'users' ? `${count(capacity.max_load)} users` : `${num(capacity.max_load)} req/s`;
  const sentences = [
    t.slo.met
      ? `At ${loadText} the deployment meets the SLO: p95 ${num(t.latency_ms.p95)} ms (target ≤ ${num(slo.p95_ms)} ms), ${pct(t.user_error_rate, 2)} of requests failed (target ≤ ${pct(slo.max_error_rate, 2)}).`
      : `At ${loadText} the deployment does NOT meet the SLO: p95 ${num(t.latency_ms.p95)} ms (target ≤ ${num(slo.p95_ms)} ms), ${pct(t.user_error_rate, 2)} of requests failed (target ≤ ${pct(slo.max_error_rate, 2)}).`,
    `It serves ${num(t.throughput_rps)} req/s; the busiest resource is ${resourceLabel(binding)} at ${pct(t.bottleneck.utilization)}.`,
    `Most load within the SLO: about ${capText} (${capacity.method}; ${capacity.headroom_factor >= 1 ? `${num(capacity.headroom_factor)}× the target` : `${pct(capacity.headroom_factor, 0)} of the target`}).`,
    `It costs ${usd(cost.total_usd_per_month)} per month (${usd(perMillion)} per million requests); ${usd(headroom.headroom_usd_per_month)} of that buys capacity unused at this load.`,
  ];

  const date = input.generated_at.slice(0, 10);
  const warnings = [...new Set([...t.warnings, ...input.sweep.flatMap((r) => r.warnings)])];
  return {
    title: `Sizing report — ${s.name}`,
    scenario: { name: s.name, description: s.description, file: input.file, document: s.source?.document, tier: s.source?.tier, group: s.source?.group },
    generated_at: input.generated_at,
    date,
    generator: input.generator ?? 'capsim',
    question: {
      load_text: loadText,
      load: targetLoad,
      unit,
      basis: input.target_basis,
      slo,
      text: `What does "${s.name}" need to serve ${loadText} with p95 ≤ ${num(slo.p95_ms)} ms and at most ${pct(slo.max_error_rate, 2)} errors, and what does it cost per month?`,
    },
    answer: {
      meets_slo: t.slo.met,
      p95_ms: t.latency_ms.p95,
      p99_ms: t.latency_ms.p99,
      user_error_rate: t.user_error_rate,
      throughput_rps: t.throughput_rps,
      binding: { resource: binding, utilization: t.bottleneck.utilization },
      monthly_usd: cost.total_usd_per_month,
      usd_per_million_requests: perMillion,
      capacity,
      sentences,
    },
    deployment: { hosts: deploymentHosts(s, cost), components: deploymentComponents(s) },
    curve: { unit, points, slo_p95_ms: slo.p95_ms, target_load: targetLoad },
    saturation,
    cost: {
      rows: cost.items.map((i) => ({ item: i.item, kind: i.kind, quantity: i.quantity, unit: i.unit, unit_usd: i.unit_usd, usd_per_month: i.usd_per_month, source: i.source, note: i.note })),
      items_sum_usd: itemsSum,
      total_usd_per_month: cost.total_usd_per_month,
      capacity_usd_per_month: cost.capacity_usd_per_month,
      usage_usd_per_month: cost.usage_usd_per_month,
      usd_per_million_requests: perMillion,
      throughput_rps: t.throughput_rps,
      headroom,
      basis: cost.usage.basis ?? 'simulated traffic at the target load',
      catalogs: cost.catalogs,
      assumptions: cost.assumptions,
      warnings: cost.warnings,
    },
    claims: { rows: input.claims, counts },
    assumptions: s.assumptions,
    lint: input.lint,
    appendix: appendix(input.configs),
    method: { duration_s: input.run.duration_s, seed: input.run.seed, points: points.length, warmup_rule: t.warmup.rule, warnings },
  };
}

