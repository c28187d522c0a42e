import { describe, it, expect } from 'vitest';
import { mva, mvaApproxMultiserver, mvaLoadDependent } from '../../../sim-core/analytic';
import type { ClosedStation, LdStation } from '../../../sim-core/analytic';

/**
 * Machine repairman M/M/c//N: N customers think Exp(Z), then are served by c servers with mean D.
 * Birth-death chain on j = number at the station: up-rate (N-j)/Z, down-rate min(j, c)/D; the stationary
 * distribution is built in log space so it holds for any N.
 */
function repairman(c: number, d: number, z: number, n: number): { x: number; q: number } {
  const logW = [0];
  for (let j = 1; j <= n; j++) logW.push(logW[j - 1] + Math.log((n - j + 1) / z) - Math.log(Math.min(j, c) / d));
  const max = logW.reduce((a, b) => Math.max(a, b), -Infinity);
  let sum = 0;
  let x = 0;
  let q = 0;
  logW.forEach((lw, j) => {
    const w = Math.exp(lw - max);
    sum += w;
    x += (w * Math.min(j, c)) / d;
    q += w * j;
  });
  return { x: x / sum, q: q / sum };
}

/** Convolution algorithm (Buzen) over product-form factors: independent of any MVA recursion. */
function convolution(stations: LdStation[], z: number, n: number): { x: number; q: number[] } {
  const factor = (s: LdStation | 'think'): number[] => {
    const f = [1];
    for (let j = 1; j <= n; j++) {
      if (s === 'think') f.push((f[j - 1] * z) / j);
      else if (s.kind === 'queue') f.push(f[j - 1] * s.demand);
      else if (s.kind === 'delay') f.push((f[j - 1] * s.demand) / j);
      else f.push((f[j - 1] * s.demand) / Math.min(j, s.servers as number));
    }
    return f;
  };
  const conv = (a: number[], b: number[]) =>
    a.map((_, m) => b.slice(0, m + 1).reduce((s, bv, j) => s + bv * a[m - j], 0));
  const fs = [...stations.map(factor), factor('think')];
  const g = fs.reduce(conv);
  const q = stations.map((_, k) => {
    const gOthers = fs.filter((_, i) => i !== k).reduce(conv);
    return fs[k].reduce((s, fj, j) => s + j * fj * gOthers[n - j], 0) / g[n];
  });
  return { x: g[n - 1] / g[n], q };
}

const rel = (a: number, b: number) => Math.abs(a / b - 1);

describe('mvaLoadDependent', () => {
  it('equals plain MVA when every multiserver has one server', () => {
    const ld: LdStation[] = [
      { name: 'cpu', kind: 'multiserver', demand: 2, servers: 1 },
      { name: 'disk', kind: 'queue', demand: 1 },
      { name: 'net', kind: 'delay', demand: 0.5 },
    ];
    const plain: ClosedStation[] = [
      { name: 'cpu', kind: 'queue', demand: 2 },
      { name: 'disk', kind: 'queue', demand: 1 },
      { name: 'net', kind: 'delay', demand: 0.5 },
    ];
    for (let n = 0; n <= 50; n++) {
      const a = mvaLoadDependent(ld, n, 4);
      const b = mva(plain, n, 4);
      expect(a.throughput).toBeCloseTo(b.throughput, 13);
      a.stations.forEach((s, k) => expect(s.queueLength).toBeCloseTo(b.stations[k].queueLength, 11));
    }
  });

  it('equals the machine-repairman birth-death model (c = 4, N = 1..40)', () => {
    for (const z of [1, 10, 40]) {
      for (let n = 1; n <= 40; n++) {
        const e = repairman(4, 1, z, n);
        const r = mvaLoadDependent([{ name: 'cores', kind: 'multiserver', demand: 1, servers: 4 }], n, z);
        expect(rel(r.throughput, e.x)).toBeLessThan(1e-12);
        expect(rel(r.stations[0].queueLength, e.q)).toBeLessThan(1e-12);
        expect(rel(r.responseTime, e.q / e.x)).toBeLessThan(1e-12);
        expect(r.stations[0].utilization).toBeCloseTo(e.x / 4, 12);
      }
    }
  });

  it('stays exact deep into saturation, where the 1 - Σp recursion breaks down', () => {
    // Measured: the textbook 1 - Σp recursion leaves 1e-6 of the exact X at N = 72 for (c=4, Z=1) and
    // N = 92 for (c=16, Z=5); normalising and clamping the marginals fails even earlier there (N = 83).
    for (const [c, d, z] of [[2, 1, 0.5], [4, 1, 1], [16, 1, 5], [64, 1, 20]]) {
      for (const n of [50, 100, 300, 1000, 5000]) {
        const e = repairman(c, d, z, n);
        const r = mvaLoadDependent([{ name: 'm', kind: 'multiserver', demand: d, servers: c }], n, z);
        expect(rel(r.throughput, e.x)).toBeLessThan(1e-11);
        expect(rel(r.responseTime, e.q / e.x)).toBeLessThan(1e-10);
      }
    }
  });

  it('matches the convolution algorithm on a mixed network with two multiservers', () => {
    const net: LdStation[] = [
      { name: 'app', kind: 'multiserver', demand: 1.2, servers: 3 },
      { name: 'db', kind: 'multiserver', demand: 0.9, servers: 2 },
      { name: 'redis', kind: 'queue', demand: 0.3 },
      { name: 'lan', kind: 'delay', demand: 0.4 },
    ];
    for (let n = 1; n <= 30; n++) {
      const e = convolution(net, 2, n);
      const r = mvaLoadDependent(net, n, 2);
      expect(rel(r.throughput, e.x)).toBeLessThan(1e-11);
      r.stations.forEach((s, k) => expect(rel(s.queueLength, e.q[k])).toBeLessThan(1e-10));
      expect(r.stations.reduce((s, st) => s + st.queueLength, 0) + r.throughput * 2).toBeCloseTo(n, 9);
    }
    // Two multiservers alone with no think time: the sub-network without both is empty (X = ∞ there).
    const pair = net.slice(0, 2);
    for (let n = 1; n <= 20; n++) {
      const e = convolution(pair, 0, n);
      const r = mvaLoadDependent(pair, n, 0);
      expect(rel(r.throughput, e.x)).toBeLessThan(1e-11);
      r.stations.forEach((s, k) => expect(rel(s.queueLength, e.q[k])).toBeLessThan(1e-10));
    }
  });

  it('treats a multiserver with c ≥ N as a delay station', () => {
    const r = mvaLoadDependent(
      [
        { name: 'pool', kind: 'multiserver', demand: 3, servers: 8 },
        { name: 'db', kind: 'queue', demand: 1 },
      ],
      8,
      2,
    );
    const d = mva(
      [
        { name: 'pool', kind: 'delay', demand: 3 },
        { name: 'db', kind: 'queue', demand: 1 },
      ],
      8,
      2,
    );
    expect(r.throughput).toBeCloseTo(d.throughput, 13);
    expect(r.stations[0].residence).toBeCloseTo(3, 13);
    expect(r.stations[0].utilization).toBeCloseTo((d.throughput * 3) / 8, 13);
  });

  it('rejects invalid stations with RangeError', () => {
    expect(() => mvaLoadDependent([{ name: 'm', kind: 'multiserver', demand: 1 }], 3)).toThrow(/servers/);
    expect(() => mvaLoadDependent([{ name: 'm', kind: 'multiserver', demand: 1, servers: 0 }], 3)).toThrow(
      /stations\[0\]\.servers must be a whole number >= 1, got 0/,
    );
    expect(() => mvaLoadDependent([{ name: 'm', kind: 'queue', demand: -2 }], 3)).toThrow(RangeError);
    expect(() => mvaLoadDependent([{ name: 'm', kind: 'queue', demand: 1 }], 2.5)).toThrow(/population/);
  });
});

describe('mvaApproxMultiserver (Seidmann)', () => {
  it('is exact at N = 1 and at saturation, and within 20 % (never optimistic) in between', () => {
    for (const [c, z] of [[4, 10], [16, 5]]) {
      const st: LdStation[] = [{ name: 'm', kind: 'multiserver', demand: 1, servers: c }];
      expect(mvaApproxMultiserver(st, 1, z).responseTime).toBeCloseTo(1, 13);
      expect(mvaApproxMultiserver(st, 100_000, z).throughput).toBeCloseTo(c, 9);
      for (let n = 1; n <= 4 * c * (1 + z); n++) {
        const e = repairman(c, 1, z, n);
        const ratio = mvaApproxMultiserver(st, n, z).responseTime / (e.q / e.x);
        expect(ratio).toBeGreaterThan(1 - 1e-12);
        expect(ratio).toBeLessThan(1.2);
      }
    }
  });

  it('reports one merged entry per station', () => {
    const r = mvaApproxMultiserver(
      [
        { name: 'app', kind: 'multiserver', demand: 4, servers: 4 },
        { name: 'db', kind: 'queue', demand: 1 },
      ],
      10,
      1,
    );
    expect(r.stations.map((s) => s.name)).toEqual(['app', 'db']);
    expect(r.stations[0].utilization).toBeCloseTo(r.throughput, 13); // X·4/4
    expect(r.stations[0].queueLength + r.stations[1].queueLength + r.throughput).toBeCloseTo(10, 9);
  });
});
