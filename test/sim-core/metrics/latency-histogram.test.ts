import { describe, expect, it } from 'vitest';
import { LatencyHistogram, HISTOGRAM_RELATIVE_ERROR } from '../../../sim-core/metrics/latency-histogram';
import { TestRng, nearestRank } from '../../support/test-rng';

const PS = [0.5, 0.9, 0.95, 0.99, 0.999];
const relErr = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

function exponentialSample(n: number, seed: number): Float64Array {
  const rng = new TestRng(seed);
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = rng.exponential(10); // mean 10 ms
  return xs;
}

describe('LatencyHistogram', () => {
  it('matches exact nearest-rank quantiles of 1e6 exponential values within 0.5 %', () => {
    const xs = exponentialSample(1_000_000, 7);
    const h = new LatencyHistogram();
    for (const x of xs) h.record(x);
    const sorted = xs.slice().sort();
    for (const p of [...PS, 0.1, 0.9999]) {
      expect(relErr(h.quantile(p), nearestRank(sorted, p))).toBeLessThan(0.005);
    }
    expect(h.quantile(0)).toBe(sorted[0]);
    expect(h.quantile(1)).toBe(sorted[sorted.length - 1]);
    expect(h.count).toBe(1_000_000);
    let sum = 0;
    for (const x of xs) sum += x;
    expect(h.sum).toBe(sum); // same order of additions: bit-identical
    expect(h.min).toBe(sorted[0]);
    expect(h.max).toBe(sorted[sorted.length - 1]);
    expect(h.mean()).toBe(sum / 1_000_000);
  });

  it('gives the hand-computed quantiles of the grid 1, 2, …, 1e6 with exact count, sum, min, max', () => {
    const h = new LatencyHistogram();
    for (let i = 1; i <= 1_000_000; i++) h.record(i);
    expect(h.count).toBe(1_000_000);
    expect(h.sum).toBe(500_000_500_000); // n(n+1)/2, exact in doubles
    expect(h.min).toBe(1);
    expect(h.max).toBe(1_000_000);
    // Nearest rank ⌈p·n⌉ of the values 1..n is ⌈p·n⌉ itself.
    const exact: Record<number, number> = { 0.5: 500_000, 0.9: 900_000, 0.95: 950_000, 0.99: 990_000, 0.999: 999_000 };
    for (const p of PS) expect(relErr(h.quantile(p), exact[p])).toBeLessThan(0.005);
  });

  it('reports any single value within 1/256 relative, including bucket edges', () => {
    const rng = new TestRng(3);
    const values = [2 ** -10, 1, 2, 1.5, 3 - 1e-12, 1000, 2 ** 30, 2 ** 31 - 1];
    for (let i = 0; i < 10_000; i++) values.push(2 ** (rng.uniform() * 40 - 10));
    for (const v of values) {
      const h = new LatencyHistogram();
      h.record(v);
      h.record(v * (1 + 1e-9)); // forces the bucket midpoint rather than the clamp to [min, max] only
      const q = h.quantile(0.5);
      expect(relErr(q, v)).toBeLessThanOrEqual(HISTOGRAM_RELATIVE_ERROR + 1e-9);
    }
  });

  it('merge(A, B) equals recording everything into one histogram', () => {
    const xs = exponentialSample(200_000, 11);
    const one = new LatencyHistogram();
    const a = new LatencyHistogram();
    const b = new LatencyHistogram();
    xs.forEach((x, i) => {
      one.record(x);
      (i % 3 === 0 ? a : b).record(x);
    });
    a.merge(b);
    expect(a.count).toBe(one.count);
    expect(a.min).toBe(one.min);
    expect(a.max).toBe(one.max);
    expect(relErr(a.sum, one.sum)).toBeLessThan(1e-12);
    for (let p = 0; p <= 1; p += 0.001) expect(a.quantile(p)).toBe(one.quantile(p));
    expect(a.toJSON().indices).toEqual(one.toJSON().indices);
    expect(a.toJSON().counts).toEqual(one.toJSON().counts);
  });

  it('refuses to merge different layouts', () => {
    expect(() => new LatencyHistogram().merge(new LatencyHistogram({ maxExponent: 20 }))).toThrow(/layouts differ/);
  });

  it('round-trips through JSON (sparse) and validates snapshots', () => {
    const h = new LatencyHistogram();
    for (const x of exponentialSample(50_000, 5)) h.record(x);
    h.record(0);
    h.record(2 ** 40);
    const snap = JSON.parse(JSON.stringify(h.toJSON()));
    expect(snap.indices.length).toBeLessThan(h.bucketCount);
    const back = LatencyHistogram.fromJSON(snap);
    expect(back.count).toBe(h.count);
    expect(back.sum).toBe(h.sum);
    expect(back.min).toBe(0);
    expect(back.max).toBe(2 ** 40);
    for (let p = 0; p <= 1; p += 0.01) expect(back.quantile(p)).toBe(h.quantile(p));
    back.merge(h); // a rebuilt histogram is an ordinary, mergeable one
    expect(back.count).toBe(2 * h.count);

    const empty = LatencyHistogram.fromJSON(JSON.parse(JSON.stringify(new LatencyHistogram().toJSON())));
    expect(empty.count).toBe(0);
    expect(empty.min).toBeNaN();
    expect(empty.quantile(0.5)).toBeNaN();

    expect(() => LatencyHistogram.fromJSON({ ...snap, count: snap.count + 1 })).toThrow(/count/);
    expect(() => LatencyHistogram.fromJSON({ ...snap, indices: [99_999], counts: [1] })).toThrow(/bad bucket/);
  });

  it('puts out-of-range values in underflow/overflow buckets reported as the exact min/max', () => {
    const h = new LatencyHistogram({ minExponent: 0, maxExponent: 3 }); // regular range [1, 16)
    for (const v of [0, 0.5, 2, 100, 1000]) h.record(v);
    const snap = h.toJSON();
    expect(snap.underflow).toBe(2);
    expect(snap.overflow).toBe(2);
    expect(h.quantile(0.2)).toBe(0); // rank 1: underflow → exact min
    expect(h.quantile(0.4)).toBe(0); // rank 2: still underflow
    expect(h.quantile(0.6)).toBe(2 * (1 + 0.5 / 128)); // rank 3: midpoint of [2, 2 + 2/128)
    expect(h.quantile(0.8)).toBe(1000); // rank 4: overflow → exact max
    expect(h.quantile(1)).toBe(1000);

    const d = new LatencyHistogram();
    d.record(2 ** -11);
    d.record(2 ** 31);
    expect(d.toJSON().underflow).toBe(1);
    expect(d.toJSON().overflow).toBe(1);
  });

  it('rejects negative, NaN and infinite values', () => {
    const h = new LatencyHistogram();
    for (const v of [-1, NaN, Infinity]) expect(() => h.record(v)).toThrow(RangeError);
    expect(h.count).toBe(0);
  });

  it('keeps a fixed bucket array whatever the number of records', () => {
    const h = new LatencyHistogram();
    const counts = (x: LatencyHistogram): Float64Array => (x as unknown as { counts: Float64Array }).counts;
    const before = counts(h);
    expect(before.length).toBe(41 * 128);
    for (let i = 0; i < 2_000_000; i++) h.record((i % 100_000) * 0.37);
    expect(counts(h)).toBe(before);
    expect(counts(h).length).toBe(41 * 128);
  });

  it('recordMany, reset and clone behave like their one-at-a-time equivalents', () => {
    const a = new LatencyHistogram();
    const b = new LatencyHistogram();
    a.recordMany(3.3, 1000);
    a.recordMany(7, 0);
    for (let i = 0; i < 1000; i++) b.record(3.3);
    expect(a.toJSON()).toEqual({ ...b.toJSON(), sum: a.sum });
    expect(relErr(a.sum, b.sum)).toBeLessThan(1e-12);
    const c = a.clone();
    a.reset();
    expect(a.count).toBe(0);
    expect(a.mean()).toBeNaN();
    expect(c.count).toBe(1000);
    expect(c.min).toBe(3.3);
  });
});
