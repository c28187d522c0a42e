// Lognormal parameterisation from (mean, p95) and (mean, cv), and the normal quantile it draws through.

import { describe, expect, it } from 'vitest';
import { compileDistribution } from '../../../sim-core/kernel/distributions';
import {
  LognormalSampler,
  lognormalSigmaFromCv,
  lognormalSigmaFromP95,
} from '../../../sim-core/kernel/distributions/lognormal';
import {
  LOGNORMAL_MAX_P95_RATIO,
  normalQuantile,
  Z95,
} from '../../../sim-core/kernel/distributions/normal-quantile';
import { draw, expectRelClose } from './sample-stats';

describe('normalQuantile (AS 241)', () => {
  // Reference values: scipy.special.ndtri, covering the central region, both tails and the extreme draws.
  const reference: [number, number][] = [
    [0.5, 0],
    [0.95, 1.6448536269514722],
    [0.99, 2.3263478740408408],
    [1e-10, -6.361340902404056],
    [1e-12, -7.034483825301131],
    [2 ** -54, -8.292361075813597],
    [1 - 2 ** -53, 8.209536151601387],
  ];
  for (const [p, z] of reference) {
    it(`Φ⁻¹(${p}) = ${z}`, () => expectRelClose(normalQuantile(p), z, 1e-14));
  }
  it('is antisymmetric (at dyadic p, where 1 − p is exact)', () => {
    for (const p of [0.25, 0.125, 2 ** -5, 2 ** -20]) expect(normalQuantile(p)).toBe(-normalQuantile(1 - p));
  });
  it('Z95 is Φ⁻¹(0.95)', () => expectRelClose(normalQuantile(0.95), Z95, 1e-15));
});

describe('lognormal from mean + p95', () => {
  it('σ solves p95/mean = e^{Z95·σ − σ²/2} and is the smaller root (below Z95)', () => {
    const mean = 100;
    const p95 = 250;
    const sigma = lognormalSigmaFromP95(mean, p95);
    expect(sigma).toBeGreaterThan(0);
    expect(sigma).toBeLessThan(Z95);
    expectRelClose(Math.exp(Z95 * sigma - (sigma * sigma) / 2), p95 / mean, 1e-12);
    // The other root, 2·Z95 − σ, fits the same ratio too; it is the one not taken.
    const other = 2 * Z95 - sigma;
    expectRelClose(Math.exp(Z95 * other - (other * other) / 2), p95 / mean, 1e-12);
  });

  it('the sampler reproduces the mean and p95 exactly, and the sample p95 is within 2%', () => {
    const spec = { dist: 'lognormal' as const, mean: 100, p95: 250 };
    const sampler = compileDistribution(spec) as LognormalSampler;
    expect(sampler).toBeInstanceOf(LognormalSampler);
    expectRelClose(sampler.quantile(0.95), 250, 1e-12);
    expectRelClose(sampler.median * Math.exp((sampler.sigma * sampler.sigma) / 2), 100, 1e-12);

    const xs = draw(sampler, 201, 200_000).sort();
    const empiricalP95 = xs[Math.floor(0.95 * xs.length)];
    expect(Math.abs(empiricalP95 / 250 - 1)).toBeLessThan(0.02);
  });

  it('accepts the whole range 1 ≤ p95/mean ≤ e^{Z95²/2} ≈ 3.868', () => {
    expect(LOGNORMAL_MAX_P95_RATIO).toBeCloseTo(3.8681, 4);
    expect(lognormalSigmaFromP95(10, 10)).toBe(0);
    expectRelClose(lognormalSigmaFromP95(10, 10 * LOGNORMAL_MAX_P95_RATIO), Z95, 1e-6);
    expect(() => lognormalSigmaFromP95(10, 50)).toThrow(/between 1 and 3\.86/);
    expect(() => lognormalSigmaFromP95(10, 9)).toThrow(RangeError);
  });

  it('p95 equal to the mean degenerates to a constant', () => {
    const xs = draw(compileDistribution({ dist: 'lognormal', mean: 8, p95: 8 }), 202, 1000);
    for (const x of xs) expectRelClose(x, 8, 1e-12);
  });
});

describe('lognormal from mean + cv', () => {
  it('σ² = ln(1 + cv²), so scv = cv²', () => {
    expectRelClose(lognormalSigmaFromCv(1) ** 2, Math.log(2), 1e-15);
    const sampler = compileDistribution({ dist: 'lognormal', mean: 40, cv: 1.5 });
    expectRelClose(sampler.scv, 2.25, 1e-12);
    expectRelClose(sampler.variance, 2.25 * 1600, 1e-12);
  });
});
