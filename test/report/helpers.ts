// Shared by the report tests: a report input built from real, short simulations of a scenario, and a tiny HTML
// structure check (every opened element closes, in order).

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadCatalogs } from '../../cli/catalogs';
import { analyticCapacity } from '../../sim-core/capacity/analytic-capacity';
import { monthlyCost } from '../../sim-core/cost/monthly-cost';
import { exportScenario } from '../../sim-core/export';
import { parseScenario } from '../../sim-core/scenario/parse-scenario';
import { formatFromName, parseScenarioText } from '../../sim-core/schema/scenario-text';
import type { ReportInput } from '../../sim-core/report';
import { sweepLoads } from '../../sim-core/report';
import { judgeClaims } from '../../sim-core/web-stack/claims/judge-claims';
import { lintScenario } from '../../sim-core/web-stack/lint';
import { effectiveLoad, runWebStack } from '../../sim-core/web-stack/runtime/run-web-stack';
import type { WebStackScenario } from '../../sim-core/web-stack/schema/web-stack-schema';
import type { WebStackResult } from '../../sim-core/web-stack/runtime/web-stack-result';

export const root = resolve(__dirname, '../..');

export function scenarioAt(file: string): WebStackScenario {
  const s = parseScenario(parseScenarioText(readFileSync(join(root, file), 'utf8'), formatFromName(file)));
  if (s.kind !== 'web-stack') throw new Error(`${file} is not a web-stack scenario`);
  return s;
}

/** A complete report input from short simulations (duration_s simulated seconds per load). */
export function reportInputFor(file: string, duration_s = 4): ReportInput {
  const s = scenarioAt(file);
  const own = effectiveLoad(s);
  const target = own.type === 'closed' ? { users: own.users! } : { rate_per_s: own.rate_per_s! };
  const cache = new Map<string, WebStackResult>();
  const sim = (load: { users?: number; rate_per_s?: number }) => {
    const key = JSON.stringify(load.users === undefined && load.rate_per_s === undefined ? target : load);
    let r = cache.get(key);
    if (!r) cache.set(key, (r = runWebStack(s, { ...load, duration_s, seed: 7 })));
    return r;
  };
  const t = sim(target);
  const sweep = sweepLoads(target).map(sim);
  const cost = monthlyCost(s, loadCatalogs(), { throughput_rps: t.throughput_rps, egress_bytes_per_s: t.egress_bytes_per_s, basis: 'simulated (test)' });
  return {
    scenario: s,
    file,
    generated_at: '2025-06-01T12:00:00.000Z',
    target_load: target,
    target_basis: "the scenario's own load",
    target: t,
    sweep,
    claims: judgeClaims(s, { simulate: sim, monthlyCost: () => cost.total_usd_per_month }),
    cost,
    lint: lintScenario(s),
    configs: { target: 'bare', ...exportScenario(s, { target: 'bare' }) },
    // The analytic estimate stands in for the simulated search, which these tests do not need to run.
    capacity: analyticCapacity(s, own.type === 'open'),
    run: { duration_s, seed: 7 },
    generator: 'capsim test',
  };
}

const VOID = new Set(['meta', 'br', 'hr', 'img', 'link', 'input', 'col', 'wbr', 'source', 'area', 'base', 'embed', 'param', 'track']);

/** Problems with the nesting of elements: [] when every opened element closes in order. */
export function htmlNestingProblems(html: string): string[] {
  const problems: string[] = [];
  const body = html.replace(/<!DOCTYPE[^>]*>/i, '').replace(/<style>[\s\S]*?<\/style>/g, '<style></style>');
  const stack: string[] = [];
  for (const m of body.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(\/?)>/g)) {
    const [, closing, rawName, selfClosing] = m;
    const name = rawName.toLowerCase();
    if (VOID.has(name) || selfClosing) continue;
    if (!closing) stack.push(name);
    else if (stack[stack.length - 1] === name) stack.pop();
    else {
      problems.push(`</${name}> at ${m.index} closes <${stack[stack.length - 1] ?? 'nothing'}>`);
      return problems;
    }
  }
  if (stack.length) problems.push(`unclosed: ${stack.join(' > ')}`);
  return problems;
}

/** The visible text of an HTML document (tags and styles removed, entities decoded). */
export function htmlText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}
