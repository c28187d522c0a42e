// How long a simulation runs and when it stops: a precision target on chosen measures, an event cap and a
// simulated-time horizon, whichever comes first. Shared by every scenario kind. Durations in seconds of
// simulated time, precision as a relative half-width of the 95 % interval.

import { z } from 'zod';
import { BOUNDS } from '../schema/field-bounds';
import { DEFAULT_RUN_MEMORY_MB } from '../kernel/memory-costs';
import { listOf, openFraction, positive, wholeAtLeast } from '../schema/schema-fields';

export const precisionMeasures = ['mean', 'p50', 'p90', 'p95', 'p99', 'p999'] as const;
export type PrecisionMeasure = (typeof precisionMeasures)[number];

export const runControlSchema = z.strictObject({
  seed: wholeAtLeast(0, BOUNDS.seed).default(1),
  /** Stop when every listed measure's 95 % interval is within ± this fraction of its estimate. */
  precision: openFraction().default(0.02),
  measures: listOf(z.enum(precisionMeasures, { error: `expected one of ${precisionMeasures.join(', ')}` }), BOUNDS.listItems).default(['mean', 'p95']),
  /** Hard cap on simulated events. */
  max_events: wholeAtLeast(1000, BOUNDS.eventCap).default(40_000_000),
  /** Simulated-time horizon, seconds; omitted = none. */
  duration_s: positive('a duration in seconds').optional(),
  /** Observations needed before precision is even checked. */
  min_observations: wholeAtLeast(100, BOUNDS.observations).default(20_000),
  /**
   * Memory the run's own state may take, MB: checked against an estimate before the run (run/run-limits.ts)
   * and enforced during it (entity pools and the event calendar stop the run at their caps).
   */
  max_memory_mb: wholeAtLeast(64, BOUNDS.runMemoryMb).default(DEFAULT_RUN_MEMORY_MB),
});

export type RunControl = z.infer<typeof runControlSchema>;
