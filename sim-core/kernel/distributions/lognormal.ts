// Lognormal draws, median·e^{σZ}, parameterised by mean with p95 or cv; unit is the caller's (scenarios: milliseconds).
// Z comes from one uniform by inversion (no cached Box–Muller spare), so each draw uses exactly one rng.next().

import type { Rng } from '../prng';
import type { DistributionSpec } from './distribution-spec';
import { LOGNORMAL_MAX_P95_RATIO, normalQuantile, standardNormal, Z95 } from './normal-quantile';
import { checkScaleFactor, type Sampler } from './sampler';

const RATIO_SLACK = 1e-12;

/**
 * σ such that a lognormal with this mean has this p95. From mean = m·e^{σ²/2} and p95 = m·e^{Z95·σ}:
 * ln(p95/mean) = Z95·σ − σ²/2, so σ = Z95 ± sqrt(Z95² − 2·ln(p95/mean)). The smaller root is taken: the larger
 * one (σ > Z95) has a heavier tail with the same p95, its mass pushed beyond the 95th percentile, which is not
 * what someone quoting a p95 means.
 */
export function lognormalSigmaFromP95(mean: number, p95: number): number {
  const ratio = p95 / mean;
  // The slack admits specs that passed the schema and were then scaled, which can move the ratio by an ulp.
  if (!(ratio >= 1 - RATIO_SLACK && ratio <= LOGNORMAL_MAX_P95_RATIO * (1 + RATIO_SLACK))) {
    throw new RangeError(`p95/mean must be between 1 and ${LOGNORMAL_MAX_P95_RATIO} for a lognormal, got ${ratio}`);
  }
  const root = Math.sqrt(Math.max(0, Z95 * Z95 - 2 * Math.log(ratio)));
  return Math.max(0, Z95 - root);
}

/** σ from the coefficient of variation: cv² = e^{σ²} − 1. */
export function lognormalSigmaFromCv(cv: number): number {
  return Math.sqrt(Math.log1p(cv * cv));
}

type LognormalSpec = Extract<DistributionSpec, { dist: 'lognormal' }>;

export class LognormalSampler implements Sampler {
  readonly mean: number;
  readonly variance: number;
  readonly scv: number;
  readonly median: number;
  readonly sigma: number;
  readonly spec: LognormalSpec;

  constructor(spec: LognormalSpec) {
    this.spec = spec;
    this.mean = spec.mean;
    this.sigma = spec.p95 !== undefined ? lognormalSigmaFromP95(spec.mean, spec.p95) : lognormalSigmaFromCv(spec.cv);
    const s2 = this.sigma * this.sigma;
    this.median = this.mean * Math.exp(-s2 / 2);
    this.scv = Math.expm1(s2);
    this.variance = this.scv * this.mean * this.mean;
  }

  /** The value below which a share p of the draws fall. */
  quantile(p: number): number {
    return this.median * Math.exp(this.sigma * normalQuantile(p));
  }

  sample(rng: Rng): number {
    return this.median * Math.exp(this.sigma * standardNormal(rng));
  }

  scaled(factor: number): LognormalSampler {
    checkScaleFactor(factor);
    const s = this.spec;
    return new LognormalSampler(
      s.p95 !== undefined
        ? { dist: 'lognormal', mean: s.mean * factor, p95: s.p95 * factor }
        : { dist: 'lognormal', mean: s.mean * factor, cv: s.cv },
    );
  }
}
