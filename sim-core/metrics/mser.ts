// Warm-up detection by MSER (White 1997) over batch means; MSER-5 = MSER on means of 5 observations.
// Unit-agnostic: the series is whatever is measured (response times in ms); truncation is counted in observations.

export interface MserResult {
  /** Number of leading entries of the series to delete. */
  truncate: number;
  /** The minimised MSER statistic Σ_{i>d}(Y_i − Ȳ_d)² / (n − d)². */
  statistic: number;
  /** False when the minimiser sits at the n/2 bound or the series is too short to judge. */
  reliable: boolean;
}

/** Fewer batch means than this cannot separate a transient from noise. */
const MIN_SERIES = 10;

/**
 * MSER truncation point d ∈ [0, ⌊n/2⌋] minimising Σ_{i>d}(Y_i − Ȳ_d)² / (n − d)², ties to the smallest d.
 * O(n): one backward pass accumulating suffix sums.
 */
export function mserTruncation(means: ArrayLike<number>): MserResult {
  const n = means.length;
  if (n === 0) return { truncate: 0, statistic: NaN, reliable: false };
  // Centre on the overall mean so the sum-of-squares identity S2 − S1²/m loses little to cancellation.
  let centre = 0;
  for (let i = 0; i < n; i++) centre += means[i];
  centre /= n;
  const bound = Math.floor(n / 2);
  let s1 = 0;
  let s2 = 0;
  // Suffix sums down to bound + 1, then evaluate each candidate d while extending the suffix.
  for (let i = n - 1; i >= bound; i--) {
    const y = means[i] - centre;
    s1 += y;
    s2 += y * y;
  }
  let best = Infinity;
  let bestD = bound;
  for (let d = bound; d >= 0; d--) {
    const m = n - d;
    const ss = Math.max(0, s2 - (s1 * s1) / m);
    const stat = ss / (m * m);
    if (stat <= best) {
      best = stat;
      bestD = d;
    }
    if (d > 0) {
      const y = means[d - 1] - centre;
      s1 += y;
      s2 += y * y;
    }
  }
  return { truncate: bestD, statistic: best, reliable: n >= MIN_SERIES && bestD < bound };
}

/**
 * Bounded series of batch means for MSER-5: batches of 5 observations, at most `capacity` means;
 * when full, neighbouring pairs merge and the batch size doubles, so memory stays fixed for any run length.
 */
export class MserSeries {
  readonly capacity: number;
  private readonly means: Float64Array;
  private len = 0;
  private size: number;
  private partialSum = 0;
  private partialCount = 0;
  private n = 0;

  constructor(capacity = 2048, initialBatchSize = 5) {
    if (!Number.isInteger(capacity) || capacity < 2 || capacity % 2 !== 0) {
      throw new RangeError(`MserSeries: capacity must be an even integer >= 2, got ${capacity}`);
    }
    if (!Number.isInteger(initialBatchSize) || initialBatchSize < 1) {
      throw new RangeError(`MserSeries: bad batch size ${initialBatchSize}`);
    }
    this.capacity = capacity;
    this.means = new Float64Array(capacity);
    this.size = initialBatchSize;
  }

  add(x: number): void {
    this.n++;
    this.partialSum += x;
    if (++this.partialCount < this.size) return;
    this.means[this.len++] = this.partialSum / this.partialCount;
    this.partialSum = 0;
    this.partialCount = 0;
    if (this.len === this.capacity) this.halve();
  }

  /** Observations per batch mean currently stored. */
  get batchSize(): number { return this.size; }
  /** Observations added so far (including the unfinished batch). */
  get observations(): number { return this.n; }
  /** Completed batch means held. */
  get length(): number { return this.len; }

  /** How many leading observations MSER would delete, and whether that answer can be trusted. */
  truncation(): { observations: number; reliable: boolean } {
    const r = mserTruncation(this.means.subarray(0, this.len));
    return { observations: r.truncate * this.size, reliable: r.reliable };
  }

  private halve(): void {
    const m = this.means;
    const half = this.len >> 1;
    for (let i = 0; i < half; i++) m[i] = 0.5 * (m[2 * i] + m[2 * i + 1]);
    this.len = half;
    this.size *= 2;
  }
}
