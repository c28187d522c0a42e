// Every family: 200,000 seeded draws whose sample mean and variance match the exact theory within 5 standard
// errors, and the sampler's own mean/variance/scv equal to the same formulas.

import { describe, expect, it } from 'vitest';
import { compileDistribution, distributionSpecSchema, type DistributionSpec } from '../../../sim-core/kernel/distributions';
import { lognormalSigmaFromCv, lognormalSigmaFromP95 } from '../../../sim-core/kernel/distributions/lognormal';
import { balancedPhases } from '../../../sim-core/kernel/distributions/hyperexponential';
import { centralFromRaw, draw, expectMomentsMatch, expectRelClose, factorial, type Theory } from './sample-stats';

const N = 200_000;

/** Exponential with mean m: variance m², fourth central moment 9m⁴. */
function exponentialTheory(m: number): Theory {
  return { mean: m, variance: m * m, mu4: 9 * m ** 4 };
}

/** Erlang-k with mean m (phase scale θ = m/k): variance m²/k, fourth central moment 3k(k+2)θ⁴. */
function erlangTheory(m: number, k: number): Theory {
  const theta = m / k;
  return { mean: m, variance: (m * m) / k, mu4: 3 * k * (k + 2) * theta ** 4 };
}

/**
 * Lognormal with mean m and shape σ: median = m·e^{−σ²/2}, E[X^j] = median^j·e^{j²σ²/2},
 * so variance = (e^{σ²} − 1)·m².
 */
function lognormalTheory(m: number, sigma: number): Theory {
  const median = m * Math.exp((-sigma * sigma) / 2);
  const raw = (j: number) => median ** j * Math.exp((j * j * sigma * sigma) / 2);
  const { mu4 } = centralFromRaw(raw(1), raw(2), raw(3), raw(4));
  return { mean: m, variance: Math.expm1(sigma * sigma) * m * m, mu4 };
}

/** Hyperexponential with phases (p_i, m_i): E[X^j] = Σ p_i·j!·m_i^j, variance = Σ 2p_i·m_i² − mean². */
function hyperexponentialTheory(probs: number[], means: number[]): Theory {
  const raw = (j: number) => probs.reduce((acc, p, i) => acc + p * factorial(j) * means[i] ** j, 0);
  const { variance, mu4 } = centralFromRaw(raw(1), raw(2), raw(3), raw(4));
  return { mean: raw(1), variance, mu4 };
}

/** Uniform on [a, b): mean (a+b)/2, variance (b−a)²/12, fourth central moment (b−a)⁴/80. */
function uniformTheory(a: number, b: number): Theory {
  const w = b - a;
  return { mean: (a + b) / 2, variance: (w * w) / 12, mu4: w ** 4 / 80 };
}

/** Empirical with values v_i and weights w_i (W = Σw): mean Σw·v/W, variance Σw·(v − mean)²/W, μ4 likewise. */
function empiricalTheory(values: number[], weights: number[] = values.map(() => 1)): Theory {
  const total = weights.reduce((a, b) => a + b, 0);
  const mean = values.reduce((acc, v, i) => acc + weights[i] * v, 0) / total;
  const central = (j: number) => values.reduce((acc, v, i) => acc + weights[i] * (v - mean) ** j, 0) / total;
  return { mean, variance: central(2), mu4: central(4) };
}

const balancedCv = 2;
const balanced = balancedPhases(10, balancedCv);

const cases: { name: string; spec: DistributionSpec; theory: Theory; seed: number }[] = [
  { name: 'exponential', spec: { dist: 'exponential', mean: 20 }, theory: exponentialTheory(20), seed: 101 },
  { name: 'erlang k=3 (product of uniforms)', spec: { dist: 'erlang', mean: 12, k: 3 }, theory: erlangTheory(12, 3), seed: 102 },
  { name: 'erlang k=20 (largest product)', spec: { dist: 'erlang', mean: 5, k: 20 }, theory: erlangTheory(5, 20), seed: 103 },
  { name: 'erlang k=25 (sum of logs)', spec: { dist: 'erlang', mean: 5, k: 25 }, theory: erlangTheory(5, 25), seed: 104 },
  {
    name: 'lognormal from mean + cv',
    spec: { dist: 'lognormal', mean: 40, cv: 1 },
    theory: lognormalTheory(40, lognormalSigmaFromCv(1)),
    seed: 105,
  },
  {
    name: 'lognormal from mean + p95',
    spec: { dist: 'lognormal', mean: 100, p95: 250 },
    theory: lognormalTheory(100, lognormalSigmaFromP95(100, 250)),
    seed: 106,
  },
  {
    name: 'hyperexponential balanced (mean 10, cv 2)',
    spec: { dist: 'hyperexponential', mean: 10, cv: balancedCv },
    theory: hyperexponentialTheory(balanced.probs, balanced.means),
    seed: 107,
  },
  {
    name: 'hyperexponential explicit phases',
    spec: { dist: 'hyperexponential', probs: [0.7, 0.2, 0.1], means: [1, 5, 30] },
    theory: hyperexponentialTheory([0.7, 0.2, 0.1], [1, 5, 30]),
    seed: 108,
  },
  { name: 'uniform', spec: { dist: 'uniform', min: 2, max: 8 }, theory: uniformTheory(2, 8), seed: 109 },
  {
    name: 'empirical weighted',
    spec: { dist: 'empirical', values: [1, 2, 5, 20, 0], weights: [4, 3, 2, 1, 0.5] },
    theory: empiricalTheory([1, 2, 5, 20, 0], [4, 3, 2, 1, 0.5]),
    seed: 110,
  },
  {
    name: 'empirical unweighted',
    spec: { dist: 'empirical', values: [3, 3, 7, 11, 40, 2, 9] },
    theory: empiricalTheory([3, 3, 7, 11, 40, 2, 9]),
    seed: 111,
  },
];

describe('sample moments match theory', () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(distributionSpecSchema.safeParse(c.spec).success).toBe(true);
      const sampler = compileDistribution(c.spec);
      expectRelClose(sampler.mean, c.theory.mean);
      expectRelClose(sampler.variance, c.theory.variance, 1e-9);
      expectRelClose(sampler.scv, c.theory.variance / c.theory.mean ** 2, 1e-9);
      const xs = draw(sampler, c.seed, N);
      expect(xs.every((x) => Number.isFinite(x) && x >= 0)).toBe(true);
      expectMomentsMatch(xs, c.theory);
    });
  }

  it('balanced hyperexponential: phase means are balanced and the cv is the one asked for', () => {
    const { probs, means } = balanced;
    expectRelClose(probs[0] * means[0], probs[1] * means[1]);
    const sampler = compileDistribution({ dist: 'hyperexponential', mean: 10, cv: balancedCv });
    expectRelClose(sampler.scv, balancedCv ** 2, 1e-9);
  });

  it('hyperexponential with cv 1 is an exponential', () => {
    const sampler = compileDistribution({ dist: 'hyperexponential', mean: 7, cv: 1 });
    expectRelClose(sampler.variance, 49, 1e-12);
  });

  it('deterministic: every draw is the mean, variance 0, and the stream is not consumed', () => {
    const sampler = compileDistribution({ dist: 'deterministic', mean: 3.5 });
    expect(sampler.mean).toBe(3.5);
    expect(sampler.variance).toBe(0);
    expect(sampler.scv).toBe(0);
    const xs = draw(sampler, 112, N);
    expect(xs.every((x) => x === 3.5)).toBe(true);
    const zero = compileDistribution({ dist: 'deterministic', mean: 0 });
    expect(zero.scv).toBe(0);
  });

  it('empirical with a single value always returns it', () => {
    const xs = draw(compileDistribution({ dist: 'empirical', values: [4.25] }), 113, 10_000);
    expect(xs.every((x) => x === 4.25)).toBe(true);
  });

  it('empirical: each value is drawn in proportion to its weight, within 5 binomial standard errors', () => {
    const values = [10, 20, 30, 40];
    const weights = [0.1, 0, 0.6, 0.3];
    const xs = draw(compileDistribution({ dist: 'empirical', values, weights }), 114, N);
    for (let i = 0; i < values.length; i++) {
      const count = xs.filter((x) => x === values[i]).length;
      const p = weights[i];
      const se = Math.sqrt((p * (1 - p)) / N);
      expect(Math.abs(count / N - p)).toBeLessThanOrEqual(5 * se + 1e-12);
    }
  });
});
