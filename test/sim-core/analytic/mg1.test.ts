import { describe, it, expect } from 'vitest';
import { mg1, mm1 } from '../../../sim-core/analytic';

describe('mg1 (Pollaczek–Khinchine)', () => {
  it('equals M/M/1 when the service is exponential (scv = 1)', () => {
    for (const [lambda, mu] of [[1, 2], [8, 10], [19, 20]]) {
      const g = mg1(lambda, 1 / mu, 1);
      const m = mm1(lambda, mu);
      for (const key of Object.keys(m) as (keyof typeof m)[]) {
        expect(g[key]).toBeCloseTo(m[key], 10);
      }
    }
  });

  it('gives the M/D/1 mean wait ρ/(2μ(1-ρ))', () => {
    // ρ = 0.5, μ = 1: 0.5/(2·1·0.5) = 0.5
    expect(mg1(0.5, 1, 0).meanWait).toBeCloseTo(0.5, 14);
    // ρ = 0.9, μ = 1: 0.9/(2·0.1) = 4.5
    expect(mg1(0.9, 1, 0).meanWait).toBeCloseTo(4.5, 12);
    // ρ = 0.8 with mean service 5 ms (μ = 0.2/ms, λ = 0.16/ms): 0.8/(2·0.2·0.2) = 10 ms
    const d = mg1(0.16, 5, 0);
    expect(d.meanWait).toBeCloseTo(10, 12);
    expect(d.meanResponse).toBeCloseTo(15, 12);
  });

  it('scales the wait with (1 + scv)/2 and obeys Little', () => {
    // λ = 0.5, E[S] = 1, scv = 4: E[S²] = 5, W = 0.5·5/(2·0.5) = 2.5, Lq = 1.25, L = 0.5·3.5 = 1.75
    const h = mg1(0.5, 1, 4);
    expect(h.meanWait).toBeCloseTo(2.5, 14);
    expect(h.meanInQueue).toBeCloseTo(1.25, 14);
    expect(h.meanInSystem).toBeCloseTo(1.75, 14);
    expect(h.probWait).toBeCloseTo(0.5, 14);
  });

  it('rejects unstable and invalid inputs with RangeError', () => {
    expect(() => mg1(1, 1, 0)).toThrow(/unstable.*rho = 1\b/);
    expect(() => mg1(0, 1, 0)).toThrow(/lambda.*> 0/);
    expect(() => mg1(1, 0, 0)).toThrow(/meanService.*> 0/);
    expect(() => mg1(0.5, 1, -0.5)).toThrow(/scv.*>= 0, got -0.5/);
  });
});
