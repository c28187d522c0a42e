import { describe, expect, it } from 'vitest';
import { createRng, Xoshiro128 } from '../../../sim-core/kernel/prng';

/**
 * Reference xoshiro128** step (Blackman & Vigna) in BigInt arithmetic modulo 2^32: independent of the
 * Math.imul / |0 tricks of the implementation under test.
 */
const M32 = (1n << 32n) - 1n;
function refRotl(x: bigint, k: bigint): bigint {
  return ((x << k) | (x >> (32n - k))) & M32;
}
function refXoshiro(s: bigint[]): bigint {
  const result = (refRotl((s[1] * 5n) & M32, 7n) * 9n) & M32;
  const t = (s[1] << 9n) & M32;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = refRotl(s[3], 11n);
  return result;
}

type State = { a: number; b: number; c: number; d: number };
const stateOf = (r: Xoshiro128) => r as unknown as State;

/**
 * Upper quantile of chi-square with k degrees of freedom by the Wilson–Hilferty approximation:
 * χ²_p ≈ k·(1 − 2/(9k) + z_p·√(2/(9k)))³. For k = 99 and z_0.999 = 3.0902: 99·(1.144163)³ ≈ 148.3.
 */
function chiSquareQuantile(k: number, z: number): number {
  const v = 2 / (9 * k);
  return k * (1 - v + z * Math.sqrt(v)) ** 3;
}

describe('Xoshiro128 PRNG', () => {
  it('implements xoshiro128** exactly (BigInt reference, and the first outputs from state 1,2,3,4 by hand)', () => {
    const r = new Xoshiro128(1);
    Object.assign(stateOf(r), { a: 1, b: 2, c: 3, d: 4 });
    // Output 1: rotl(2·5, 7)·9 = 1280·9 = 11520. The step then sets s1 = 2 ^ (3 ^ 1) = 0, so output 2 = 0.
    expect(r.nextUint32()).toBe(11520);
    expect(r.nextUint32()).toBe(0);
    // 10k further outputs from a seeded state against the BigInt reference.
    const g = createRng(987654321);
    const st = stateOf(g);
    const s = [st.a, st.b, st.c, st.d].map((x) => BigInt(x >>> 0));
    let mismatches = 0;
    for (let i = 0; i < 10_000; i++) if (BigInt(g.nextUint32()) !== refXoshiro(s)) mismatches++;
    expect(mismatches).toBe(0);
  });

  it('next() assembles 53 bits from two 32-bit outputs: (u1>>>5)·2^26 + (u2>>>6), over 2^53', () => {
    const a = createRng(77);
    const b = createRng(77);
    for (let i = 0; i < 1000; i++) {
      const u1 = b.nextUint32();
      const u2 = b.nextUint32();
      const want = ((u1 >>> 5) * 2 ** 26 + (u2 >>> 6)) / 2 ** 53;
      if (!Object.is(a.next(), want)) expect(a.next()).toBe(want);
    }
  });

  it('same seed gives bit-identical streams (10k draws of each kind)', () => {
    const a = createRng(12345);
    const b = createRng(12345);
    let diff = 0;
    for (let i = 0; i < 10_000; i++) {
      if (!Object.is(a.next(), b.next())) diff++;
      if (!Object.is(a.nextOpen(), b.nextOpen())) diff++;
      if (!Object.is(a.nextInt(1000), b.nextInt(1000))) diff++;
    }
    expect(diff).toBe(0);
  });

  it('different seeds give different streams (small seeds, seeds above 2^32)', () => {
    const seeds = [0, 1, 2, 3, 42, 2 ** 32 + 5, 2 ** 40 + 1];
    const firsts = seeds.map((s) => {
      const r = createRng(s);
      return Array.from({ length: 100 }, () => r.next());
    });
    for (let i = 0; i < seeds.length; i++) {
      for (let j = i + 1; j < seeds.length; j++) {
        const same = firsts[i].filter((x, k) => x === firsts[j][k]).length;
        expect(same, `seeds ${seeds[i]} and ${seeds[j]}`).toBe(0);
      }
    }
    expect(() => createRng(NaN)).toThrow();
    expect(() => createRng(Infinity)).toThrow();
  });

  it('next() is in [0,1), nextOpen() in (0,1], and 1e6 draws are uniform over 100 bins (chi-square)', () => {
    const r = createRng(2024);
    const N = 1_000_000;
    const BINS = 100;
    const counts = new Float64Array(BINS);
    const countsOpen = new Float64Array(BINS);
    let outOfRange = 0;
    let sum = 0;
    for (let i = 0; i < N; i++) {
      const u = r.next();
      if (!(u >= 0 && u < 1)) outOfRange++;
      counts[Math.floor(u * BINS)]++;
      sum += u;
      const v = r.nextOpen();
      if (!(v > 0 && v <= 1)) outOfRange++;
      countsOpen[Math.ceil(v * BINS) - 1]++;
    }
    expect(outOfRange).toBe(0);
    // Mean of U(0,1) is 1/2 with standard error √(1/12/N) ≈ 2.9e-4; allow 5 standard errors.
    expect(Math.abs(sum / N - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / N));
    const expected = N / BINS;
    const chi2 = (c: Float64Array) => c.reduce((acc, o) => acc + (o - expected) ** 2 / expected, 0);
    const upper = chiSquareQuantile(BINS - 1, 3.0902); // 0.999 quantile, ≈ 148.3
    const lower = chiSquareQuantile(BINS - 1, -3.0902); // 0.001 quantile, ≈ 61.1: not suspiciously even either
    expect(upper).toBeCloseTo(148.2, 0);
    expect(chi2(counts)).toBeLessThan(upper);
    expect(chi2(counts)).toBeGreaterThan(lower);
    expect(chi2(countsOpen)).toBeLessThan(upper);
    expect(chi2(countsOpen)).toBeGreaterThan(lower);
  });

  it('the endpoints: next() can return exactly 0, and then nextOpen() returns exactly 1 (never 0)', () => {
    // xoshiro128** outputs rotl(b·5, 7)·9, which is 0 iff b = 0. From the state (a, b, c, d) = (1, 0, 1, 2) the
    // step keeps b = b ^ (c ^ a) = 0, so the next two outputs are 0 and next() = (0·2^26 + 0)/2^53 = 0.
    const r = new Xoshiro128(1);
    Object.assign(stateOf(r), { a: 1, b: 0, c: 1, d: 2 });
    expect(r.next()).toBe(0);
    const o = new Xoshiro128(1);
    Object.assign(stateOf(o), { a: 1, b: 0, c: 1, d: 2 });
    expect(o.nextOpen()).toBe(1);
  });

  it('successive draws are uncorrelated (lag-1 pairs over a 10×10 grid)', () => {
    const r = createRng(99);
    const N = 200_000;
    const counts = new Float64Array(100);
    let prev = r.next();
    for (let i = 0; i < N; i++) {
      const u = r.next();
      counts[Math.floor(prev * 10) * 10 + Math.floor(u * 10)]++;
      prev = u;
    }
    const expected = N / 100;
    const chi2 = counts.reduce((acc, o) => acc + (o - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(chiSquareQuantile(99, 3.0902));
  });

  it('fork() gives a stream that differs from the parent and is reproducible', () => {
    const parent = createRng(555);
    const child = parent.fork();
    const c1 = Array.from({ length: 1000 }, () => child.next());
    const p1 = Array.from({ length: 1000 }, () => parent.next());
    expect(c1.filter((x, k) => x === p1[k]).length).toBe(0);
    // Replaying from the same seed reproduces both the child and the parent's continuation.
    const parent2 = createRng(555);
    const child2 = parent2.fork();
    expect(Array.from({ length: 1000 }, () => child2.next())).toEqual(c1);
    expect(Array.from({ length: 1000 }, () => parent2.next())).toEqual(p1);
    // A second fork differs from the first, and from a fresh generator with the parent's seed.
    const parent3 = createRng(555);
    const f1 = parent3.fork();
    const f2 = parent3.fork();
    const fresh = createRng(555);
    const a = Array.from({ length: 100 }, () => f1.next());
    const b = Array.from({ length: 100 }, () => f2.next());
    const c = Array.from({ length: 100 }, () => fresh.next());
    expect(a.filter((x, k) => x === b[k]).length).toBe(0);
    expect(a.filter((x, k) => x === c[k]).length).toBe(0);
  });

  it('nextInt(n) stays in [0, n), hits every value, and nextInt(1) is always 0', () => {
    const r = createRng(31337);
    for (const n of [1, 2, 7, 1000, 2 ** 31]) {
      let bad = 0;
      const hits = new Set<number>();
      for (let i = 0; i < 20_000; i++) {
        const k = r.nextInt(n);
        if (!Number.isInteger(k) || k < 0 || k >= n) bad++;
        if (n <= 1000) hits.add(k);
      }
      expect(bad, `n = ${n}`).toBe(0);
      if (n <= 1000) expect(hits.size).toBe(n);
    }
    // Uniform over 7 values: chi-square with 6 df below its 0.999 quantile (≈ 22.46).
    const counts = new Float64Array(7);
    const N = 70_000;
    for (let i = 0; i < N; i++) counts[r.nextInt(7)]++;
    const chi2 = counts.reduce((acc, o) => acc + (o - N / 7) ** 2 / (N / 7), 0);
    expect(chi2).toBeLessThan(chiSquareQuantile(6, 3.0902));
  });
});
