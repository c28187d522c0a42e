// The compiled form of a DistributionSpec that the simulator draws from on its hot path.
// Draws, mean and variance are in the spec's unit (scenarios use milliseconds; variance in that unit squared).

import type { Rng } from '../prng';
import type { DistributionSpec } from './distribution-spec';

export interface Sampler {
  /** One draw. Takes the stream as an argument and keeps no state, so one sampler can serve many streams. */
  sample(rng: Rng): number;
  readonly mean: number;
  readonly variance: number;
  /** Squared coefficient of variation, variance/mean² (0 when the mean is 0): what M/G/1-style formulas need. */
  readonly scv: number;
  /** The same shape with every draw multiplied by factor (> 0): how a CPU speed factor is applied. */
  scaled(factor: number): Sampler;
  /** The spec this sampler draws from (for a scaled sampler, the scaled spec). */
  readonly spec: DistributionSpec;
}

/** Rejects factors that would make a sampler whose spec fails the schema (zero or negative means). */
export function checkScaleFactor(factor: number): void {
  if (!(Number.isFinite(factor) && factor > 0)) {
    throw new RangeError(`scale factor: expected a finite number > 0, got ${factor}`);
  }
}

export function scvOf(mean: number, variance: number): number {
  return mean === 0 ? 0 : variance / (mean * mean);
}
