// Test helpers: draw many samples and judge sample moments against theory with tolerances from standard errors.

import { expect } from 'vitest';
import { createRng } from '../../../sim-core/kernel/prng';
import type { Sampler } from '../../../sim-core/kernel/distributions';

export function draw(sampler: Sampler, seed: number, n: number): Float64Array {
  const rng = createRng(seed);
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = sampler.sample(rng);
  return xs;
}

/** Sample mean and unbiased sample variance (two passes, for accuracy). */
export function sampleMoments(xs: Float64Array): { mean: number; variance: number } {
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / xs.length;
  let ss = 0;
  for (const x of xs) ss += (x - mean) * (x - mean);
  return { mean, variance: ss / (xs.length - 1) };
}

/** Central moments from raw moments E[X], E[X²], E[X³], E[X⁴]. */
export function centralFromRaw(m1: number, m2: number, m3: number, m4: number): { variance: number; mu4: number } {
  return {
    variance: m2 - m1 * m1,
    mu4: m4 - 4 * m1 * m3 + 6 * m1 * m1 * m2 - 3 * m1 ** 4,
  };
}

export interface Theory {
  mean: number;
  variance: number;
  /** Fourth central moment E[(X − mean)⁴], which sets the standard error of the sample variance. */
  mu4: number;
}

export const SE_MULTIPLE = 5;

/**
 * Checks the sample mean and variance of n draws against theory, each within SE_MULTIPLE standard errors:
 * SE(mean) = sqrt(variance/n), SE(sample variance) = sqrt((mu4 − variance²)/n) (large-n form).
 */
export function expectMomentsMatch(xs: Float64Array, theory: Theory): void {
  const n = xs.length;
  const got = sampleMoments(xs);
  const seMean = Math.sqrt(theory.variance / n);
  const seVar = Math.sqrt((theory.mu4 - theory.variance ** 2) / n);
  expect(Math.abs(got.mean - theory.mean), `mean ${got.mean} vs ${theory.mean} (SE ${seMean})`).toBeLessThanOrEqual(
    SE_MULTIPLE * seMean,
  );
  expect(
    Math.abs(got.variance - theory.variance),
    `variance ${got.variance} vs ${theory.variance} (SE ${seVar})`,
  ).toBeLessThanOrEqual(SE_MULTIPLE * seVar);
}

/** Equality up to floating-point rounding, relative to the magnitude. */
export function expectRelClose(actual: number, expected: number, rel = 1e-12): void {
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(expected)));
}

export function factorial(j: number): number {
  let f = 1;
  for (let i = 2; i <= j; i++) f *= i;
  return f;
}
