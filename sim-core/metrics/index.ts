// Output analysis for simulation runs (latencies in ms, clock in ms): histograms, warm-up, confidence intervals.
export { LatencyHistogram, SUB_BITS, HISTOGRAM_RELATIVE_ERROR, type HistogramSnapshot, type HistogramLayout } from './latency-histogram';
export { studentTQuantile, normalQuantile } from './t-quantile';
export { mserTruncation, MserSeries, type MserResult } from './mser';
export { TimeAverage } from './time-average';
export { OutputAnalyzer, type Interval, type QuantileEstimate, type MeasureSummary, type SummarizeOptions } from './output-analyzer';
