// Turns a validated DistributionSpec into the Sampler the simulator draws from; units pass through unchanged
// (scenarios use milliseconds). Not on the hot path: call once per demand when a scenario is built.

import type { DistributionSpec } from './distribution-spec';
import { DeterministicSampler } from './deterministic';
import { EmpiricalSampler } from './empirical';
import { ErlangSampler } from './erlang';
import { ExponentialSampler } from './exponential';
import { HyperexponentialSampler } from './hyperexponential';
import { LognormalSampler } from './lognormal';
import type { Sampler } from './sampler';
import { UniformSampler } from './uniform';

/** Assumes spec passed distributionSpecSchema; an unchecked spec can give NaN draws or throw. */
export function compileDistribution(spec: DistributionSpec): Sampler {
  switch (spec.dist) {
    case 'deterministic':
      return new DeterministicSampler(spec.mean);
    case 'exponential':
      return new ExponentialSampler(spec.mean);
    case 'erlang':
      return new ErlangSampler(spec.mean, spec.k);
    case 'lognormal':
      return new LognormalSampler(spec);
    case 'hyperexponential':
      return new HyperexponentialSampler(spec);
    case 'uniform':
      return new UniformSampler(spec.min, spec.max);
    case 'empirical':
      return new EmpiricalSampler(spec);
    default: {
      const unknown: never = spec;
      throw new Error(`unknown distribution ${JSON.stringify(unknown)}`);
    }
  }
}
