// The CDN in front of the scenario: the front host's provider's CDN, else the first catalog (by provider id) that
// sells one. Monthly base + edge GB beyond the included volume at the tiered price + requests beyond the free
// ones per 10,000.

import type { CostLineItem } from './cost-breakdown';
import { round2 } from './cost-breakdown';
import { sourceOf } from './catalog-source';
import { SECONDS_PER_MONTH, type PricingCatalog } from './pricing-schema';
import { tieredUsd } from './tiered-price';

export function pickCdnCatalog(front: PricingCatalog, catalogs: readonly PricingCatalog[]): PricingCatalog | undefined {
  if (front.cdn) return front;
  return [...catalogs].filter((c) => c.cdn).sort((a, b) => a.provider.localeCompare(b.provider))[0];
}

export function cdnItems(catalog: PricingCatalog, edge_bytes_per_s: number | undefined, edge_rps: number | undefined, note: string): CostLineItem[] {
  const cdn = catalog.cdn!;
  const source = sourceOf(catalog, cdn.source);
  const items: CostLineItem[] = [];
  if (cdn.base_usd_per_month > 0) {
    items.push({ kind: 'cdn', item: `CDN: ${catalog.provider} ${cdn.type} subscription`, quantity: 1, unit: 'month', unit_usd: cdn.base_usd_per_month, usd_per_month: round2(cdn.base_usd_per_month), source, scales_with: 'usage', note });
  }
  const gb = ((edge_bytes_per_s ?? 0) * SECONDS_PER_MONTH) / 1e9;
  const billable = Math.max(0, gb - cdn.included_gb);
  const usd = tieredUsd(billable, cdn.tiers);
  items.push({
    kind: 'cdn', item: `CDN: ${gb.toFixed(1)} GB from the edge − ${cdn.included_gb} GB included = ${billable.toFixed(1)} GB billable`,
    quantity: billable, unit: 'GB', unit_usd: billable > 0 ? usd / billable : cdn.tiers[0].usd_per_gb, usd_per_month: round2(usd), source, scales_with: 'usage',
    note: edge_bytes_per_s === undefined ? 'no traffic given' : note,
  });
  if (cdn.usd_per_10k_requests !== undefined && edge_rps !== undefined) {
    const requests = Math.max(0, edge_rps * SECONDS_PER_MONTH - (cdn.free_requests_per_month ?? 0));
    items.push({
      kind: 'cdn', item: `CDN: ${(requests / 1e6).toFixed(2)} M billable edge requests`, quantity: requests / 1e4, unit: '10k requests',
      unit_usd: cdn.usd_per_10k_requests, usd_per_month: round2((requests / 1e4) * cdn.usd_per_10k_requests), source, scales_with: 'usage',
      note: `${cdn.free_requests_per_month ?? 0} free requests per month`,
    });
  }
  return items;
}
