// "The most load this deployment serves within the SLO" when no simulated capacity search is at hand: the analytic
// preview's bracket (closed loads: bracketCapacity; open loads: the largest rate whose p95 estimate meets the SLO),
// labelled as an analytic estimate. Errors are not modelled by the preview, so the note says the SLO's error bound
// is not checked.

import { bracketCapacity, previewWebStack } from '../web-stack/preview';
import type { WebStackScenario } from '../web-stack/schema/web-stack-schema';

/** "Max load within the SLO": the largest load (users, or req/s for open workloads) that meets it. */
export interface CapacityEstimate {
  max_load: number;
  binding_resource: string;
  confidence: { lo: number; hi: number; note: string };
  /** 'simulation search' or 'analytic estimate'; shown beside the number. */
  method: string;
}

export const ANALYTIC_ESTIMATE = 'analytic estimate';

export function analyticCapacity(s: WebStackScenario, open: boolean): CapacityEstimate {
  const slo = s.slo;
  if (!open) {
    const b = bracketCapacity(s, { p95_ms: slo.p95_ms });
    const at = Math.max(1, b.lo_users);
    const p = previewWebStack(s, { users: at });
    return {
      max_load: b.lo_users,
      binding_resource: p.bottleneck.resource,
      confidence: {
        lo: b.lo_users,
        hi: b.hi_users,
        note: `analytic bracket (mean-value analysis, ${p.method}); lo: the p95 estimate meets ${slo.p95_ms} ms, hi: the mean meets it, +25 % for model error; error rate not checked — confirm with capsim capacity`,
      },
      method: ANALYTIC_ESTIMATE,
    };
  }
  const first = previewWebStack(s, { rate_per_s: 1 });
  const xmax = first.max_throughput_rps;
  const ok = (r: number) => {
    const p = previewWebStack(s, { rate_per_s: r });
    return !p.saturated && p.p95_response_ms_estimate <= slo.p95_ms;
  };
  let lo = 0;
  let hi = xmax;
  if (Number.isFinite(hi) && hi > 0) {
    for (let i = 0; i < 40 && hi - lo > Math.max(0.01, lo * 0.002); i++) {
      const mid = (lo + hi) / 2;
      if (ok(mid)) lo = mid;
      else hi = mid;
    }
  }
  const at = lo > 0 ? lo : Math.min(1, xmax / 2);
  const p = previewWebStack(s, { rate_per_s: at });
  return {
    max_load: +lo.toPrecision(3),
    binding_resource: p.bottleneck.resource,
    confidence: {
      lo: +lo.toPrecision(3),
      hi: Number.isFinite(xmax) ? +xmax.toPrecision(3) : lo,
      note: `analytic estimate (M/M/c per station); lo: the p95 estimate meets ${slo.p95_ms} ms, hi: the throughput bound (${first.max_throughput_limited_by}); error rate not checked — confirm with capsim capacity`,
    },
    method: ANALYTIC_ESTIMATE,
  };
}
