// scaled(f): the CPU speed factor. Same family, every draw × f, so the mean × f and the variance × f².

import { describe, expect, it } from 'vitest';
import { compileDistribution, distributionSpecSchema, type DistributionSpec } from '../../../sim-core/kernel/distributions';
import { draw, expectRelClose } from './sample-stats';

const specs: DistributionSpec[] = [
  { dist: 'deterministic', mean: 3 },
  { dist: 'exponential', mean: 20 },
  { dist: 'erlang', mean: 12, k: 4 },
  { dist: 'erlang', mean: 12, k: 30 },
  { dist: 'lognormal', mean: 100, p95: 250 },
  { dist: 'lognormal', mean: 10, p95: 10 * 3.868 },
  { dist: 'lognormal', mean: 40, cv: 1 },
  { dist: 'hyperexponential', mean: 10, cv: 2 },
  { dist: 'hyperexponential', probs: [0.7, 0.2, 0.1], means: [1, 5, 30] },
  { dist: 'uniform', min: 2, max: 8 },
  { dist: 'empirical', values: [1, 2, 5, 20], weights: [4, 3, 2, 1] },
  { dist: 'empirical', values: [1, 2, 5, 20] },
];

describe('scaled', () => {
  for (const spec of specs) {
    it(`${JSON.stringify(spec)}: scaled(2) doubles the mean and every draw, quadruples the variance`, () => {
      const base = compileDistribution(spec);
      const twice = base.scaled(2);
      expectRelClose(twice.mean, 2 * base.mean);
      expectRelClose(twice.variance, 4 * base.variance, 1e-12);
      expectRelClose(twice.scv, base.scv, 1e-12);
      expect(twice.spec.dist).toBe(spec.dist);
      expect(distributionSpecSchema.safeParse(twice.spec).success).toBe(true);
      const a = draw(base, 77, 1000);
      const b = draw(twice, 77, 1000);
      for (let i = 0; i < a.length; i++) expectRelClose(b[i], 2 * a[i], 1e-12);
      // The original is untouched.
      expect(base.spec).toEqual(spec);
    });
  }

  it('keeps the draw-for-draw relation at a non-power-of-two factor', () => {
    const base = compileDistribution({ dist: 'lognormal', mean: 30, p95: 70 });
    const slow = base.scaled(1.37);
    const a = draw(base, 5, 1000);
    const b = draw(slow, 5, 1000);
    for (let i = 0; i < a.length; i++) expectRelClose(b[i], 1.37 * a[i], 1e-12);
  });

  it('rejects factors that are not finite and > 0', () => {
    const s = compileDistribution({ dist: 'exponential', mean: 1 });
    for (const f of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => s.scaled(f)).toThrow(/expected a finite number > 0/);
    }
  });
});
