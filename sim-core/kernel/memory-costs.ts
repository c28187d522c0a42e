// What the engine's structures cost in memory, in bytes: typed-array columns counted from their layout, objects
// measured (heap + array buffers after a full GC, Node 20, divided by the count; see
// test/sim-core/scenario/run-limits.test.ts, which re-measures them). The run-limit check and the schema's upper
// bounds are derived from these numbers, so a bound always says what the engine could hold.

/** Largest memory budget a run may be given (run.max_memory_mb), 64 GiB: see MAX_ENTITIES for why more is useless. */
export const MAX_RUN_MEMORY_MB = 65_536;

/** Budget when the scenario names none: room for ~20 M closed users, safe beside a browser or on a laptop. */
export const DEFAULT_RUN_MEMORY_MB = 2_048;

/**
 * Entity ids and calendar slots are Int32 (typed-array indices), so no pool holds more than 2^31 − 1 entities;
 * at the 36 B of the smallest entity (a closed user's columns) that alone is 72 GiB — why budgets stop at 64 GiB.
 */
export const MAX_ENTITIES = 2 ** 31 - 1;

export const BYTES = {
  /** One pending event in the calendar: heap slot + time + position + sequence + target + entity + tag + free slot. */
  event: 4 + 8 + 4 + 8 + 4 + 4 + 8 + 4,
  /** A user request's four Float64 columns and its free-list slot (EntityPool). */
  userRequest: 4 * 8 + 4,
  /** An attempt's 23 Float64 columns and its free-list slot. */
  attempt: 23 * 8 + 4,
  /** A waiting-line slot: entity, payload, timeout slot, alive flag. */
  lineSlot: 4 + 8 + 4 + 1,
  /** A plain queueing customer: one column and its free-list slot. */
  customer: 8 + 4,
  /**
   * Per app worker process: its GIL (a semaphore: waiting line of 64 slots, two time averages, the objects) and its
   * slot counters. Measured 3,558 B.
   */
  process: 3_600,
  /** Each further per-process semaphore (SQLAlchemy/MongoDB pool, Redis connections). Measured 3,543 B. */
  processSemaphore: 3_600,
  /** Per app instance (listen backlog, three time averages, upstream state). Measured 18,416 B. */
  instance: 18_500,
  /** Per host or database node (CPU, disk and NIC stations with their levels). Measured 15,693 B. */
  host: 16_000,
  /** Per Redis shard (a one-server FCFS station). Measured 3,589 B. */
  shard: 3_600,
  /** A limit_req token bucket (one per client key and zone, created on first use). */
  tokenBucket: 96,
  /**
   * One output analyzer at its largest: 64 segment histograms + 2 scratch ones, each 41 powers of two × 128
   * sub-buckets × 8 B, plus segment arrays. One for all requests and one per request class.
   */
  analyzer: 66 * 41 * 128 * 8 + 4 * 64 * 8 + 2_048,
  /** Each checkpoint a time average keeps (time + area), one per output segment opened. */
  checkpoint: 16,
} as const;

/**
 * Memory of one request in flight, whatever it waits for: its user request, its attempt, at most five pending
 * events (client timeout, proxy timeout, worker timeout, a wait's patience, its service) and two line slots.
 */
export const REQUEST_IN_FLIGHT_BYTES = BYTES.userRequest + BYTES.attempt + 5 * BYTES.event + 2 * BYTES.lineSlot;

/** A closed user between requests: its user request and its think event. */
export const CLOSED_USER_BYTES = BYTES.userRequest + BYTES.event;

/** Pools and the calendar grow by doubling: at the last growth the old arrays and the new ones (2×) coexist. */
export const GROWTH_PEAK = 1.5;

/** Capacity a doubling pool reaches for n entities (from its initial size). */
export function grownCapacity(n: number, initial: number): number {
  let cap = initial;
  while (cap < n) cap *= 2;
  return cap;
}

/**
 * Checkpoints a time average collects over `observations` responses: the output analyzer opens a segment every
 * 500 observations until it holds 64, then merges pairs (32 left) and opens 32 more per doubling.
 */
export function checkpointsFor(observations: number): number {
  const first = 64 * 500;
  if (observations <= first) return Math.ceil(observations / 500) + 1;
  return 65 + 32 * Math.ceil(Math.log2(observations / first));
}
