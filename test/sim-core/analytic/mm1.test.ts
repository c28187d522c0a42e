import { describe, it, expect } from 'vitest';
import { mm1, mm1ResponseQuantile } from '../../../sim-core/analytic';
import type { QueueMetrics } from '../../../sim-core/analytic';

/** Little's law L = λW, for the queue and for the whole system. */
function expectLittle(m: QueueMetrics, lambda: number): void {
  expect(m.meanInQueue).toBeCloseTo(lambda * m.meanWait, 12);
  expect(m.meanInSystem).toBeCloseTo(lambda * m.meanResponse, 12);
}

describe('mm1', () => {
  // Hand values: R = 1/(μ-λ), W = ρ/(μ-λ), L = ρ/(1-ρ), Lq = ρ²/(1-ρ).
  const cases = [
    // ρ = 0.5: R = 1/(2-1) = 1, W = 0.5, L = 0.5/0.5 = 1, Lq = 0.25/0.5 = 0.5
    { lambda: 1, mu: 2, rho: 0.5, R: 1, W: 0.5, L: 1, Lq: 0.5 },
    // ρ = 0.8: R = 1/(10-8) = 0.5, W = 0.8·0.5 = 0.4, L = 0.8/0.2 = 4, Lq = 0.64/0.2 = 3.2
    { lambda: 8, mu: 10, rho: 0.8, R: 0.5, W: 0.4, L: 4, Lq: 3.2 },
    // ρ = 0.95: R = 1/(20-19) = 1, W = 0.95, L = 0.95/0.05 = 19, Lq = 0.9025/0.05 = 18.05
    { lambda: 19, mu: 20, rho: 0.95, R: 1, W: 0.95, L: 19, Lq: 18.05 },
  ];
  for (const c of cases) {
    it(`matches the closed forms at rho = ${c.rho}`, () => {
      const m = mm1(c.lambda, c.mu);
      expect(m.rho).toBeCloseTo(c.rho, 14);
      expect(m.meanResponse).toBeCloseTo(c.R, 12);
      expect(m.meanWait).toBeCloseTo(c.W, 12);
      expect(m.meanInSystem).toBeCloseTo(c.L, 10);
      expect(m.meanInQueue).toBeCloseTo(c.Lq, 10);
      expect(m.probWait).toBeCloseTo(c.rho, 14);
      expect(m.throughput).toBe(c.lambda);
      expectLittle(m, c.lambda);
    });
  }

  it('gives exponential response-time quantiles', () => {
    // R ~ Exp(μ-λ = 1): median ln 2, p99 ln 100.
    expect(mm1ResponseQuantile(1, 2, 0.5)).toBeCloseTo(Math.LN2, 14);
    expect(mm1ResponseQuantile(1, 2, 0.99)).toBeCloseTo(Math.log(100), 12);
    // μ-λ = 2: p95 = ln(20)/2 = 1.4978661367769954
    expect(mm1ResponseQuantile(8, 10, 0.95)).toBeCloseTo(1.4978661367769954, 12);
    expect(mm1ResponseQuantile(8, 10, 0)).toBe(0);
  });

  it('rejects unstable and invalid inputs with RangeError', () => {
    expect(() => mm1(2, 2)).toThrow(RangeError);
    expect(() => mm1(2, 2)).toThrow(/unstable.*rho = 1\b/);
    expect(() => mm1(3, 2)).toThrow(/unstable.*rho = 1\.5/);
    expect(() => mm1(0, 2)).toThrow(/lambda.*> 0, got 0/);
    expect(() => mm1(1, -1)).toThrow(/mu.*> 0, got -1/);
    expect(() => mm1(Number.NaN, 1)).toThrow(RangeError);
    expect(() => mm1(1, Infinity)).toThrow(RangeError);
    expect(() => mm1ResponseQuantile(1, 2, 1)).toThrow(/p must be a probability in \[0, 1\)/);
    expect(() => mm1ResponseQuantile(1, 2, -0.1)).toThrow(RangeError);
    expect(() => mm1ResponseQuantile(2, 1, 0.5)).toThrow(/unstable/);
  });
});
