// Resampling from observed values (a measured trace), optionally weighted, by Walker's alias method: O(1) per
// draw from one uniform. Values are in the caller's unit (scenarios: milliseconds).

import type { Rng } from '../prng';
import type { DistributionSpec } from './distribution-spec';
import { checkScaleFactor, scvOf, type Sampler } from './sampler';

type EmpiricalSpec = Extract<DistributionSpec, { dist: 'empirical' }>;

export class EmpiricalSampler implements Sampler {
  readonly mean: number;
  readonly variance: number;
  readonly scv: number;
  readonly spec: EmpiricalSpec;
  private readonly values: Float64Array;
  /** Chance that column i keeps its own value rather than its alias. */
  private readonly keep: Float64Array;
  private readonly alias: Uint32Array;
  private readonly n: number;

  constructor(spec: EmpiricalSpec) {
    this.spec = spec;
    const n = spec.values.length;
    this.n = n;
    this.values = Float64Array.from(spec.values);
    const weights = spec.weights !== undefined ? Float64Array.from(spec.weights) : new Float64Array(n).fill(1);
    let total = 0;
    for (let i = 0; i < n; i++) total += weights[i];

    let mean = 0;
    for (let i = 0; i < n; i++) mean += weights[i] * this.values[i];
    mean /= total;
    // Two passes: the variance of the distribution itself (divide by the total weight, not n − 1).
    let variance = 0;
    for (let i = 0; i < n; i++) variance += weights[i] * (this.values[i] - mean) ** 2;
    this.mean = mean;
    this.variance = variance / total;
    this.scv = scvOf(this.mean, this.variance);

    // Vose's construction: scale weights to average 1, pair each short column with a tall one.
    this.keep = new Float64Array(n);
    this.alias = new Uint32Array(n);
    const scaled = new Float64Array(n);
    const small: number[] = [];
    const large: number[] = [];
    for (let i = 0; i < n; i++) {
      scaled[i] = (weights[i] * n) / total;
      (scaled[i] < 1 ? small : large).push(i);
    }
    while (small.length > 0 && large.length > 0) {
      const s = small.pop()!;
      const l = large.pop()!;
      this.keep[s] = scaled[s];
      this.alias[s] = l;
      scaled[l] = scaled[l] + scaled[s] - 1;
      (scaled[l] < 1 ? small : large).push(l);
    }
    // Whatever is left is 1 up to rounding: it always keeps its own value.
    for (const i of large) this.keep[i] = 1;
    for (const i of small) this.keep[i] = 1;
  }

  sample(rng: Rng): number {
    // One uniform gives both the column (integer part) and the keep-or-alias coin (fractional part).
    const x = rng.next() * this.n;
    const i = Math.floor(x);
    return x - i < this.keep[i] ? this.values[i] : this.values[this.alias[i]];
  }

  scaled(factor: number): EmpiricalSampler {
    checkScaleFactor(factor);
    const s = this.spec;
    const values = s.values.map((v) => v * factor);
    return new EmpiricalSampler(
      s.weights !== undefined ? { dist: 'empirical', values, weights: s.weights.slice() } : { dist: 'empirical', values },
    );
  }
}
