// capsim cost: the monthly cost of a web-stack scenario from the pricing catalogs in scenarios/pricing/, as a
// table of line items or, with --json, as the CostBreakdown. Traffic-priced items use the offered load of an open
// workload (closed and daily workloads have no rate until simulated: their transfer is left at 0 and said so).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { costPerMillionRequests } from '../../sim-core/cost/cost-per-million';
import type { CostBreakdown } from '../../sim-core/cost/cost-breakdown';
import { monthlyCost } from '../../sim-core/cost/monthly-cost';
import { offeredUsage } from '../../sim-core/cost/offered-usage';
import { parseCatalog } from '../../sim-core/cost/parse-catalog';
import type { PricingCatalog } from '../../sim-core/cost/pricing-schema';
import { issueLine, ScenarioError } from '../../sim-core/schema/schema-errors';
import { CliError, EXIT_OK } from '../exit-codes';
import { num, table } from '../format-table';
import { loadScenario } from '../load-scenario';

export const PRICING_DIR = fileURLToPath(new URL('../../scenarios/pricing/', import.meta.url));

/** Every *.json catalog in the folder, validated; a bad catalog is bad input naming its file and path. */
export function loadCatalogs(dir = PRICING_DIR): PricingCatalog[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  } catch {
    throw new CliError(`${dir}: cannot read the pricing catalogs folder`);
  }
  if (files.length === 0) throw new CliError(`${dir}: expected at least one pricing catalog (*.json)`);
  return files.map((f) => {
    const path = join(dir, f);
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      throw new CliError(`${path}: expected valid JSON (${(e as Error).message})`);
    }
    try {
      return parseCatalog(data);
    } catch (e) {
      if (e instanceof ScenarioError) throw new CliError(e.issues.map((i) => `${path}: ${issueLine(i)}`).join('\n'));
      throw e;
    }
  });
}

const usd = (x: number) => (Number.isFinite(x) ? x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : '–');

export function formatBreakdown(file: string, b: CostBreakdown, perMillion: number | undefined): string {
  const unitUsd = (x: number) => (x >= 1 ? usd(x) : num(x));
  const rows = b.items.map((i) => [i.item, num(i.quantity), i.unit, unitUsd(i.unit_usd), usd(i.usd_per_month)]);
  const lines = [
    `${file}: "${b.scenario}" — monthly cost`,
    '',
    table(['item', 'quantity', 'unit', 'unit USD', 'USD/month'], rows),
    '',
    `capacity ${usd(b.capacity_usd_per_month)} + usage ${usd(b.usage_usd_per_month)} = total ${usd(b.total_usd_per_month)} USD/month`,
  ];
  if (perMillion !== undefined) lines.push(`cost per million requests: ${usd(perMillion)} USD (at ${num(b.usage.throughput_rps ?? 0)} req/s)`);
  lines.push(`traffic: ${b.usage.basis}`);
  lines.push('', 'sources:', ...b.catalogs.map((c) => `  ${c.provider}: list prices entered ${c.retrieved}, ${c.source} (refresh before quoting)`));
  const matched = b.items.filter((i) => i.kind === 'host' && i.note?.startsWith('cheapest'));
  if (matched.length) lines.push('', 'matched hosts:', ...matched.map((i) => `  ${i.host}: ${i.note}`));
  lines.push('', 'assumptions:', ...b.assumptions.map((a) => `  - ${a}`));
  if (b.warnings.length) lines.push('', 'warnings:', ...b.warnings.map((w) => `  ! ${w}`));
  return lines.join('\n');
}

export function costCommand(file: string, opts: { json?: boolean }): number {
  const scenario = loadScenario(file);
  if (scenario.kind !== 'web-stack') {
    throw new CliError(`${file}: kind: expected a "web-stack" scenario to price, got "${scenario.kind}" (queueing models have no hosts)`);
  }
  const catalogs = loadCatalogs();
  const usage = offeredUsage(scenario) ?? { basis: `${scenario.workload.load.type} workload: no request rate until simulated; transfer and CDN not priced` };
  let breakdown: CostBreakdown;
  try {
    breakdown = monthlyCost(scenario, catalogs, usage);
  } catch (e) {
    if (e instanceof ScenarioError) throw new CliError(e.issues.map((i) => `${file}: ${issueLine(i)}`).join('\n'));
    throw e;
  }
  const perMillion = usage.throughput_rps !== undefined ? costPerMillionRequests(breakdown, usage.throughput_rps) : undefined;
  if (opts.json) console.log(JSON.stringify({ ...breakdown, usd_per_million_requests: perMillion ?? null }, null, 2));
  else console.log(formatBreakdown(file, breakdown, perMillion));
  return EXIT_OK;
}
