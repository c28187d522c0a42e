// Uniform draws on [min, max); unit is the caller's (scenarios: milliseconds).

import type { Rng } from '../prng';
import { checkScaleFactor, scvOf, type Sampler } from './sampler';

export class UniformSampler implements Sampler {
  readonly mean: number;
  readonly variance: number;
  readonly scv: number;
  readonly spec;
  private readonly width: number;

  constructor(
    readonly min: number,
    readonly max: number,
  ) {
    this.width = max - min;
    this.mean = (min + max) / 2;
    this.variance = (this.width * this.width) / 12;
    this.scv = scvOf(this.mean, this.variance);
    this.spec = { dist: 'uniform' as const, min, max };
  }

  sample(rng: Rng): number {
    return this.min + this.width * rng.next();
  }

  scaled(factor: number): UniformSampler {
    checkScaleFactor(factor);
    return new UniformSampler(this.min * factor, this.max * factor);
  }
}
