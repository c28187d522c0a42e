// Erlang-k draws (k exponential phases of mean/k each): scv 1/k, for demands less variable than exponential.
// Unit is the caller's (scenarios: milliseconds).

import type { Rng } from '../prng';
import { checkScaleFactor, type Sampler } from './sampler';

// nextOpen() ≥ 2^-53, so a product of 20 stays ≥ 2^-1060, above the smallest subnormal (2^-1074): one log
// per draw is safe up to there; beyond it the product could underflow to 0, so logs are summed instead.
const MAX_K_FOR_PRODUCT = 20;

export class ErlangSampler implements Sampler {
  readonly variance: number;
  readonly scv: number;
  readonly spec;
  private readonly phaseMean: number;
  private readonly sumLogs: boolean;

  constructor(
    readonly mean: number,
    readonly k: number,
  ) {
    this.phaseMean = mean / k;
    this.sumLogs = k > MAX_K_FOR_PRODUCT;
    this.variance = (mean * mean) / k;
    this.scv = 1 / k;
    this.spec = { dist: 'erlang' as const, mean, k };
  }

  sample(rng: Rng): number {
    const k = this.k;
    if (this.sumLogs) {
      let logs = 0;
      for (let i = 0; i < k; i++) logs += Math.log(rng.nextOpen());
      return -this.phaseMean * logs;
    }
    let product = 1;
    for (let i = 0; i < k; i++) product *= rng.nextOpen();
    return -this.phaseMean * Math.log(product);
  }

  scaled(factor: number): ErlangSampler {
    checkScaleFactor(factor);
    return new ErlangSampler(this.mean * factor, this.k);
  }
}
