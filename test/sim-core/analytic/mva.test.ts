import { describe, it, expect } from 'vitest';
import { mva, mvaCurve } from '../../../sim-core/analytic';
import type { ClosedStation } from '../../../sim-core/analytic';

const cpuDisk: ClosedStation[] = [
  { name: 'cpu', kind: 'queue', demand: 2 },
  { name: 'disk', kind: 'queue', demand: 1 },
];

describe('mva', () => {
  it('gives response = demand for one request', () => {
    const r = mva([{ name: 'app', kind: 'queue', demand: 0.3 }], 1, 2);
    expect(r.responseTime).toBeCloseTo(0.3, 15);
    // X = 1/(D + Z) = 1/2.3
    expect(r.throughput).toBeCloseTo(1 / 2.3, 15);
  });

  it('matches a two-station example worked by hand (Z = 0)', () => {
    // N=1: R = (2, 1), ΣR = 3, X = 1/3, Q = (2/3, 1/3)
    // N=2: R = (2·(1+2/3), 1·(1+1/3)) = (10/3, 4/3), ΣR = 14/3, X = 3/7, Q = (10/7, 4/7)
    // N=3: R = (2·(1+10/7), 1+4/7) = (34/7, 11/7), ΣR = 45/7, X = 7/15, Q = (34/15, 11/15)
    const expected = [
      { X: 1 / 3, R: [2, 1], Q: [2 / 3, 1 / 3] },
      { X: 3 / 7, R: [10 / 3, 4 / 3], Q: [10 / 7, 4 / 7] },
      { X: 7 / 15, R: [34 / 7, 11 / 7], Q: [34 / 15, 11 / 15] },
    ];
    expected.forEach((e, i) => {
      const r = mva(cpuDisk, i + 1);
      expect(r.population).toBe(i + 1);
      expect(r.throughput).toBeCloseTo(e.X, 14);
      expect(r.responseTime).toBeCloseTo(e.R[0] + e.R[1], 13);
      r.stations.forEach((s, k) => {
        expect(s.residence).toBeCloseTo(e.R[k], 13);
        expect(s.queueLength).toBeCloseTo(e.Q[k], 13);
        expect(s.utilization).toBeCloseTo(e.X * cpuDisk[k].demand, 13);
      });
    });
  });

  it('matches the same example with think time Z = 3, worked by hand', () => {
    // N=1: ΣR = 3, X = 1/(3+3) = 1/6, Q = (2/6, 1/6)
    // N=2: R = (2·(4/3), 7/6) = (8/3, 7/6), ΣR = 23/6, X = 2/(23/6 + 3) = 12/41
    const r2 = mva(cpuDisk, 2, 3);
    expect(mva(cpuDisk, 1, 3).throughput).toBeCloseTo(1 / 6, 15);
    expect(r2.throughput).toBeCloseTo(12 / 41, 14);
    expect(r2.responseTime).toBeCloseTo(23 / 6, 13);
    expect(r2.stations[0].queueLength).toBeCloseTo(32 / 41, 13);
    expect(r2.stations[1].queueLength).toBeCloseTo(14 / 41, 13);
  });

  it('respects the asymptotic bounds and conserves the population', () => {
    const stations: ClosedStation[] = [
      { name: 'web', kind: 'queue', demand: 0.004 },
      { name: 'app', kind: 'queue', demand: 0.012 },
      { name: 'db', kind: 'queue', demand: 0.009 },
      { name: 'net', kind: 'delay', demand: 0.02 },
    ];
    const z = 1.5;
    const d = 0.045;
    const dMax = 0.012;
    const curve = mvaCurve(stations, 400, z);
    expect(curve).toHaveLength(400);
    curve.forEach((r, i) => {
      const n = i + 1;
      expect(r.population).toBe(n);
      // Optimistic: X ≤ min(N/(D+Z), 1/Dmax); pessimistic (balanced-job style): X ≥ N/(N·D + Z).
      expect(r.throughput).toBeLessThanOrEqual(Math.min(n / (d + z), 1 / dMax) * (1 + 1e-12));
      expect(r.throughput).toBeGreaterThanOrEqual((n / (n * d + z)) * (1 - 1e-12));
      // Little over the whole loop: customers at stations + thinking = N.
      const atStations = r.stations.reduce((s, st) => s + st.queueLength, 0);
      expect(atStations + r.throughput * z).toBeCloseTo(n, 9);
      expect(r.stations[3].residence).toBe(0.02);
    });
    expect(curve[199]).toEqual(mva(stations, 200, z));
  });

  it('approaches X = 1/Dmax for a large population, quickly', () => {
    const stations: ClosedStation[] = Array.from({ length: 50 }, (_, k) => ({
      name: `s${k}`,
      kind: k % 5 === 0 ? 'delay' : 'queue',
      demand: 1 + (k % 7) / 10,
    }));
    const t0 = performance.now();
    const r = mva(stations, 100_000, 10);
    expect(performance.now() - t0).toBeLessThan(2000);
    // Six queues share Dmax = 1.6, so the gap to 1/Dmax closes like (6 - 1)/N: a few 1e-5 here.
    expect(r.throughput).toBeLessThan(1 / 1.6);
    expect(r.throughput * 1.6).toBeGreaterThan(1 - 1e-4);
    expect(mva(cpuDisk, 100_000).throughput).toBeCloseTo(0.5, 12);
  });

  it('returns an empty network for population 0', () => {
    const r = mva(cpuDisk, 0);
    expect(r.throughput).toBe(0);
    expect(r.responseTime).toBe(0);
    expect(mvaCurve(cpuDisk, 0)).toEqual([]);
  });

  it('rejects invalid inputs with RangeError', () => {
    expect(() => mva(cpuDisk, 1.5)).toThrow(/population must be a whole number >= 0, got 1.5/);
    expect(() => mva(cpuDisk, -1)).toThrow(RangeError);
    expect(() => mva(cpuDisk, 3, -1)).toThrow(/thinkTime.*>= 0/);
    expect(() => mva([{ name: 'x', kind: 'queue', demand: -1 }], 3)).toThrow(/stations\[0\]\.demand/);
    expect(() => mva([{ name: 'x', kind: 'queue', demand: 0 }], 3)).toThrow(/must be > 0/);
    expect(() => mva([{ name: 'x', kind: 'fifo' as 'queue', demand: 1 }], 3)).toThrow(/kind/);
  });
});
