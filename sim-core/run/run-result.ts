// The result of one simulation run, as printed by `capsim run --json` and sent across the worker boundary.
// Its top-level keys are a public contract: throughput_rps, latency_ms, utilization, errors, ci95, events,
// wall_ms. Latencies in milliseconds, throughput in requests per second, utilisation as a fraction 0..1.

export interface LatencySummary {
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  p999: number;
}

export type LatencyKey = keyof LatencySummary;
export const latencyKeys: readonly LatencyKey[] = ['mean', 'p50', 'p90', 'p95', 'p99', 'p999'];
export const quantileOf: Record<Exclude<LatencyKey, 'mean'>, number> = { p50: 0.5, p90: 0.9, p95: 0.95, p99: 0.99, p999: 0.999 };

export interface IntervalJson {
  lo: number;
  hi: number;
  rel_half_width: number;
  /** Present when too few samples stand behind the estimate. */
  warning?: string;
}

/** memory_cap: the run's entity pools or event calendar reached the caps of run.max_memory_mb (see warnings). */
export type StopReasonJson = 'precision' | 'event_cap' | 'horizon' | 'cancelled' | 'empty' | 'memory_cap';

export interface ResourceResult {
  /** Busy fraction 0..1 (servers, cores, pool slots); absent for pure delays. */
  utilization?: number;
  mean_waiting?: number;
  mean_present?: number;
  completions: number;
}

export interface RunResult {
  throughput_rps: number;
  latency_ms: LatencySummary;
  utilization: Record<string, number>;
  errors: { rate: number; by_cause: Record<string, number> };
  ci95: Record<LatencyKey, IntervalJson>;
  events: number;
  wall_ms: number;
  stop_reason: StopReasonJson;
  seed: number;
  simulated_s: number;
  observations: number;
  warmup: { rule: 'MSER-5'; observations: number; simulated_s: number; reliable: boolean };
  littles_law: { time_average_in_system: number; throughput_x_response: number; rel_error: number };
  resources: Record<string, ResourceResult>;
  warnings: string[];
}
