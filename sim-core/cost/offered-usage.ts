// Client traffic an open workload offers, for pricing before (or without) a simulation: rate_per_s requests per
// second, each answered with its class's mean response (1 KB = 1024 bytes). Closed and daily workloads have no
// rate until simulated, so they get none. The result says it is offered, not simulated.

import type { WebStackScenario } from '../web-stack/schema';
import type { CostUsage } from './cost-breakdown';

export function offeredUsage(s: WebStackScenario): CostUsage | undefined {
  const load = s.workload.load;
  if (load.type !== 'open') return undefined;
  const bytesPerRequest = s.workload.classes.reduce((sum, c) => sum + c.share * c.response_kb * 1024, 0);
  return {
    throughput_rps: load.rate_per_s,
    egress_bytes_per_s: load.rate_per_s * bytesPerRequest,
    basis: `offered open load (workload.load.rate_per_s = ${load.rate_per_s} × mean response ${+(bytesPerRequest / 1024).toFixed(3)} KB), not simulated`,
  };
}
