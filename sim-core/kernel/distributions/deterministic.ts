// A constant draw (fixed per-request CPU, a fixed network hop); unit is the caller's (scenarios: milliseconds).
// Consumes no random numbers, so swapping a deterministic demand in or out shifts no other draw of the stream.

import type { Rng } from '../prng';
import { checkScaleFactor, type Sampler } from './sampler';

export class DeterministicSampler implements Sampler {
  readonly variance = 0;
  readonly scv = 0;
  readonly spec;

  constructor(readonly mean: number) {
    this.spec = { dist: 'deterministic' as const, mean };
  }

  sample(_rng: Rng): number {
    return this.mean;
  }

  scaled(factor: number): DeterministicSampler {
    checkScaleFactor(factor);
    return new DeterministicSampler(this.mean * factor);
  }
}
