// distributionSpecSchema: what it accepts, what it rejects, and that each message states the expected value.

import { describe, expect, it } from 'vitest';
import { distributionSpecSchema } from '../../../sim-core/kernel/distributions';

/** The issues of a failed parse as "path: message" lines. */
function errorsOf(input: unknown): string[] {
  const r = distributionSpecSchema.safeParse(input);
  expect(r.success, `expected ${JSON.stringify(input)} to be rejected`).toBe(false);
  return r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('distributionSpecSchema accepts', () => {
  const valid: unknown[] = [
    { dist: 'deterministic', mean: 0 },
    { dist: 'deterministic', mean: 2.5 },
    { dist: 'exponential', mean: 20 },
    { dist: 'erlang', mean: 12, k: 1 },
    { dist: 'erlang', mean: 12, k: 1000 },
    { dist: 'lognormal', mean: 100, p95: 250 },
    { dist: 'lognormal', mean: 100, p95: 100 },
    { dist: 'lognormal', mean: 100, p95: 386.8 },
    { dist: 'lognormal', mean: 100, cv: 0 },
    { dist: 'lognormal', mean: 100, cv: 4 },
    { dist: 'hyperexponential', mean: 10, cv: 1 },
    { dist: 'hyperexponential', mean: 10, cv: 5 },
    { dist: 'hyperexponential', probs: [0.1, 0.2, 0.7], means: [1, 2, 3] },
    { dist: 'hyperexponential', probs: [0.3, 0.3, 0.4 + 5e-10], means: [1, 2, 3] },
    { dist: 'uniform', min: 0, max: 0 },
    { dist: 'uniform', min: 1, max: 9 },
    { dist: 'empirical', values: [0] },
    { dist: 'empirical', values: [1, 2, 3], weights: [0, 0, 1] },
  ];
  for (const v of valid) {
    it(JSON.stringify(v), () => expect(distributionSpecSchema.parse(v)).toEqual(v));
  }
});

describe('distributionSpecSchema rejects, saying what it expected', () => {
  it('unknown fields (strict objects), listing the allowed ones', () => {
    expect(errorsOf({ dist: 'exponential', mean: 5, rate: 0.2 })).toEqual([
      ': unknown field "rate" for dist "exponential"; expected only dist, mean',
    ]);
    expect(errorsOf({ dist: 'lognormal', mean: 5, cv: 1, sigma: 1 })[0]).toContain('expected only dist, mean, p95, cv');
  });

  it('negative and zero means', () => {
    expect(errorsOf({ dist: 'exponential', mean: -1 })).toEqual(['mean: expected a number > 0, got -1']);
    expect(errorsOf({ dist: 'erlang', mean: 0, k: 2 })).toEqual(['mean: expected a number > 0, got 0']);
    expect(errorsOf({ dist: 'lognormal', mean: -3, cv: 1 })).toEqual(['mean: expected a number > 0, got -3']);
    expect(errorsOf({ dist: 'hyperexponential', mean: -3, cv: 2 })).toEqual(['mean: expected a number > 0, got -3']);
    expect(errorsOf({ dist: 'deterministic', mean: -0.5 })).toEqual(['mean: expected a number ≥ 0, got -0.5']);
    expect(errorsOf({ dist: 'uniform', min: -1, max: 2 })).toEqual(['min: expected a number ≥ 0, got -1']);
    expect(errorsOf({ dist: 'empirical', values: [1, -2] })).toEqual(['values.1: expected a number ≥ 0, got -2']);
  });

  it('non-numbers, missing numbers and infinities', () => {
    expect(errorsOf({ dist: 'exponential', mean: '5' })).toEqual(['mean: expected a number > 0, got "5"']);
    expect(errorsOf({ dist: 'exponential' })).toEqual(['mean: expected a number > 0, got nothing']);
    expect(errorsOf({ dist: 'exponential', mean: Infinity })).toEqual(['mean: expected a number > 0, got Infinity']);
  });

  it('Erlang k that is not a whole number ≥ 1', () => {
    expect(errorsOf({ dist: 'erlang', mean: 1, k: 1.5 })).toEqual([
      'k: expected a whole number between 1 and 1000, got 1.5',
    ]);
    expect(errorsOf({ dist: 'erlang', mean: 1, k: 0 })[0]).toContain('expected a whole number between 1 and 1000, got 0');
    expect(errorsOf({ dist: 'erlang', mean: 1, k: 1001 })[0]).toContain('got 1001');
  });

  it('hyperexponential cv below 1', () => {
    expect(errorsOf({ dist: 'hyperexponential', mean: 10, cv: 0.5 })).toEqual(['cv: expected a number ≥ 1, got 0.5']);
  });

  it('hyperexponential forms mixed, incomplete or inconsistent', () => {
    expect(errorsOf({ dist: 'hyperexponential', mean: 1, cv: 2, probs: [1], means: [1] })[0]).toContain(
      'expected either mean and cv (balanced two-phase) or probs and means (explicit phases), got both',
    );
    expect(errorsOf({ dist: 'hyperexponential', mean: 1 })).toEqual([
      'cv: expected either mean and cv (balanced two-phase) or probs and means (explicit phases); cv is missing',
    ]);
    expect(errorsOf({ dist: 'hyperexponential' })[0]).toContain('got neither');
    expect(errorsOf({ dist: 'hyperexponential', probs: [0.5, 0.4], means: [1, 2] })).toEqual([
      'probs: expected probs summing to 1 (within 1e-9), got a sum of 0.9',
    ]);
    expect(errorsOf({ dist: 'hyperexponential', probs: [0.5, 0.5], means: [1] })).toEqual([
      'means: expected as many means as probs (2), got 1',
    ]);
    expect(errorsOf({ dist: 'hyperexponential', probs: [1.5, -0.5], means: [1, 2] })).toEqual([
      'probs.0: expected a probability between 0 and 1, got 1.5',
      'probs.1: expected a probability between 0 and 1, got -0.5',
    ]);
  });

  it('lognormal with both p95 and cv, or neither', () => {
    expect(errorsOf({ dist: 'lognormal', mean: 10, p95: 20, cv: 1 })).toEqual([
      ': expected exactly one of p95 or cv for a lognormal, got both',
    ]);
    expect(errorsOf({ dist: 'lognormal', mean: 10 })).toEqual([
      ': expected exactly one of p95 or cv for a lognormal, got neither',
    ]);
  });

  it('lognormal p95/mean outside [1, 3.868], giving the allowed range and the ratio', () => {
    const [tooHeavy] = errorsOf({ dist: 'lognormal', mean: 10, p95: 50 });
    expect(tooHeavy).toContain('p95: p95/mean must be between 1 and 3.868 for a lognormal, got 5');
    const [belowMean] = errorsOf({ dist: 'lognormal', mean: 10, p95: 8 });
    expect(belowMean).toContain('p95/mean must be between 1 and 3.868 for a lognormal, got 0.8');
    expect(errorsOf({ dist: 'lognormal', mean: 100, p95: 386.9 })[0]).toContain('got 3.869');
  });

  it('uniform with max below min', () => {
    expect(errorsOf({ dist: 'uniform', min: 5, max: 2 })).toEqual(['max: expected max ≥ min (5), got 2']);
  });

  it('empirical with no values, mismatched or all-zero weights', () => {
    expect(errorsOf({ dist: 'empirical', values: [] })).toEqual([
      'values: expected a non-empty list of numbers ≥ 0, got []',
    ]);
    expect(errorsOf({ dist: 'empirical', values: [1, 2], weights: [1] })).toEqual([
      'weights: expected as many weights as values (2), got 1',
    ]);
    expect(errorsOf({ dist: 'empirical', values: [1, 2], weights: [0, 0] })).toEqual([
      'weights: expected weights with a sum > 0, got all zero',
    ]);
  });

  it('an unknown dist or something that is not an object', () => {
    expect(errorsOf({ dist: 'gamma', mean: 1 })).toEqual([
      'dist: expected dist to be one of deterministic, exponential, erlang, lognormal, hyperexponential, uniform, empirical, got "gamma"',
    ]);
    expect(errorsOf(12)[0]).toContain('expected a distribution object');
  });
});
