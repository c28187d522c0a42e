// capsim cost: the monthly cost of a web-stack scenario from the pricing catalogs in scenarios/pricing/, as a
// table of line items or, with --json, as the CostBreakdown. Traffic-priced items (transfer, CDN, load-balancer
// capacity) use the one monthly-traffic rule: the offered peak rate for the hours a day the peak lasts.

import { cost, costPerMillionRequests, type CostBreakdown } from '../../sim-core/index';
import { cliContext } from '../catalogs';
import { EXIT_OK } from '../exit-codes';
import { num, table } from '../format-table';
import { inFile } from '../in-file';
import { loadWebStack } from '../load-scenario';

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
  const scenario = loadWebStack(file, 'to price (queueing models have no hosts)');
  const breakdown = inFile(file, () => cost({ scenario }, cliContext()))!;
  const rps = breakdown.usage.throughput_rps;
  const perMillion = rps !== undefined && rps > 0 ? costPerMillionRequests(breakdown, rps) : undefined;
  if (opts.json) console.log(JSON.stringify({ ...breakdown, usd_per_million_requests: perMillion ?? null }, null, 2));
  else console.log(formatBreakdown(file, breakdown, perMillion));
  return EXIT_OK;
}
