// Hyperexponential draws: pick a phase by probability, then an exponential with that phase's mean. For demands
// more variable than exponential (scv ≥ 1), e.g. a mix of cache hits and slow queries. Unit is the caller's (ms).

import type { Rng } from '../prng';
import type { DistributionSpec } from './distribution-spec';
import { checkScaleFactor, scvOf, type Sampler } from './sampler';

type HyperexponentialSpec = Extract<DistributionSpec, { dist: 'hyperexponential' }>;

/**
 * Two phases with balanced means (p1·m1 = p2·m2, the usual way to fit an H2 to a mean and cv):
 * p = (1 + sqrt((cv² − 1)/(cv² + 1)))/2, phase means mean/(2p) and mean/(2(1 − p)).
 */
export function balancedPhases(mean: number, cv: number): { probs: number[]; means: number[] } {
  const c2 = cv * cv;
  const p = (1 + Math.sqrt((c2 - 1) / (c2 + 1))) / 2;
  return { probs: [p, 1 - p], means: [mean / (2 * p), mean / (2 * (1 - p))] };
}

export class HyperexponentialSampler implements Sampler {
  readonly mean: number;
  readonly variance: number;
  readonly scv: number;
  readonly spec: HyperexponentialSpec;
  private readonly cumulative: Float64Array;
  private readonly phaseMeans: Float64Array;
  private readonly lastPhase: number;

  constructor(spec: HyperexponentialSpec) {
    this.spec = spec;
    const { probs, means } = spec.probs !== undefined ? spec : balancedPhases(spec.mean, spec.cv);
    const n = probs.length;
    this.cumulative = new Float64Array(n);
    this.phaseMeans = Float64Array.from(means);
    this.lastPhase = n - 1;
    let acc = 0;
    let mean = 0;
    let secondMoment = 0;
    for (let i = 0; i < n; i++) {
      acc += probs[i];
      this.cumulative[i] = acc;
      mean += probs[i] * means[i];
      // E[X²] of an exponential is 2·m².
      secondMoment += probs[i] * 2 * means[i] * means[i];
    }
    // The balanced form states its mean; keep it exact rather than the sum over phases.
    this.mean = spec.mean ?? mean;
    this.variance = secondMoment - this.mean * this.mean;
    this.scv = scvOf(this.mean, this.variance);
  }

  sample(rng: Rng): number {
    const u = rng.next();
    const cumulative = this.cumulative;
    // Linear scan: phases are few. The last phase takes whatever rounding left of the total below 1.
    let i = 0;
    while (i < this.lastPhase && u >= cumulative[i]) i++;
    return -this.phaseMeans[i] * Math.log(rng.nextOpen());
  }

  scaled(factor: number): HyperexponentialSampler {
    checkScaleFactor(factor);
    const s = this.spec;
    return new HyperexponentialSampler(
      s.probs !== undefined
        ? { dist: 'hyperexponential', probs: s.probs.slice(), means: s.means.map((m) => m * factor) }
        : { dist: 'hyperexponential', mean: s.mean * factor, cv: s.cv },
    );
  }
}
