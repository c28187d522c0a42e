// nginx in front of the app: settings named as in nginx.conf. Times in seconds as nginx writes them, rates in
// requests per second.

import { z } from 'zod';
import { BOUNDS } from '../../schema/field-bounds';
import { fraction, listOf, name, nonNegative, positive, wholeAtLeast } from '../../schema/schema-fields';
import { memoryMb } from './memory-size';

export const limitReqSchema = z.strictObject({
  zone: name('a zone name'),
  rate_per_s: positive('a rate per second', BOUNDS.ratePerS),
  burst: wholeAtLeast(0, BOUNDS.inFlight).default(0),
  nodelay: z.boolean().default(true),
  /** $binary_remote_addr (one bucket per client) or one shared bucket for everyone. */
  key: z.enum(['per_client', 'global'], { error: 'expected "per_client" or "global"' }).default('per_client'),
  /** Request classes this limit applies to (all when omitted). */
  classes: listOf(name('a request class name'), BOUNDS.classes).optional(),
  /** HTTP status for rejected requests (nginx default 503). */
  status: z.union([z.literal(429), z.literal(503)]).default(503),
});

export const proxyCacheSchema = z.strictObject({
  /** Share of cacheable requests answered from the cache (a stated assumption: it depends on the key space). */
  hit_ratio: fraction(),
  classes: listOf(name('a request class name'), BOUNDS.classes).min(1, { error: 'expected at least one request class' }),
  valid_s: positive('a time in seconds').default(60),
  keys_zone_mb: positive('a size in MB').default(10),
  max_size_gb: positive('a size in GB').default(1),
});

export const nginxSchema = z.strictObject({
  host: name('a host name'),
  worker_processes: z.union([wholeAtLeast(1, BOUNDS.processes), z.literal('auto')]).default('auto'),
  worker_connections: wholeAtLeast(1, BOUNDS.inFlight).default(512),
  keepalive_timeout_s: nonNegative('a time in seconds').default(75),
  upstream_method: z.enum(['round_robin', 'least_conn'], { error: 'expected "round_robin" or "least_conn"' }).default('round_robin'),
  /** Idle keepalive connections to the upstream cached per worker. */
  upstream_keepalive: wholeAtLeast(0, BOUNDS.inFlight).default(0),
  proxy_connect_timeout_s: positive('a time in seconds').default(60),
  proxy_read_timeout_s: positive('a time in seconds').default(60),
  limit_req: listOf(limitReqSchema, BOUNDS.listItems).default([]),
  proxy_cache: proxyCacheSchema.optional(),
  gzip: z.boolean().default(true),
  /** Per-request CPU of nginx itself (parsing, proxying), ms of one reference core. */
  cpu_ms_per_request: positive('a time in ms').default(0.15),
  /** Extra CPU per KB compressed when gzip is on. */
  gzip_cpu_ms_per_kb: nonNegative('a time in ms').default(0.02),
  memory_per_worker: memoryMb().default(20),
});

export type NginxSpec = z.infer<typeof nginxSchema>;
