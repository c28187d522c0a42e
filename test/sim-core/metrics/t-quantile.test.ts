import { describe, expect, it } from 'vitest';
import { normalQuantile, studentTQuantile } from '../../../sim-core/metrics/t-quantile';

describe('studentTQuantile', () => {
  it('reproduces the printed two-sided 95 % table', () => {
    const table: [number, number][] = [[1, 12.706], [2, 4.303], [9, 2.262], [19, 2.093], [30, 2.042], [Infinity, 1.96]];
    for (const [df, v] of table) expect(studentTQuantile(0.975, df)).toBeCloseTo(v, 3);
  });

  it('agrees with 15-digit reference values to 1e-9', () => {
    const ref: [number, number, number][] = [
      [0.975, 1, 12.7062047361747],
      [0.975, 2, 4.30265272974946],
      [0.975, 9, 2.2621571627982],
      [0.975, 19, 2.09302405440831],
      [0.975, 30, 2.04227245630124],
      [0.95, 10, 1.81246112281168],
      [0.975, Infinity, 1.95996398454005],
    ];
    for (const [p, df, v] of ref) expect(Math.abs(studentTQuantile(p, df) - v)).toBeLessThan(1e-9);
  });

  it('inverts closed-form CDFs (df = 3) and quantiles (df = 4) to 1e-10', () => {
    // df = 3: F(t) = 1/2 + (1/π)·[ (t/√3)/(1 + t²/3) + atan(t/√3) ]
    const f3 = (t: number): number => 0.5 + (t / Math.sqrt(3) / (1 + (t * t) / 3) + Math.atan(t / Math.sqrt(3))) / Math.PI;
    // df = 4: t = sign(p − ½)·2·√(q − 1), q = cos(⅓·acos(√α))/√α, α = 4p(1 − p)
    const q4 = (p: number): number => {
      const a = 4 * p * (1 - p);
      const q = Math.cos(Math.acos(Math.sqrt(a)) / 3) / Math.sqrt(a);
      return Math.sign(p - 0.5) * 2 * Math.sqrt(q - 1);
    };
    for (const p of [0.001, 0.025, 0.1, 0.3, 0.6, 0.9, 0.975, 0.999]) {
      expect(Math.abs(f3(studentTQuantile(p, 3)) - p)).toBeLessThan(1e-10);
      expect(Math.abs(studentTQuantile(p, 4) - q4(p))).toBeLessThan(1e-9);
    }
  });

  it('is antisymmetric about ½ and decreases towards the normal as df grows', () => {
    for (const df of [1, 2, 3, 7.5, 50, 1e4, 1e7]) {
      for (const p of [0.6, 0.9, 0.99, 0.9999]) {
        expect(studentTQuantile(1 - p, df)).toBeCloseTo(-studentTQuantile(p, df), 10);
      }
      expect(studentTQuantile(0.5, df)).toBe(0);
    }
    let prev = Infinity;
    for (const df of [1, 2, 5, 10, 100, 1e3, 2999, 3001, 1e5, 1e9, Infinity]) {
      const t = studentTQuantile(0.975, df);
      expect(t).toBeLessThanOrEqual(prev + 1e-12);
      prev = t;
    }
    // The exact-CDF and asymptotic branches meet seamlessly at df = 3000 (moving df by 1e-7 moves t by < 1e-11).
    for (const p of [1e-10, 0.001, 0.975]) {
      expect(Math.abs(studentTQuantile(p, 3000 - 1e-7) - studentTQuantile(p, 3000))).toBeLessThan(1e-10);
    }
  });

  it('handles the edges', () => {
    expect(studentTQuantile(1, 5)).toBe(Infinity);
    expect(studentTQuantile(0, 5)).toBe(-Infinity);
    expect(studentTQuantile(NaN, 5)).toBeNaN();
    expect(() => studentTQuantile(0.9, 0)).toThrow(RangeError);
  });
});

describe('normalQuantile', () => {
  it('is accurate where simple-statistics probit is only approximate', () => {
    expect(Math.abs(normalQuantile(0.9) - 1.2815515655446004)).toBeLessThan(1e-12);
    expect(Math.abs(normalQuantile(0.975) - 1.959963984540054)).toBeLessThan(1e-12);
    expect(Math.abs(normalQuantile(1e-10) + 6.361340902404056)).toBeLessThan(1e-9);
  });
});
