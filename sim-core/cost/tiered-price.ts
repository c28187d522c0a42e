// Price of a monthly volume under tiered per-GB prices (AWS data transfer, CloudFront): each tier's price applies
// to the part of the volume inside it. Tier ends are cumulative TB (1 TB = 1000 GB).

import type { PriceTier } from './pricing-schema';

export function tieredUsd(gb: number, tiers: readonly PriceTier[]): number {
  let usd = 0;
  let start = 0;
  for (const t of tiers) {
    const end = t.up_to_tb === null ? Infinity : t.up_to_tb * 1000;
    if (gb <= start) break;
    usd += (Math.min(gb, end) - start) * t.usd_per_gb;
    start = end;
  }
  return usd;
}
