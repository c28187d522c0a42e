import { describe, expect, it } from 'vitest';
import { createRng } from '../../../sim-core/kernel/prng';
import { TokenBucket } from '../../../sim-core/resources/token-bucket';
import { expo } from './harness';

describe('TokenBucket', () => {
  it('admits a burst of `size` at once, then refills at the rate', () => {
    // 10 tokens/s = 0.01 per ms, bucket of 5, full at t = 0.
    const tb = new TokenBucket(0.01, 5);
    let admitted = 0;
    for (let i = 0; i < 20; i++) if (tb.tryTake(0)) admitted++;
    expect(admitted).toBe(5);
    expect(tb.admitted).toBe(5);
    expect(tb.refused).toBe(15);
    // Empty at t = 0: the next token needs 1/0.01 = 100 ms.
    expect(tb.waitFor(0)).toBeCloseTo(100, 9);
    expect(tb.waitFor(30)).toBeCloseTo(70, 9); // level 0.3 ⇒ (1 − 0.3)/0.01
    expect(tb.tryTake(99)).toBe(false); // level 0.99
    expect(tb.waitFor(99)).toBeCloseTo(1, 9);
    expect(tb.waitFor(100)).toBe(0);
    expect(tb.tryTake(100)).toBe(true);
    // t = 250: level 0 + 1.5 = 1.5 ⇒ one taken, 0.5 left, next in (1 − 0.5)/0.01 = 50 ms; at 270, 30 ms.
    expect(tb.tryTake(250)).toBe(true);
    expect(tb.tryTake(250)).toBe(false);
    expect(tb.waitFor(250)).toBeCloseTo(50, 9);
    expect(tb.waitFor(270)).toBeCloseTo(30, 9);
    // waitFor does not consume.
    expect(tb.tryTake(300)).toBe(true);
  });

  it('refills no further than its size after a long idle time', () => {
    const tb = new TokenBucket(0.01, 5);
    for (let i = 0; i < 5; i++) tb.tryTake(0);
    // After 10 s idle the bucket would hold 100 tokens uncapped; it holds 5.
    let admitted = 0;
    for (let i = 0; i < 20; i++) if (tb.tryTake(10_000)) admitted++;
    expect(admitted).toBe(5);
  });

  it('rejects a non-positive rate or a size below 1', () => {
    expect(() => new TokenBucket(0, 5)).toThrow();
    expect(() => new TokenBucket(0.01, 0.5)).toThrow();
  });

  it('decides like the GCRA (virtual scheduling) reference on 200k Poisson arrivals, and admits the rate', () => {
    // Reference: GCRA with emission interval T = 1/r and tolerance τ = (size − 1)/r, theoretical arrival time
    // TAT = 0 at start (bucket full). An arrival at t conforms iff TAT − t ≤ τ; then TAT = max(TAT, t) + T.
    // (Bucket level at t is size − r·max(0, TAT − t), so "level ≥ 1" is exactly "TAT − t ≤ τ".)
    const r = 0.01; // 10/s
    const size = 5;
    const lambda = 0.05; // 50/s
    const tb = new TokenBucket(r, size);
    const rng = createRng(6060);
    let t = 0;
    let tat = 0;
    let refAdmitted = 0;
    let disagreements = 0;
    const N = 200_000;
    for (let i = 0; i < N; i++) {
      t += expo(1 / lambda, rng.nextOpen());
      const ref = tat - t <= (size - 1) / r + 1e-9; // 1e-9 ms: rounding slack on an exact tie
      if (ref) {
        tat = Math.max(tat, t) + 1 / r;
        refAdmitted++;
      }
      if (tb.tryTake(t) !== ref) disagreements++;
    }
    expect(disagreements).toBe(0);
    expect(tb.admitted).toBe(refAdmitted);
    // Over t ≈ 200k/0.05 = 4e6 ms the admitted rate is 10/s within 2% (arrivals come 5× faster than tokens, so
    // the bucket is almost never full and nearly every token is used).
    const ratePerS = (tb.admitted / t) * 1000;
    expect(Math.abs(ratePerS / 10 - 1)).toBeLessThan(0.02);
    // Hard bound: no more than the initial burst plus the tokens accrued.
    expect(tb.admitted).toBeLessThanOrEqual(size + r * t);
  });
});
