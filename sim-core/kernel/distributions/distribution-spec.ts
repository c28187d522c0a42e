// The JSON shape of a service-time / demand distribution and its zod schema. Units are the caller's: every
// mean, p95, min, max and value is in the same unit as the draws (scenarios use milliseconds); cv is unitless.

import { z } from 'zod';
import { LOGNORMAL_MAX_P95_RATIO } from './normal-quantile';

/** Above this, an Erlang draw (k uniforms each) costs more than it is worth: the shape is already near-deterministic. */
export const MAX_ERLANG_K = 1000;
/** How far hyperexponential phase probabilities may sum from 1 (JSON round-trips of decimals). */
export const PROBS_SUM_TOLERANCE = 1e-9;

export type DistributionSpec =
  | { dist: 'deterministic'; mean: number }
  | { dist: 'exponential'; mean: number }
  | { dist: 'erlang'; mean: number; k: number }
  | { dist: 'lognormal'; mean: number; p95: number; cv?: undefined }
  | { dist: 'lognormal'; mean: number; cv: number; p95?: undefined }
  | { dist: 'hyperexponential'; mean: number; cv: number; probs?: undefined; means?: undefined }
  | { dist: 'hyperexponential'; probs: number[]; means: number[]; mean?: undefined; cv?: undefined }
  | { dist: 'uniform'; min: number; max: number }
  | { dist: 'empirical'; values: number[]; weights?: number[] };

export type DistributionName = DistributionSpec['dist'];

/** Renders an offending input for a message: numbers as written, missing as "nothing", the rest as JSON. */
function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'number') return String(v);
  return JSON.stringify(v) ?? String(v);
}

// Type and range failures share one message so a user reads the rule, not zod's internals.
function expected(what: string) {
  return { error: (iss: { readonly input?: unknown }) => `expected ${what}, got ${show(iss.input)}` };
}
const positive = () => z.number(expected('a number > 0')).gt(0, expected('a number > 0'));
const nonNegative = () => z.number(expected('a number ≥ 0')).gte(0, expected('a number ≥ 0'));
const atLeastOne = () => z.number(expected('a number ≥ 1')).gte(1, expected('a number ≥ 1'));
const probability = () => {
  const e = expected('a probability between 0 and 1');
  return z.number(e).gte(0, e).lte(1, e);
};
const erlangK = () => {
  const e = expected(`a whole number between 1 and ${MAX_ERLANG_K}`);
  return z.number(e).int(e).gte(1, e).lte(MAX_ERLANG_K, e);
};
const numberList = (item: z.ZodNumber, what: string) =>
  z.array(item, expected(`a list of ${what}`)).min(1, expected(`a non-empty list of ${what}`));

/** A strict object for one family, whose unknown-field message lists the fields that family accepts. */
function family<Name extends string, Shape extends z.ZodRawShape>(name: Name, shape: Shape) {
  const allowed = ['dist', ...Object.keys(shape)].join(', ');
  return z.strictObject(
    { dist: z.literal(name), ...shape },
    {
      error: (iss) =>
        iss.code === 'unrecognized_keys'
          ? `unknown field ${iss.keys.map((k) => `"${k}"`).join(', ')} for dist "${name}"; expected only ${allowed}`
          : undefined,
    },
  );
}

const deterministic = family('deterministic', { mean: nonNegative() });
const exponential = family('exponential', { mean: positive() });
const erlang = family('erlang', { mean: positive(), k: erlangK() });

const lognormal = family('lognormal', {
  mean: positive(),
  p95: positive().optional(),
  cv: nonNegative().optional(),
}).superRefine((v, ctx) => {
  if ((v.p95 === undefined) === (v.cv === undefined)) {
    const got = v.p95 === undefined ? 'neither' : 'both';
    ctx.addIssue({ code: 'custom', path: [], message: `expected exactly one of p95 or cv for a lognormal, got ${got}` });
    return;
  }
  if (v.p95 !== undefined) {
    const ratio = v.p95 / v.mean;
    if (!(ratio >= 1 && ratio <= LOGNORMAL_MAX_P95_RATIO)) {
      const max = Math.floor(LOGNORMAL_MAX_P95_RATIO * 1000) / 1000;
      ctx.addIssue({
        code: 'custom',
        path: ['p95'],
        message:
          `p95/mean must be between 1 and ${max} for a lognormal, got ${Number(ratio.toPrecision(6))} ` +
          `(p95 ${v.p95}, mean ${v.mean}); for a heavier tail use a hyperexponential or an empirical distribution`,
      });
    }
  }
});

const hyperexponential = family('hyperexponential', {
  mean: positive().optional(),
  cv: atLeastOne().optional(),
  probs: numberList(probability(), 'probabilities between 0 and 1').optional(),
  means: numberList(positive(), 'numbers > 0').optional(),
}).superRefine((v, ctx) => {
  const balanced = v.mean !== undefined || v.cv !== undefined;
  const explicit = v.probs !== undefined || v.means !== undefined;
  const expectedForms = 'expected either mean and cv (balanced two-phase) or probs and means (explicit phases)';
  if (balanced === explicit) {
    ctx.addIssue({ code: 'custom', path: [], message: `${expectedForms}, got ${balanced ? 'both' : 'neither'}` });
    return;
  }
  if (balanced) {
    if (v.mean === undefined || v.cv === undefined) {
      const missing = v.mean === undefined ? 'mean' : 'cv';
      ctx.addIssue({ code: 'custom', path: [missing], message: `${expectedForms}; ${missing} is missing` });
    }
    return;
  }
  if (v.probs === undefined || v.means === undefined) {
    const missing = v.probs === undefined ? 'probs' : 'means';
    ctx.addIssue({ code: 'custom', path: [missing], message: `${expectedForms}; ${missing} is missing` });
    return;
  }
  if (v.probs.length !== v.means.length) {
    ctx.addIssue({
      code: 'custom',
      path: ['means'],
      message: `expected as many means as probs (${v.probs.length}), got ${v.means.length}`,
    });
  }
  const sum = v.probs.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > PROBS_SUM_TOLERANCE) {
    ctx.addIssue({
      code: 'custom',
      path: ['probs'],
      message: `expected probs summing to 1 (within ${PROBS_SUM_TOLERANCE}), got a sum of ${sum}`,
    });
  }
});

const uniform = family('uniform', { min: nonNegative(), max: nonNegative() }).superRefine((v, ctx) => {
  if (!(v.max >= v.min)) {
    ctx.addIssue({ code: 'custom', path: ['max'], message: `expected max ≥ min (${v.min}), got ${v.max}` });
  }
});

const empirical = family('empirical', {
  values: numberList(nonNegative(), 'numbers ≥ 0'),
  weights: numberList(nonNegative(), 'numbers ≥ 0').optional(),
}).superRefine((v, ctx) => {
  if (v.weights === undefined) return;
  if (v.weights.length !== v.values.length) {
    ctx.addIssue({
      code: 'custom',
      path: ['weights'],
      message: `expected as many weights as values (${v.values.length}), got ${v.weights.length}`,
    });
  }
  if (!(v.weights.reduce((a, b) => a + b, 0) > 0)) {
    ctx.addIssue({ code: 'custom', path: ['weights'], message: 'expected weights with a sum > 0, got all zero' });
  }
});

const DIST_NAMES = [
  'deterministic',
  'exponential',
  'erlang',
  'lognormal',
  'hyperexponential',
  'uniform',
  'empirical',
] as const satisfies readonly DistributionName[];

const rawSchema = z.discriminatedUnion(
  'dist',
  [deterministic, exponential, erlang, lognormal, hyperexponential, uniform, empirical],
  {
    error: (iss) => {
      if (iss.code === 'invalid_union') {
        const dist = (iss.input as { dist?: unknown } | undefined)?.dist;
        return `expected dist to be one of ${DIST_NAMES.join(', ')}, got ${show(dist)}`;
      }
      if (iss.code === 'invalid_type') {
        return `expected a distribution object such as { "dist": "exponential", "mean": 20 }, got ${show(iss.input)}`;
      }
      return undefined;
    },
  },
);

// Every well-formed DistributionSpec must pass the shape checks: this line stops the two from drifting apart.
type Accepts<Wide, Narrow extends Wide> = Narrow;
export type _SchemaAcceptsSpec = Accepts<z.infer<typeof rawSchema>, DistributionSpec>;

/**
 * Validates a distribution. The refinements guarantee the "exactly one form" rules that zod's inferred type
 * cannot express, so the schema is typed with the precise union.
 */
export const distributionSpecSchema = rawSchema as unknown as z.ZodType<DistributionSpec, DistributionSpec>;
