// Cost of one million requests at a sustained throughput: the monthly total over the requests a month holds
// (throughput × 2.628·10⁶ s).

import type { CostBreakdown } from './cost-breakdown';
import { SECONDS_PER_MONTH } from './pricing-schema';

export function costPerMillionRequests(breakdown: CostBreakdown, throughput_rps: number): number {
  if (!Number.isFinite(throughput_rps) || throughput_rps < 0) throw new RangeError(`expected a throughput ≥ 0 requests per second, got ${throughput_rps}`);
  const millions = (throughput_rps * SECONDS_PER_MONTH) / 1e6;
  return millions === 0 ? Infinity : breakdown.total_usd_per_month / millions;
}
