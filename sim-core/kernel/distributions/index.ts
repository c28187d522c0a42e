// Public surface of the distributions: the spec schema, the Sampler contract and the compiler.
// Units are the caller's throughout (scenarios use milliseconds).

export {
  distributionSpecSchema,
  MAX_ERLANG_K,
  type DistributionName,
  type DistributionSpec,
} from './distribution-spec';
export type { Sampler } from './sampler';
export { compileDistribution } from './compile';
export { LOGNORMAL_MAX_P95_RATIO } from './normal-quantile';
