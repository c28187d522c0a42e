import { describe, expect, it } from 'vitest';
import { MserSeries, mserTruncation } from '../../../sim-core/metrics/mser';
import { TestRng } from '../../support/test-rng';

function gaussian(rng: TestRng): number {
  return Math.sqrt(-2 * Math.log(rng.uniform())) * Math.cos(2 * Math.PI * rng.uniform());
}

/** The definition, evaluated directly in O(n²). */
function bruteForce(y: number[]): { d: number; stat: number } {
  const n = y.length;
  let best = { d: 0, stat: Infinity };
  for (let d = 0; d <= Math.floor(n / 2); d++) {
    const tail = y.slice(d);
    const m = tail.reduce((s, v) => s + v, 0) / tail.length;
    const stat = tail.reduce((s, v) => s + (v - m) ** 2, 0) / tail.length ** 2;
    if (stat < best.stat * (1 - 1e-12)) best = { d, stat };
  }
  return best;
}

describe('mserTruncation', () => {
  it('cuts an obvious initial transient where it ends', () => {
    const rng = new TestRng(1);
    const y = [...Array(200).fill(10), ...Array.from({ length: 2000 }, () => gaussian(rng))];
    const r = mserTruncation(y);
    expect(r.truncate).toBeGreaterThanOrEqual(200);
    expect(r.truncate).toBeLessThanOrEqual(215);
    expect(r.reliable).toBe(true);
  });

  it('keeps (almost) everything of a stationary series', () => {
    for (const seed of [2, 3, 4, 5, 6]) {
      const rng = new TestRng(seed);
      const r = mserTruncation(Array.from({ length: 2000 }, () => 5 + gaussian(rng)));
      expect(r.truncate).toBeLessThan(200);
      expect(r.reliable).toBe(true);
    }
  });

  it('flags a series that never settles, or is too short, as unreliable', () => {
    const drift = Array.from({ length: 500 }, (_, i) => 500 - i); // all transient
    const r = mserTruncation(drift);
    expect(r.truncate).toBe(250);
    expect(r.reliable).toBe(false);
    expect(mserTruncation([3, 1, 2, 2]).reliable).toBe(false);
    expect(mserTruncation([]).reliable).toBe(false);
  });

  it('takes the smallest minimiser on ties and matches the O(n²) definition', () => {
    expect(mserTruncation([3, 1, 1, 1, 1, 1, 1, 1, 1, 1])).toEqual({ truncate: 1, statistic: 0, reliable: true });
    const rng = new TestRng(9);
    for (let k = 0; k < 50; k++) {
      const y = Array.from({ length: 20 + k }, (_, i) => (i < k ? 3 : 0) + gaussian(rng));
      const r = mserTruncation(y);
      const b = bruteForce(y);
      expect(r.truncate).toBe(b.d);
      expect(r.statistic).toBeCloseTo(b.stat, 12);
    }
  });
});

describe('MserSeries', () => {
  it('stores means of 5, then merges pairs and doubles the batch size when full', () => {
    const s = new MserSeries(8);
    for (let i = 0; i < 39; i++) s.add(i);
    expect(s.batchSize).toBe(5);
    expect(s.length).toBe(7);
    s.add(39); // 8th batch fills the store: pairs merge into 4 means of 10 observations
    expect(s.batchSize).toBe(10);
    expect(s.length).toBe(4);
    expect(s.observations).toBe(40);
    const means = (s as unknown as { means: Float64Array }).means.slice(0, 4);
    expect(Array.from(means)).toEqual([4.5, 14.5, 24.5, 34.5]); // mean of 0..9, 10..19, …
  });

  it('reports the truncation in observations for a transient in a long run', () => {
    const rng = new TestRng(4);
    const s = new MserSeries();
    for (let i = 0; i < 1000; i++) s.add(10 + gaussian(rng));
    for (let i = 0; i < 100_000; i++) s.add(gaussian(rng));
    expect(s.batchSize).toBe(80); // 5 doubled at 10 240, 20 480, 40 960 and 81 920 observations
    const t = s.truncation();
    expect(t.observations).toBeGreaterThanOrEqual(1000);
    expect(t.observations).toBeLessThanOrEqual(1200);
    expect(t.observations % 80).toBe(0);
    expect(t.reliable).toBe(true);
  });

  it('rejects an odd capacity', () => {
    expect(() => new MserSeries(7)).toThrow(RangeError);
  });
});
