// The result of simulating a web-stack scenario at one load: the common RunResult keys plus what architects
// ask next — per-class latency, memory per host, database and cache figures, the binding resource and the SLO
// verdict. Latencies in ms, throughput in requests per second, memory in MB, bandwidth in bytes per second.

import type { LatencySummary, RunResult } from '../../run/run-result';
import type { HostMemory } from '../derived/host-memory';

export type { HostMemory };

/** Error causes as users name them; every one is counted per attempt in errors.by_cause. */
export const errorCauses = [
  'limit_req', // nginx limit_req rejected the request (503/429)
  'nginx_connections', // worker_processes × worker_connections exhausted
  'backlog_full', // the app's listen backlog overflowed (nginx 502)
  'limit_concurrency', // uvicorn --limit-concurrency (503)
  'proxy_timeout', // nginx proxy_read_timeout (504)
  'worker_timeout', // gunicorn killed the worker (timeout)
  'pool_timeout', // SQLAlchemy QueuePool TimeoutError / MongoDB wait-queue timeout
  'max_connections', // the database refused a new connection
  'pgbouncer_max_client_conn', // PgBouncer refused the client
  'pgbouncer_wait_timeout', // query_wait_timeout in PgBouncer
  'redis_maxclients', // Redis refused the connection
  'client_timeout', // the client gave up waiting (it may retry)
] as const;
export type ErrorCause = (typeof errorCauses)[number];

export interface ClassResult {
  throughput_rps: number;
  latency_ms: LatencySummary;
  error_rate: number;
}

export interface WebStackResult extends RunResult {
  scenario: string;
  /** The load simulated: closed users or open rate (daily workloads are turned into users). */
  load: { users?: number; rate_per_s?: number };
  classes: Record<string, ClassResult>;
  memory: Record<string, HostMemory>;
  database?: {
    peak_connections: number;
    mean_connections: number;
    max_connections: number;
    buffer_hit_ratio: number;
    queries_per_s: number;
  };
  cache?: { hit_ratio: number; commands_per_s: number };
  /** Client requests that failed after retries, as a share of client requests (errors.rate counts attempts). */
  user_error_rate: number;
  /** The resource with the highest utilisation, and its value. */
  bottleneck: { resource: string; utilization: number };
  slo: { p95_ms: number; max_error_rate: number; met: boolean };
  /** Response bytes sent to clients per second (for bandwidth cost). */
  egress_bytes_per_s: number;
}
