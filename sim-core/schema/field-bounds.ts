// The upper bound of every count in the scenario formats, each with the reason it follows from: what the
// engine can hold at the largest run budget (memory-costs.ts), the cost of a computation, or a limit of the
// real server. The whole-scenario check (run/run-limits.ts) then compares the scenario with its own
// run's budget; these bounds only refuse numbers no budget could ever run.

import {
  BYTES, CLOSED_USER_BYTES, MAX_ENTITIES, MAX_RUN_MEMORY_MB, REQUEST_IN_FLIGHT_BYTES,
} from '../kernel/memory-costs';

export interface UpperBound {
  max: number;
  /** Why no larger value is accepted, in words for the message. */
  why: string;
}

const MAX_BUDGET_BYTES = MAX_RUN_MEMORY_MB * 1024 * 1024;

/** The largest power-of-ten multiple (1, 2 or 5 × 10^k) not above x, so bounds read as round numbers. */
function roundDown(x: number): number {
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [5, 2, 1]) if (m * p <= x) return m * p;
  return p;
}

function fitting(perItem: number, what: string): UpperBound {
  const max = roundDown(Math.min(MAX_ENTITIES, MAX_BUDGET_BYTES / perItem));
  return { max, why: `each ${what} takes ≥ ${perItem.toLocaleString('en-US')} B, so more do not fit the largest run budget (${MAX_RUN_MEMORY_MB / 1024} GiB)` };
}

/** The largest event cap: about 7 hours at the kernel's measured 4 M events per second (npm run bench). */
export const MAX_EVENT_CAP = 100_000_000_000;

export const BOUNDS = {
  /** Closed users: every one is an entity with its think event, all the run long. */
  users: fitting(CLOSED_USER_BYTES, 'closed user'),
  /** Slots, connections, queue places: counters, but each one filled is a request in flight. */
  inFlight: { ...fitting(REQUEST_IN_FLIGHT_BYTES, 'request in flight'), why: `more could never be occupied: each request in flight takes ≥ ${REQUEST_IN_FLIGHT_BYTES} B and the largest run budget is ${MAX_RUN_MEMORY_MB / 1024} GiB` },
  processes: fitting(BYTES.process, 'worker process'),
  instances: fitting(BYTES.instance, 'app instance'),
  hosts: fitting(BYTES.host, 'host'),
  classes: fitting(BYTES.analyzer, 'request class (its latency histograms)'),
  /** Open-workload client keys: a limit_req token bucket each. */
  clients: fitting(BYTES.tokenBucket, 'client key (its limit_req bucket)'),
  redisShards: { max: 16_384, why: 'Redis Cluster has 16,384 hash slots, so no more shards can hold keys' },
  /** Queueing stations: the visit ratios solve an n × n linear system, n³/3 operations. */
  stations: { max: 1_000, why: 'the visit ratios solve a linear system of n³/3 operations: 1,000 stations already take about a second' },
  /** Work items inside one request (queries, commands, tasks): each costs ≥ 2 events. */
  perRequest: { max: 1_000_000, why: 'each costs ≥ 2 events, so one request would already take 2 million events' },
  retries: { max: 1_000, why: 'each retry may leave one more abandoned attempt in flight per user; no client library retries this often' },
  claims: { max: 1_000, why: 'each claim at its own load costs a simulation' },
  listItems: { max: 10_000, why: 'a list this long is not a configuration but generated data' },
  eventCap: { max: MAX_EVENT_CAP, why: 'about 7 hours of simulation at the measured 4 M events per second' },
  observations: { max: MAX_EVENT_CAP / 2, why: 'each observation costs ≥ 2 events, so the largest event cap cannot collect more' },
  seed: { max: Number.MAX_SAFE_INTEGER, why: 'larger seeds are not exact in a number, so two of them would run the same stream' },
  /** A rate no event cap can simulate for a second (≥ 2 events per request). */
  ratePerS: { max: MAX_EVENT_CAP / 2, why: 'each request costs ≥ 2 events, so even the largest event cap (1e11) covers less than one simulated second' },
  dailyUsers: { max: 10_000_000_000, why: 'more than the people on Earth' },
  vcpus: { max: 4_096, why: 'the engine holds any count, but the largest machines sold have 1,920 vCPUs, so more is a typo' },
  runMemoryMb: { max: MAX_RUN_MEMORY_MB, why: 'entity ids are 32-bit: 2³¹ entities at ≥ 36 B each fill 72 GiB, so a larger budget could not be used' },
} satisfies Record<string, UpperBound>;

/** Memory sizes (MB): larger than any host (the largest have 32 TB), so a bigger value is a typo or a unit slip. */
export const MAX_MEMORY_MB = 64 * 1024 * 1024;

/** Names (hosts, classes, zones, stations) and free text (descriptions, quotes, reasons), in characters. */
export const MAX_NAME_CHARS = 200;
export const MAX_TEXT_CHARS = 10_000;
