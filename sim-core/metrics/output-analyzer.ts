// Output analysis of one measure (e.g. response time, ms; clock in ms): MSER-5 warm-up removal, then
// batch-means intervals for the mean and sectioning intervals for quantiles, from bounded per-segment state.
import { sampleStandardDeviation } from 'simple-statistics';
import { HISTOGRAM_RELATIVE_ERROR, LatencyHistogram, type HistogramLayout, type HistogramSnapshot } from './latency-histogram';
import { MserSeries } from './mser';
import { studentTQuantile } from './t-quantile';

export interface Interval { estimate: number; lo: number; hi: number; halfWidth: number; relHalfWidth: number; warning?: string }
export interface QuantileEstimate extends Interval { p: number; tailSamples: number; warning?: string }
export interface MeasureSummary {
  /** Observations kept after the warm-up (all estimates rest on these). */
  count: number;
  warmup: { rule: 'MSER-5'; observations: number; startTime: number; reliable: boolean };
  mean: Interval;
  /** Sample standard deviation of the kept observations (not of the mean). */
  stdDev: number;
  quantiles: QuantileEstimate[];
  batches: number;
  /** Observations per batch. */
  batchSize: number;
  histogram: HistogramSnapshot;
}
export interface SummarizeOptions { quantiles?: number[]; confidence?: number; targetBatches?: number }

const DEFAULT_QUANTILES = [0.5, 0.9, 0.95, 0.99, 0.999];
const MIN_BATCHES = 10;
const MIN_TAIL = 100;
const MIN_BATCH_TAIL = 10;

/** Which segments the estimates use: [first, end) kept; batches start after `leftover` unbatched segments. */
interface Layout {
  first: number; end: number; leftover: number; perBatch: number; batches: number; kept: number; reliable: boolean;
}

const label = (p: number): string => `p${+(p * 100).toFixed(6)}`;

export class OutputAnalyzer {
  readonly maxSegments: number;
  private readonly layout: HistogramLayout;
  private segSize: number;
  private nSeg = 0;
  private n = 0;
  private readonly hists: LatencyHistogram[] = [];
  private readonly spare: LatencyHistogram[] = [];
  private readonly segCount: Float64Array;
  private readonly segSum: Float64Array;
  private readonly segSumSq: Float64Array;
  private readonly segStart: Float64Array;
  private readonly mser = new MserSeries();
  private scratch: LatencyHistogram | null = null;
  private scratchAll: LatencyHistogram | null = null;

  constructor(opts: { initialSegmentSize?: number; maxSegments?: number; histogram?: HistogramLayout } = {}) {
    this.segSize = opts.initialSegmentSize ?? 500;
    this.maxSegments = opts.maxSegments ?? 64;
    if (!Number.isInteger(this.segSize) || this.segSize < 1) throw new RangeError(`bad initialSegmentSize ${this.segSize}`);
    // Pairs must merge evenly, and a few segments must survive warm-up removal to form batches.
    if (!Number.isInteger(this.maxSegments) || this.maxSegments < 4 || this.maxSegments % 2 !== 0) {
      throw new RangeError(`maxSegments must be an even integer >= 4, got ${this.maxSegments}`);
    }
    this.layout = { ...opts.histogram };
    const m = this.maxSegments;
    this.segCount = new Float64Array(m);
    this.segSum = new Float64Array(m);
    this.segSumSq = new Float64Array(m);
    this.segStart = new Float64Array(m);
  }

  /**
   * Records one observation completed at clock `now`; true when it opened a segment (the first record does
   * too), i.e. when the caller should checkpoint its TimeAverages at `now`. Segment 0 is dated t = 0, the start
   * of the run, so that with no warm-up the time averages cover the whole run.
   */
  record(value: number, now: number): boolean {
    if (!(value >= 0 && value < Infinity)) throw new RangeError(`OutputAnalyzer: bad observation ${value}`);
    let opened = false;
    if (this.nSeg === 0 || this.segCount[this.nSeg - 1] === this.segSize) {
      this.openSegment(now);
      opened = true;
    }
    const s = this.nSeg - 1;
    this.hists[s].record(value);
    this.segCount[s]++;
    this.segSum[s] += value;
    this.segSumSq[s] += value * value;
    this.mser.add(value);
    this.n++;
    return opened;
  }

  get count(): number { return this.n; }
  get segmentSize(): number { return this.segSize; }
  segmentStartTimes(): number[] { return Array.from(this.segStart.subarray(0, this.nSeg)); }

  summarize(opts: SummarizeOptions = {}): MeasureSummary {
    const ps = opts.quantiles ?? DEFAULT_QUANTILES;
    const conf = opts.confidence ?? 0.95;
    if (!(conf > 0 && conf < 1)) throw new RangeError(`confidence must be in (0, 1), got ${conf}`);
    const lay = this.plan(opts.targetBatches ?? 20);
    const t = lay.batches >= 2 ? studentTQuantile(0.5 + conf / 2, lay.batches - 1) : NaN;
    const quantiles = this.quantileIntervals(ps, lay, t);
    let sum = 0;
    let sumSq = 0;
    for (let i = lay.first; i < lay.end; i++) {
      sum += this.segSum[i];
      sumSq += this.segSumSq[i];
    }
    const nK = lay.kept;
    const variance = nK > 1 ? Math.max(0, (sumSq - (sum * sum) / nK) / (nK - 1)) : NaN;
    return {
      count: nK,
      warmup: {
        rule: 'MSER-5',
        observations: lay.first * this.segSize,
        startTime: this.nSeg > 0 ? this.segStart[lay.first] : 0,
        reliable: lay.reliable,
      },
      mean: this.meanInterval(lay, t),
      stdDev: Math.sqrt(variance),
      quantiles,
      batches: lay.batches,
      batchSize: lay.perBatch * this.segSize,
      histogram: this.scratchAll!.toJSON(),
    };
  }

  /**
   * True when the mean and each listed quantile have a 95 % relative half-width ≤ target, no quantile warning,
   * and a reliable warm-up cut. Mean-only checks cost microseconds; quantiles add ~2 ms of histogram merging.
   */
  precisionReached(relHalfWidth: number, quantiles: number[] = []): boolean {
    const lay = this.plan(20);
    if (lay.batches < 2 || !lay.reliable) return false;
    const t = studentTQuantile(0.975, lay.batches - 1);
    const mean = this.meanInterval(lay, t);
    // Cheap tests first: the histogram merges below only run once the mean is already precise.
    if (!(mean.relHalfWidth <= relHalfWidth)) return false;
    if (quantiles.length === 0) return true;
    for (const p of quantiles) if (this.tailWarning(p, lay)) return false;
    const qs = this.quantileIntervals(quantiles, lay, t);
    return qs.every((q) => q.relHalfWidth <= relHalfWidth && !q.warning);
  }

  private openSegment(now: number): void {
    if (this.nSeg === this.maxSegments) this.mergePairs();
    const s = this.nSeg++;
    if (this.hists.length <= s) this.hists.push(new LatencyHistogram(this.layout));
    this.segCount[s] = 0;
    this.segSum[s] = 0;
    this.segSumSq[s] = 0;
    this.segStart[s] = s === 0 ? 0 : now;
  }

  /** Halves the segment count in place; freed histograms are reset and reused, so memory stays bounded. */
  private mergePairs(): void {
    const half = this.nSeg >> 1;
    const h = this.hists;
    for (let i = 0; i < half; i++) {
      const a = h[2 * i];
      const b = h[2 * i + 1];
      a.merge(b);
      b.reset();
      this.spare[i] = b;
      h[i] = a;
      this.segCount[i] = this.segCount[2 * i] + this.segCount[2 * i + 1];
      this.segSum[i] = this.segSum[2 * i] + this.segSum[2 * i + 1];
      this.segSumSq[i] = this.segSumSq[2 * i] + this.segSumSq[2 * i + 1];
      this.segStart[i] = this.segStart[2 * i];
    }
    for (let i = 0; i < half; i++) h[half + i] = this.spare[i];
    this.nSeg = half;
    this.segSize *= 2;
  }

  /**
   * Drops whole segments covering the MSER-5 truncation (rounded up), then groups the kept full segments into
   * b batches of k segments with b near the target (≥ 10 when possible). The < k segments that do not fill a
   * batch are the earliest kept ones; they, like the unfinished last segment, count in the point estimates only.
   */
  private plan(target: number): Layout {
    const full = this.nSeg > 0 && this.segCount[this.nSeg - 1] === this.segSize ? this.nSeg : Math.max(0, this.nSeg - 1);
    const mser = this.mser.truncation();
    let first = Math.ceil(mser.observations / this.segSize);
    first = Math.min(first, Math.max(0, this.nSeg - 1));
    const K = Math.max(0, full - first);
    let perBatch = Math.max(1, Math.round(K / Math.max(1, target)));
    let batches = Math.floor(K / perBatch);
    if (K >= MIN_BATCHES && batches < MIN_BATCHES) {
      perBatch = Math.floor(K / MIN_BATCHES);
      batches = Math.floor(K / perBatch);
    }
    let kept = 0;
    for (let i = first; i < this.nSeg; i++) kept += this.segCount[i];
    return { first, end: this.nSeg, leftover: K - batches * perBatch, perBatch, batches, kept, reliable: mser.reliable };
  }

  /** Var(overall) ≈ Var(batch estimate)·m/N; equals s²/b when the batches hold every kept observation. */
  private scale(lay: Layout): number {
    return Math.sqrt((lay.perBatch * this.segSize) / lay.kept);
  }

  private meanInterval(lay: Layout, t: number): Interval {
    let sum = 0;
    for (let i = lay.first; i < lay.end; i++) sum += this.segSum[i];
    const est = lay.kept > 0 ? sum / lay.kept : NaN;
    if (lay.batches < 2) return unbounded(est, this.shortWarning(lay));
    const means = new Array<number>(lay.batches);
    for (let j = 0; j < lay.batches; j++) {
      let s = 0;
      let c = 0;
      for (let i = this.batchStart(lay, j), e = i + lay.perBatch; i < e; i++) {
        s += this.segSum[i];
        c += this.segCount[i];
      }
      means[j] = s / c;
    }
    return interval(est, t * sampleStandardDeviation(means) * this.scale(lay));
  }

  /** Sectioning (Asmussen & Glynn): point estimate from all kept data, spread of per-batch estimates around it. */
  private quantileIntervals(ps: number[], lay: Layout, t: number): QuantileEstimate[] {
    for (const p of ps) if (!(p > 0 && p < 1)) throw new RangeError(`quantile p must be in (0, 1), got ${p}`);
    // Reused between calls (and left holding the kept data for summarize's snapshot): 42 KB each by default.
    const total = (this.scratchAll ??= new LatencyHistogram(this.layout));
    const scratch = (this.scratch ??= new LatencyHistogram(this.layout));
    total.reset();
    const perBatch: number[][] = ps.map(() => new Array<number>(lay.batches));
    if (lay.batches < 2) {
      for (let i = lay.first; i < lay.end; i++) total.merge(this.hists[i]);
    } else {
      const from = this.batchStart(lay, 0);
      const to = this.batchStart(lay, lay.batches);
      for (let i = lay.first; i < from; i++) total.merge(this.hists[i]);
      for (let j = 0; j < lay.batches; j++) {
        scratch.reset();
        for (let i = this.batchStart(lay, j), e = i + lay.perBatch; i < e; i++) scratch.merge(this.hists[i]);
        for (let k = 0; k < ps.length; k++) perBatch[k][j] = scratch.quantile(ps[k]);
        total.merge(scratch);
      }
      for (let i = to; i < lay.end; i++) total.merge(this.hists[i]);
    }
    return ps.map((p, k) => {
      const est = total.quantile(p);
      const tail = tailCount(p, lay.kept);
      const warning = this.tailWarning(p, lay);
      if (lay.batches < 2) return { ...unbounded(est, warning ?? this.shortWarning(lay)), p, tailSamples: tail };
      let ss = 0;
      for (const q of perBatch[k]) ss += (q - est) * (q - est);
      // The bucket midpoint may sit up to HISTOGRAM_RELATIVE_ERROR from the truth: a bias, so added linearly.
      const hw = t * Math.sqrt(ss / (lay.batches - 1)) * this.scale(lay) + Math.abs(est) * HISTOGRAM_RELATIVE_ERROR;
      const q = interval(est, hw);
      return warning ? { ...q, p, tailSamples: tail, warning } : { ...q, p, tailSamples: tail };
    });
  }

  private batchStart(lay: Layout, j: number): number {
    return lay.first + lay.leftover + j * lay.perBatch;
  }

  private tailWarning(p: number, lay: Layout): string | undefined {
    const side = p >= 0.5 ? 'beyond' : 'below';
    const tail = tailCount(p, lay.kept);
    if (tail < MIN_TAIL) return `${label(p)} rests on ${tail} samples ${side} it; run longer for a trustworthy value`;
    const perBatch = tailCount(p, lay.perBatch * this.segSize);
    if (lay.batches >= 2 && perBatch < MIN_BATCH_TAIL) {
      return `${label(p)}: each of the ${lay.batches} batches holds only ${perBatch} samples ${side} it, too few ` +
        `for its confidence interval; run longer`;
    }
    return undefined;
  }

  private shortWarning(lay: Layout): string {
    return `only ${lay.kept} observations after warm-up (${lay.batches} batch${lay.batches === 1 ? '' : 'es'}): ` +
      `too few for a confidence interval; run longer`;
  }
}

/** Observations strictly beyond the nearest-rank position (below it for p < ½): ⌊n·min(p, 1 − p)⌋ up to rounding. */
function tailCount(p: number, n: number): number {
  if (n === 0) return 0;
  const rank = Math.max(1, Math.ceil(p * n * (1 - 4 * Number.EPSILON)));
  return p >= 0.5 ? n - rank : rank - 1;
}

function interval(estimate: number, halfWidth: number): Interval {
  return { estimate, lo: estimate - halfWidth, hi: estimate + halfWidth, halfWidth, relHalfWidth: halfWidth / Math.abs(estimate) };
}

function unbounded(estimate: number, warning: string): Interval {
  return { estimate, lo: -Infinity, hi: Infinity, halfWidth: NaN, relHalfWidth: NaN, warning };
}
