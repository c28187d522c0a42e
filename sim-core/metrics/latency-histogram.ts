// Mergeable log-linear histogram of non-negative values (latencies in ms), relative error ≤ 1/256 per value.
// Hand-written rather than a library: record() is on the simulator's hot path and must not allocate.

/** Mantissa bits used for the linear sub-buckets: 128 per power of two. */
export const SUB_BITS = 7;
const SUB_COUNT = 1 << SUB_BITS;
/** Worst-case |reported − true| / true for a value inside the regular range (half a bucket over its lower bound). */
export const HISTOGRAM_RELATIVE_ERROR = 1 / (2 * SUB_COUNT);

/** Plain-JSON form (sparse: non-zero buckets only) so a histogram can cross a worker boundary and be merged. */
export interface HistogramSnapshot {
  subBits: number;
  minExponent: number;
  maxExponent: number;
  count: number;
  sum: number;
  /** null when empty (JSON has no Infinity). */
  min: number | null;
  max: number | null;
  underflow: number;
  overflow: number;
  /** Regular bucket indices with non-zero counts, ascending, paired with `counts`. */
  indices: number[];
  counts: number[];
}

export interface HistogramLayout {
  minExponent?: number;
  maxExponent?: number;
}

// One shared scratch word: reading the exponent and top mantissa bits from the IEEE-754 image is
// cheaper than Math.log2 and exact at bucket edges. Which 32-bit half holds the exponent depends on endianness.
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const MANTISSA_SHIFT = 20 - SUB_BITS;

function badValue(v: number): Error {
  return new RangeError(`LatencyHistogram: value must be finite and >= 0, got ${v}`);
}

export class LatencyHistogram {
  readonly minExponent: number;
  readonly maxExponent: number;
  /** Number of regular (log-linear) buckets; fixed at construction whatever the number of records. */
  readonly bucketCount: number;
  private readonly counts: Float64Array;
  /** (biased exponent << SUB_BITS) of the first regular bucket, subtracted from (hi word >>> MANTISSA_SHIFT). */
  private readonly base: number;
  private n = 0;
  private total = 0;
  private lo = Infinity;
  private hi = -Infinity;
  private under = 0;
  private over = 0;

  constructor(opts: HistogramLayout = {}) {
    const minE = opts.minExponent ?? -10;
    const maxE = opts.maxExponent ?? 30;
    if (!Number.isInteger(minE) || !Number.isInteger(maxE) || minE < -1022 || maxE > 1023 || minE > maxE) {
      throw new RangeError(`LatencyHistogram: bad exponent range [${minE}, ${maxE}]`);
    }
    this.minExponent = minE;
    this.maxExponent = maxE;
    this.bucketCount = (maxE - minE + 1) * SUB_COUNT;
    this.counts = new Float64Array(this.bucketCount);
    this.base = (minE + 1023) << SUB_BITS;
  }

  record(value: number): void {
    if (!(value >= 0 && value < Infinity)) throw badValue(value);
    this.n++;
    this.total += value;
    if (value < this.lo) this.lo = value;
    if (value > this.hi) this.hi = value;
    F64[0] = value;
    // Sign bit is 0, so the top bits are exactly (biased exponent, top SUB_BITS of the mantissa).
    const idx = (U32[HI] >>> MANTISSA_SHIFT) - this.base;
    if (idx < 0) this.under++;
    else if (idx >= this.bucketCount) this.over++;
    else this.counts[idx]++;
  }

  /** Records `count` copies of `value` (e.g. replaying an aggregated trace). */
  recordMany(value: number, count: number): void {
    if (!(value >= 0 && value < Infinity)) throw badValue(value);
    if (!(Number.isInteger(count) && count >= 0)) throw new RangeError(`LatencyHistogram: bad count ${count}`);
    if (count === 0) return;
    this.n += count;
    this.total += value * count;
    if (value < this.lo) this.lo = value;
    if (value > this.hi) this.hi = value;
    F64[0] = value;
    const idx = (U32[HI] >>> MANTISSA_SHIFT) - this.base;
    if (idx < 0) this.under += count;
    else if (idx >= this.bucketCount) this.over += count;
    else this.counts[idx] += count;
  }

  merge(other: LatencyHistogram): void {
    if (other.minExponent !== this.minExponent || other.maxExponent !== this.maxExponent) {
      throw new Error(
        `LatencyHistogram.merge: layouts differ ([${this.minExponent}, ${this.maxExponent}] vs ` +
          `[${other.minExponent}, ${other.maxExponent}])`,
      );
    }
    const a = this.counts;
    const b = other.counts;
    for (let i = 0; i < a.length; i++) a[i] += b[i];
    this.n += other.n;
    this.total += other.total;
    this.under += other.under;
    this.over += other.over;
    if (other.lo < this.lo) this.lo = other.lo;
    if (other.hi > this.hi) this.hi = other.hi;
  }

  reset(): void {
    this.counts.fill(0);
    this.n = 0;
    this.total = 0;
    this.lo = Infinity;
    this.hi = -Infinity;
    this.under = 0;
    this.over = 0;
  }

  clone(): LatencyHistogram {
    const h = new LatencyHistogram({ minExponent: this.minExponent, maxExponent: this.maxExponent });
    h.merge(this);
    return h;
  }

  get count(): number { return this.n; }
  get sum(): number { return this.total; }
  /** Exact smallest value recorded; NaN when empty. */
  get min(): number { return this.n === 0 ? NaN : this.lo; }
  /** Exact largest value recorded; NaN when empty. */
  get max(): number { return this.n === 0 ? NaN : this.hi; }
  mean(): number { return this.n === 0 ? NaN : this.total / this.n; }

  /**
   * Nearest-rank quantile: the ⌈p·n⌉-th smallest observation (p = 0 → min, p = 1 → max), reported as the
   * midpoint of its bucket and clamped to [min, max]; underflow reports the exact min, overflow the exact max.
   * NaN when empty.
   */
  quantile(p: number): number {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`LatencyHistogram.quantile: p must be in [0, 1], got ${p}`);
    const n = this.n;
    if (n === 0) return NaN;
    if (p === 0) return this.lo;
    if (p === 1) return this.hi;
    // Shave a few ulps so that p·n which is mathematically an integer (0.95 · 1e6) does not round up a rank.
    const rank = Math.max(1, Math.ceil(p * n * (1 - 4 * Number.EPSILON)));
    let seen = this.under;
    if (seen >= rank) return this.lo;
    const c = this.counts;
    for (let i = 0; i < c.length; i++) {
      seen += c[i];
      if (seen >= rank) {
        const mid = this.bucketMidpoint(i);
        return mid < this.lo ? this.lo : mid > this.hi ? this.hi : mid;
      }
    }
    return this.hi;
  }

  private bucketMidpoint(i: number): number {
    const exp = (i >> SUB_BITS) + this.minExponent;
    const sub = i & (SUB_COUNT - 1);
    return 2 ** exp * (1 + (sub + 0.5) / SUB_COUNT);
  }

  toJSON(): HistogramSnapshot {
    const indices: number[] = [];
    const counts: number[] = [];
    const c = this.counts;
    for (let i = 0; i < c.length; i++) {
      if (c[i] !== 0) {
        indices.push(i);
        counts.push(c[i]);
      }
    }
    return {
      subBits: SUB_BITS,
      minExponent: this.minExponent,
      maxExponent: this.maxExponent,
      count: this.n,
      sum: this.total,
      min: this.n === 0 ? null : this.lo,
      max: this.n === 0 ? null : this.hi,
      underflow: this.under,
      overflow: this.over,
      indices,
      counts,
    };
  }

  /** Rebuilds a histogram from a snapshot; validates it since snapshots arrive from other workers. */
  static fromJSON(s: HistogramSnapshot): LatencyHistogram {
    if (s.subBits !== SUB_BITS) throw new Error(`LatencyHistogram.fromJSON: subBits ${s.subBits} != ${SUB_BITS}`);
    if (s.indices.length !== s.counts.length) throw new Error('LatencyHistogram.fromJSON: indices/counts differ');
    const h = new LatencyHistogram({ minExponent: s.minExponent, maxExponent: s.maxExponent });
    let total = s.underflow + s.overflow;
    for (let k = 0; k < s.indices.length; k++) {
      const i = s.indices[k];
      const c = s.counts[k];
      if (!Number.isInteger(i) || i < 0 || i >= h.bucketCount || !(c >= 0)) {
        throw new Error(`LatencyHistogram.fromJSON: bad bucket ${i} → ${c}`);
      }
      h.counts[i] += c;
      total += c;
    }
    if (total !== s.count) throw new Error(`LatencyHistogram.fromJSON: bucket total ${total} != count ${s.count}`);
    h.n = s.count;
    h.total = s.sum;
    h.under = s.underflow;
    h.over = s.overflow;
    h.lo = s.min ?? Infinity;
    h.hi = s.max ?? -Infinity;
    return h;
  }
}
