// Outbound transfer: GB per month = bytes/s × 2.628·10⁶ s / 10⁹, minus what the CDN serves, minus the allowances
// (every host of the provider when its allowance is pooled, else only the hosts that answer clients), minus the
// account's free GB; the rest at the provider's (tiered) price per GB.

import type { CostLineItem } from './cost-breakdown';
import { round2 } from './cost-breakdown';
import { sourceOf } from './catalog-source';
import { SECONDS_PER_MONTH, type PricingCatalog } from './pricing-schema';
import type { PricedHost } from './resolve-hosts';
import { tieredUsd } from './tiered-price';

export interface BandwidthInput {
  catalog: PricingCatalog;
  /** Bytes per second leaving the origin to clients (after the CDN's share). */
  origin_bytes_per_s: number | undefined;
  hosts: readonly PricedHost[];
  /** Names of the hosts clients' responses leave from (nginx's, else the app instances'). */
  front: ReadonlySet<string>;
}

export function includedEgressGb(input: BandwidthInput): { gb: number; unmetered: boolean; from: string[] } {
  const { catalog } = input;
  let gb = 0;
  let unmetered = false;
  const from: string[] = [];
  for (const p of input.hosts) {
    if (p.catalog.provider !== catalog.provider || p.kind !== 'compute') continue;
    if (!catalog.egress.pooled_allowance && !input.front.has(p.host.name)) continue;
    if (p.entry.unmetered_egress) unmetered = true;
    const tb = p.entry.included_egress_tb ?? 0;
    if (tb > 0) {
      gb += tb * 1000;
      from.push(`${p.host.name} ${tb} TB`);
    }
  }
  return { gb, unmetered, from };
}

export function bandwidthItem(input: BandwidthInput): CostLineItem {
  const { catalog } = input;
  const source = sourceOf(catalog, catalog.egress.source);
  const base = { kind: 'bandwidth' as const, unit: 'GB', source, scales_with: 'usage' as const };
  if (input.origin_bytes_per_s === undefined) {
    return { ...base, item: 'bandwidth: no traffic given', quantity: 0, unit_usd: 0, usd_per_month: 0, note: 'run the simulation or give an open workload to price transfer' };
  }
  const gb = (input.origin_bytes_per_s * SECONDS_PER_MONTH) / 1e9;
  const inc = includedEgressGb(input);
  if (inc.unmetered) {
    return { ...base, item: `bandwidth: ${gb.toFixed(1)} GB out, unmetered`, quantity: 0, unit_usd: 0, usd_per_month: 0, note: catalog.egress.note };
  }
  const free = catalog.egress.free_gb;
  const billable = Math.max(0, gb - inc.gb - free);
  const usd = tieredUsd(billable, catalog.egress.tiers);
  const allowance = [inc.from.length ? `${inc.from.join(' + ')} ${catalog.egress.pooled_allowance ? '(pooled)' : '(front hosts)'}` : '', free ? `${free} GB free` : '']
    .filter(Boolean)
    .join(', ');
  return {
    ...base,
    item: `bandwidth: ${gb.toFixed(1)} GB out − ${(inc.gb + free).toFixed(0)} GB included = ${billable.toFixed(1)} GB billable`,
    quantity: billable,
    unit_usd: billable > 0 ? usd / billable : catalog.egress.tiers[0].usd_per_gb,
    usd_per_month: round2(usd),
    note: `included: ${allowance || 'none'}`,
  };
}
