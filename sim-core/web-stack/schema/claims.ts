// What a source document claims about a tier, and what the scenario assumes where the document is silent.
// Claims are checked by simulation (`capsim claims`), assumptions are shown to the user, never hidden.

import { z } from 'zod';
import { BOUNDS } from '../../schema/field-bounds';
import { name, nonNegative, positive, text } from '../../schema/schema-fields';

/**
 * Units: users and requests per second as counts, latencies in ms, error_rate, cache_hit_rate and
 * cpu_utilization as fractions 0..1, memory in GB, cost in US dollars per month.
 */
export const claimMetrics = [
  'concurrent_users', 'rps', 'daily_active_users', 'mean_ms', 'p95_ms', 'p99_ms', 'error_rate',
  'cache_hit_rate', 'memory_gb', 'db_connections', 'cpu_utilization', 'cost_usd_month',
] as const;
export type ClaimMetric = (typeof claimMetrics)[number];

export const claimSchema = z
  .strictObject({
    id: name('a claim id'),
    metric: z.enum(claimMetrics, { error: `expected one of ${claimMetrics.join(', ')}` }),
    /** The claimed value or range (a lone min reads "at least", a lone max "at most"). */
    min: nonNegative('a number').optional(),
    max: nonNegative('a number').optional(),
    /** The load the claim is made at, when it is about latency, errors or resources. */
    at_users: positive('a number of users', BOUNDS.users).optional(),
    at_rps: positive('a rate per second', BOUNDS.ratePerS).optional(),
    /** The document's own words. */
    quote: text('the quoted claim', 1),
  })
  .refine((c) => c.min !== undefined || c.max !== undefined, { error: 'expected min, max or both' });

export const assumptionSchema = z.strictObject({
  /** What the number is about (a path such as workload.classes[0].app_cpu_ms, or a phrase). */
  about: text('what the assumption is about', 1),
  value: z.union([text('a value'), z.number()]),
  /** Where the number comes from: the document (section) or "assumption". */
  source: text('where the number comes from', 1),
  reason: text('a reason').optional(),
});

export const sloSchema = z.strictObject({
  p95_ms: positive('a time in ms').default(300),
  max_error_rate: z.number().gte(0).lte(1).default(0.01),
});

export type Claim = z.infer<typeof claimSchema>;
export type Assumption = z.infer<typeof assumptionSchema>;
export type Slo = z.infer<typeof sloSchema>;
