import { describe, it, expect } from 'vitest';
import {
  erlangB,
  erlangC,
  mm1,
  mm1ResponseQuantile,
  mmc,
  mmcResponseQuantile,
  mmcWaitQuantile,
} from '../../../sim-core/analytic';

/** Erlang C by the textbook direct sum with factorials (fine for small c): an independent method. */
function erlangCDirect(c: number, a: number): number {
  let term = 1; // a^k/k!
  let sum = 0;
  for (let k = 0; k < c; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  const top = (term * c) / (c - a);
  return top / (sum + top);
}

/** Erlang C in log space (log-sum-exp over ln(a^k/k!)): independent of the Erlang B recursion, any c. */
function erlangCLog(c: number, a: number): number {
  const logs: number[] = [];
  let l = 0;
  for (let k = 0; k < c; k++) {
    logs.push(l);
    l += Math.log(a) - Math.log(k + 1);
  }
  const logTop = l + Math.log(c / (c - a));
  const max = Math.max(logTop, ...logs);
  const sum = logs.reduce((s, v) => s + Math.exp(v - max), 0);
  const top = Math.exp(logTop - max);
  return top / (sum + top);
}

/** Response-time CDF by numerical convolution (Simpson) of the wait distribution with Exp(μ) service. */
function responseCdfNumeric(lambda: number, mu: number, c: number, t: number): number {
  const pw = erlangCDirect(c, lambda / mu);
  const theta = c * mu - lambda;
  const f = (s: number) => theta * Math.exp(-theta * s) * (1 - Math.exp(-mu * (t - s)));
  const n = 4000;
  const h = t / n;
  let acc = f(0) + f(t);
  for (let i = 1; i < n; i++) acc += (i % 2 ? 4 : 2) * f(i * h);
  return (1 - pw) * (1 - Math.exp(-mu * t)) + pw * ((acc * h) / 3);
}

describe('erlangB / erlangC', () => {
  it('matches hand values and published tables', () => {
    // c = 2, a = 1: B = (1/2)/(1 + 1 + 1/2) = 0.2; C = B/(1 - ρ(1 - B)) = 0.2/(1 - 0.5·0.8) = 1/3
    expect(erlangB(2, 1)).toBeCloseTo(0.2, 15);
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 15);
    // Erlang B tables: B(5, 2 E) = (32/120)/7.2666… = 0.036697, B(10, 5 E) = 0.018385
    expect(erlangB(5, 2)).toBeCloseTo(0.036697, 6);
    expect(erlangB(10, 5)).toBeCloseTo(0.018385, 6);
    // Erlang C(10, 8 E) = 0.40918 (tables), and by the factorial formula
    expect(erlangC(10, 8)).toBeCloseTo(0.40918, 5);
    expect(erlangC(10, 8)).toBeCloseTo(erlangCDirect(10, 8), 13);
    expect(erlangB(3, 0)).toBe(0);
  });

  it('agrees with the factorial and log-space formulas over a grid', () => {
    for (const c of [1, 2, 3, 5, 8, 13, 20, 32]) {
      for (const rho of [0.1, 0.5, 0.8, 0.95, 0.999]) {
        const a = c * rho;
        expect(erlangC(c, a)).toBeCloseTo(erlangCDirect(c, a), 12);
        expect(erlangC(c, a)).toBeCloseTo(erlangCLog(c, a), 12);
      }
    }
  });

  it('stays finite and exact for c = 32..1000 near saturation', () => {
    for (const c of [32, 100, 500, 1000]) {
      for (const rho of [0.5, 0.9, 0.99]) {
        const pw = erlangC(c, c * rho);
        expect(Number.isFinite(pw)).toBe(true);
        expect(pw).toBeGreaterThanOrEqual(0);
        expect(pw).toBeLessThanOrEqual(1);
        expect(Math.abs(pw - erlangCLog(c, c * rho))).toBeLessThan(1e-11);
      }
    }
    const m = mmc(990, 1, 1000);
    expect(Number.isFinite(m.meanResponse)).toBe(true);
    expect(m.probWait).toBeGreaterThan(0);
    expect(m.probWait).toBeLessThan(1);
    expect(Number.isFinite(mmcResponseQuantile(990, 1, 1000, 0.999))).toBe(true);
  });
});

describe('mmc', () => {
  it('matches a hand-calculated M/M/2', () => {
    // λ = 1, μ = 1, c = 2: C = 1/3, W = C/(cμ - λ) = 1/3, R = W + 1/μ = 4/3, Lq = λW = 1/3, L = 4/3
    const m = mmc(1, 1, 2);
    expect(m.rho).toBeCloseTo(0.5, 15);
    expect(m.probWait).toBeCloseTo(1 / 3, 14);
    expect(m.meanWait).toBeCloseTo(1 / 3, 14);
    expect(m.meanResponse).toBeCloseTo(4 / 3, 14);
    expect(m.meanInQueue).toBeCloseTo(1 / 3, 14);
    expect(m.meanInSystem).toBeCloseTo(4 / 3, 14);
  });

  it('equals M/M/1 for one server and obeys Little', () => {
    for (const [lambda, mu] of [[1, 2], [8, 10], [19, 20]]) {
      const a = mmc(lambda, mu, 1);
      const b = mm1(lambda, mu);
      for (const key of Object.keys(b) as (keyof typeof b)[]) expect(a[key]).toBeCloseTo(b[key], 10);
      expect(a.meanInSystem).toBeCloseTo(lambda * a.meanResponse, 12);
      expect(a.meanInQueue).toBeCloseTo(lambda * a.meanWait, 12);
    }
  });

  it('gives waiting-time quantiles from P(W > t) = C·e^{-(cμ-λ)t}', () => {
    // c = 2, λ = μ = 1: C = 1/3, θ = 1. p ≤ 2/3 ⇒ 0; p = 0.9 ⇒ t = ln((1/3)/0.1) = ln(10/3)
    expect(mmcWaitQuantile(1, 1, 2, 0.5)).toBe(0);
    expect(mmcWaitQuantile(1, 1, 2, 2 / 3)).toBe(0);
    expect(mmcWaitQuantile(1, 1, 2, 0.9)).toBeCloseTo(Math.log(10 / 3), 13);
  });
});

describe('mmcResponseQuantile', () => {
  it('equals the M/M/1 quantile for c = 1', () => {
    for (const [lambda, mu] of [[1, 2], [8, 10], [19, 20]]) {
      for (const p of [0.01, 0.5, 0.9, 0.99, 0.999]) {
        const q = mmcResponseQuantile(lambda, mu, 1, p);
        expect(Math.abs(q / mm1ResponseQuantile(lambda, mu, p) - 1)).toBeLessThan(1e-9);
      }
    }
  });

  // (λ, μ, c): includes cμ - λ = μ exactly (2·1 - 1 = 1) and within 1e-9 of it, where the closed form
  // has a removable singularity.
  const cases = [
    [1, 1, 2],
    [1 + 1e-9, 1, 2],
    [6, 1, 8],
    [28.8, 1, 32],
    [0.5, 2, 4],
    [2.9, 1, 3],
  ];
  for (const [lambda, mu, c] of cases) {
    it(`is monotone and inverts the CDF (λ=${lambda}, μ=${mu}, c=${c})`, () => {
      let prev = 0;
      for (const p of [0.001, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999]) {
        const t = mmcResponseQuantile(lambda, mu, c, p);
        expect(t).toBeGreaterThan(prev);
        prev = t;
        expect(Math.abs(responseCdfNumeric(lambda, mu, c, t) - p)).toBeLessThan(1e-9);
      }
    });
  }

  it('matches the Erlang-2 closed form at cμ - λ = μ', () => {
    // c = 2, λ = μ = 1: P(T > t) = (2/3)e^{-t} + (1/3)e^{-t}(1 + t) = e^{-t}(1 + t/3).
    for (const p of [0.5, 0.95]) {
      const t = mmcResponseQuantile(1, 1, 2, p);
      expect(Math.abs(Math.exp(-t) * (1 + t / 3) - (1 - p))).toBeLessThan(1e-10);
    }
  });
});

describe('errors', () => {
  it('rejects unstable queues and invalid parameters with RangeError', () => {
    expect(() => mmc(2, 1, 2)).toThrow(/unstable.*rho = 1\b/);
    expect(() => mmc(3, 1, 2)).toThrow(/unstable.*rho = 1\.5/);
    expect(() => erlangC(2, 2)).toThrow(/unstable/);
    expect(() => mmc(1, 1, 2.5)).toThrow(/servers must be a whole number >= 1, got 2.5/);
    expect(() => mmc(1, 1, 0)).toThrow(RangeError);
    expect(() => mmc(-1, 1, 2)).toThrow(/lambda.*> 0/);
    expect(() => mmc(1, 0, 2)).toThrow(/mu.*> 0/);
    expect(() => erlangB(2, -1)).toThrow(/offeredLoad/);
    expect(() => mmcWaitQuantile(1, 1, 2, 1)).toThrow(/p must be a probability/);
    expect(() => mmcResponseQuantile(1, 1, 2, 1.5)).toThrow(RangeError);
  });
});
