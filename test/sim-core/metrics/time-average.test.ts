import { describe, expect, it } from 'vitest';
import { TimeAverage } from '../../../sim-core/metrics/time-average';

describe('TimeAverage', () => {
  // Level 0 on [0,1), 2 on [1,3), 5 on [3,4), 1 on [4,10]: area 0 + 4 + 5 + 6 = 15.
  function stepFunction(): TimeAverage {
    const a = new TimeAverage();
    a.update(1, 2);
    a.checkpoint(2); // area 2, mid-level
    a.update(3, 5);
    a.checkpoint(3); // area 4
    a.update(4, 1);
    a.update(10, 1);
    return a;
  }

  it('integrates a hand-computed step function', () => {
    const a = stepFunction();
    expect(a.average(0, 10)).toBeCloseTo(15 / 10, 12);
    expect(a.average(3, 10)).toBeCloseTo(11 / 7, 12);
    expect(a.average(2, 10)).toBeCloseTo(13 / 8, 12);
    expect(a.average(0, 3)).toBeCloseTo(4 / 3, 12); // `to` at a checkpoint before the last update
    expect(a.average(2, 3)).toBeCloseTo(2, 12);
    expect(a.average(3, 12)).toBeCloseTo((11 + 2) / 9, 12); // current level 1 extended to t = 12
    expect(a.level).toBe(1);
    expect(a.max).toBe(5);
  });

  it('refuses windows that do not start at 0 or a checkpoint, and time going back', () => {
    const a = stepFunction();
    expect(() => a.average(1.5, 10)).toThrow(/checkpoint/);
    expect(() => a.average(0, 2.5)).toThrow(/before the last update/);
    expect(() => a.average(5, 4)).toThrow(RangeError);
    expect(() => a.update(9, 0)).toThrow(/back/);
  });

  it('keeps many checkpoints (storage grows off the hot path)', () => {
    const a = new TimeAverage();
    for (let t = 1; t <= 1000; t++) {
      a.update(t, t % 2); // level 1 on [t, t+1) for odd t
      a.checkpoint(t);
    }
    expect(a.average(0, 1000)).toBeCloseTo(500 / 1000, 12); // 500 odd t in 1..999, each adding 1
    expect(a.average(1, 1000)).toBeCloseTo(500 / 999, 12);
    expect(a.average(500, 1000)).toBeCloseTo(0.5, 12);
  });
});
