// Why two compared scenarios show the same numbers. Identical results are often real: tiers that differ only in
// capacity nobody is waiting for (more app containers on the same host, more Celery workers) simulate event for
// event the same as long as that capacity is idle. This names what they share (hardware, cost, the binding
// resource) and what differs, so the table does not look like a display error.

import type { WebStackScenario } from '../../../sim-core/index';
import type { WebStackResult } from '../../../sim-core/index';
import { hostsLine } from '../scenarios/scenario-facts';
import { pathString, type PathKey } from '../scenarios/paths';
import { int, pct, usdMonth } from '../charts/format';

export interface ExplainInput {
  name: string;
  scenario: WebStackScenario;
  result: WebStackResult;
  cost?: number;
}

/** Settings that describe the document or the run, not the deployment. */
const IGNORED = new Set(['name', 'description', 'source', 'claims', 'assumptions', 'run', 'slo', 'workload.load']);

function describe(v: unknown): string {
  if (Array.isArray(v)) return `${v.length} item${v.length === 1 ? '' : 's'}`;
  if (v && typeof v === 'object') return 'set';
  if (v === undefined) return 'none';
  return String(v);
}

/** Deployment settings that differ, as "path a → b" (arrays of different length compared by length). */
export function settingDiffs(a: unknown, b: unknown, path: PathKey = [], out: string[] = []): string[] {
  const key = pathString(path);
  if (path.length && IGNORED.has(key)) return out;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(`${key} ${a.length} → ${b.length}`);
    else a.forEach((x, i) => settingDiffs(x, b[i], [...path, i], out));
    return out;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) settingDiffs((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], [...path, k], out);
    return out;
  }
  if (a !== b) out.push(`${key} ${describe(a)} → ${describe(b)}`);
  return out;
}

const close = (x: number, y: number, rel = 1e-3) => Math.abs(x - y) <= rel * Math.max(Math.abs(x), Math.abs(y), 1e-9);

function sameNumbers(a: WebStackResult, b: WebStackResult): boolean {
  return close(a.latency_ms.p50, b.latency_ms.p50) && close(a.latency_ms.p95, b.latency_ms.p95) && close(a.latency_ms.p99, b.latency_ms.p99) && close(a.throughput_rps, b.throughput_rps) && close(a.user_error_rate, b.user_error_rate, 1e-6);
}

/** Resources of a result that belong to what differs between the tiers (app processes, Celery, …), busiest first. */
function busiestOf(r: WebStackResult, prefixes: string[]): { resource: string; utilization: number } | null {
  let best: { resource: string; utilization: number } | null = null;
  for (const [k, u] of Object.entries(r.utilization)) {
    if (!Number.isFinite(u) || !prefixes.some((p) => k.startsWith(p))) continue;
    if (!best || u > best.utilization) best = { resource: k, utilization: u };
  }
  return best;
}

/** One explanation per group of compared scenarios whose simulated numbers are the same. */
export function explainIdentical(items: ExplainInput[]): { names: string[]; text: string }[] {
  const out: { names: string[]; text: string }[] = [];
  const used = new Set<number>();
  items.forEach((a, i) => {
    if (used.has(i)) return;
    const group = [a];
    items.forEach((b, j) => {
      if (j > i && !used.has(j) && sameNumbers(a.result, b.result)) {
        group.push(b);
        used.add(j);
      }
    });
    if (group.length < 2) return;
    const [first, second] = group;
    const load = first.result.load.users !== undefined ? `${int(first.result.load.users)} users` : `${int(first.result.load.rate_per_s)} req/s`;
    const sameHosts = group.every((g) => hostsLine(g.scenario) === hostsLine(first.scenario));
    const sameCost = group.every((g) => g.cost !== undefined && first.cost !== undefined && close(g.cost, first.cost));
    const b = first.result.bottleneck;
    const sameBinding = group.every((g) => g.result.bottleneck.resource === b.resource);
    const diffs = settingDiffs(first.scenario, second.scenario).slice(0, 4);
    const areas = [...new Set(diffs.map((d) => d.split(/[.[ ]/)[0]))];
    const prefixes = areas.flatMap((a) => (a === 'app' ? ['app['] : a === 'celery' ? ['celery'] : a === 'nginx' ? ['nginx'] : a === 'pgbouncer' ? ['pgbouncer'] : a === 'redis' ? ['redis'] : a === 'database' ? ['db', 'database'] : []));
    const idle = prefixes.length ? group.map((g) => busiestOf(g.result, prefixes)).filter((x): x is NonNullable<typeof x> => x !== null).sort((x, y) => y.utilization - x.utilization)[0] : null;
    const sameEvents = group.every((g) => g.result.events === first.result.events);
    const parts: string[] = [`${group.map((g) => g.name).join(' and ')} give the same numbers at ${load}. This is what the model says, not a display error:`];
    const shared: string[] = [];
    const costText = sameCost && first.cost !== undefined ? usdMonth(first.cost) : undefined;
    if (sameHosts) shared.push(`they run on the same hardware (${hostsLine(first.scenario)})${costText ? ` and so cost the same (${costText})` : ''}`);
    else if (costText) shared.push(`they cost the same (${costText})`);
    if (sameBinding) shared.push(`the same resource binds first (${b.resource}, ${pct(b.utilization)} busy)`);
    if (shared.length) parts.push(`${shared.join(', ')};`);
    if (diffs.length) {
      parts.push(
        `what differs (${diffs.join('; ')}) only adds capacity that is idle at this load${idle ? ` (its busiest part, ${idle.resource}, is ${pct(idle.utilization)} busy)` : ''}: no request waited for it${sameEvents ? `, so both simulations ran event for event the same (${int(first.result.events)} events)` : ''}.`,
      );
    } else parts.push('their deployment settings are the same; only the document, its load or its claims differ.');
    parts.push(`Raise the load${sameBinding ? ` until ${b.resource} or the app processes saturate` : ''} to see them diverge.`);
    out.push({ names: group.map((g) => g.name), text: parts.join(' ') });
  });
  return out;
}
