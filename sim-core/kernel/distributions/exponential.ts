// Exponential draws by inversion, −mean·ln U; unit is the caller's (scenarios: milliseconds).
// U comes from nextOpen() ∈ (0, 1] so the logarithm is always finite.

import type { Rng } from '../prng';
import { checkScaleFactor, type Sampler } from './sampler';

export class ExponentialSampler implements Sampler {
  readonly variance: number;
  readonly scv = 1;
  readonly spec;

  constructor(readonly mean: number) {
    this.variance = mean * mean;
    this.spec = { dist: 'exponential' as const, mean };
  }

  sample(rng: Rng): number {
    return -this.mean * Math.log(rng.nextOpen());
  }

  scaled(factor: number): ExponentialSampler {
    checkScaleFactor(factor);
    return new ExponentialSampler(this.mean * factor);
  }
}
