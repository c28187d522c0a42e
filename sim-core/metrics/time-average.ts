// Time-weighted average of a piecewise-constant level (jobs in system, busy servers); time in ms.
// Checkpoints keep (time, area) so the average can later be taken from a warm-up boundary chosen after the run.

export class TimeAverage {
  private last = 0;
  private cur = 0;
  private area = 0;
  private peak = 0;
  private cpTime = new Float64Array(16);
  private cpArea = new Float64Array(16);
  private cpLen = 0;

  /** The level holds from t = 0 at `initialLevel` (0: an empty system). */
  constructor(initialLevel = 0) {
    this.cur = initialLevel;
    this.peak = initialLevel;
  }

  /** The level changes to `level` at `now`; the old level's area since the last change is banked. */
  update(now: number, level: number): void {
    if (now < this.last) throw new RangeError(`TimeAverage.update: time went back from ${this.last} to ${now}`);
    this.area += this.cur * (now - this.last);
    this.last = now;
    this.cur = level;
    if (level > this.peak) this.peak = level;
  }

  /** Remembers the area at `now` so that average(now, …) is available later (e.g. at a segment boundary). */
  checkpoint(now: number): void {
    this.update(now, this.cur);
    if (this.cpLen === this.cpTime.length) {
      // Growth is rare (one checkpoint per output segment), so doubling here keeps update() allocation-free.
      const t = new Float64Array(this.cpLen * 2);
      const a = new Float64Array(this.cpLen * 2);
      t.set(this.cpTime);
      a.set(this.cpArea);
      this.cpTime = t;
      this.cpArea = a;
    }
    this.cpTime[this.cpLen] = now;
    this.cpArea[this.cpLen] = this.area;
    this.cpLen++;
  }

  /**
   * Time average over [from, to]. `from` must be 0 or a checkpoint time; `to` must be a checkpoint time or
   * not earlier than the last update (the current level is extended to it). Throws otherwise.
   */
  average(from: number, to: number): number {
    if (!(to >= from)) throw new RangeError(`TimeAverage.average: need from <= to, got [${from}, ${to}]`);
    const a0 = this.areaAt(from);
    const a1 = this.areaAt(to);
    if (a0 === undefined) throw new RangeError(`TimeAverage.average: ${from} is neither 0 nor a checkpoint`);
    if (a1 === undefined) throw new RangeError(`TimeAverage.average: ${to} is before the last update and no checkpoint`);
    if (to === from) return this.levelAt(from);
    return (a1 - a0) / (to - from);
  }

  get level(): number { return this.cur; }
  get max(): number { return this.peak; }

  private areaAt(t: number): number | undefined {
    if (t >= this.last) return this.area + this.cur * (t - this.last);
    if (t === 0) return 0;
    const i = this.findCheckpoint(t);
    return i < 0 ? undefined : this.cpArea[i];
  }

  /** A zero-length window has no area; report the level in force there instead of 0/0. */
  private levelAt(t: number): number {
    return t >= this.last ? this.cur : NaN;
  }

  /** Index of a checkpoint exactly at t (binary search: checkpoint times are non-decreasing), or −1. */
  private findCheckpoint(t: number): number {
    let lo = 0;
    let hi = this.cpLen - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.cpTime[mid];
      if (v === t) return mid;
      if (v < t) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}
