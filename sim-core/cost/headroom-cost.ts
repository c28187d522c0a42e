// What the unused capacity costs: of the items that are paid whatever the load (hosts, volumes, backups, a load
// balancer's hourly fee), the share 1 − u not used at the simulated load, u being the utilisation of the binding
// (most utilised) resource. Traffic-priced items (bandwidth, CDN, load-balancer capacity units) buy no headroom.

import type { CostBreakdown } from './cost-breakdown';

export interface HeadroomCost {
  utilization: number;
  capacity_usd_per_month: number;
  headroom_usd_per_month: number;
  /** headroom as a share of the whole monthly total. */
  share_of_total: number;
}

export function headroomCost(breakdown: CostBreakdown, utilizationOfBinding: number): HeadroomCost {
  if (!Number.isFinite(utilizationOfBinding) || utilizationOfBinding < 0) {
    throw new RangeError(`expected a utilisation ≥ 0, got ${utilizationOfBinding}`);
  }
  const u = Math.min(1, utilizationOfBinding);
  const capacity = breakdown.capacity_usd_per_month;
  const headroom = capacity * (1 - u);
  return {
    utilization: u,
    capacity_usd_per_month: capacity,
    headroom_usd_per_month: headroom,
    share_of_total: breakdown.total_usd_per_month > 0 ? headroom / breakdown.total_usd_per_month : 0,
  };
}
