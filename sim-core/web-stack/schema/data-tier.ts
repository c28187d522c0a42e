// PgBouncer, the database (PostgreSQL, MySQL or MongoDB), Redis and Celery, each placed on a host. Settings
// named as in their config files; memory as "8GB"/MB, times in seconds unless the name says ms.

import { z } from 'zod';
import { BOUNDS } from '../../schema/field-bounds';
import { fraction, listOf, name, nonNegative, positive, text, wholeAtLeast } from '../../schema/schema-fields';
import { memoryMb } from './memory-size';

export const pgbouncerSchema = z.strictObject({
  host: name('a host name'),
  pool_mode: z.enum(['session', 'transaction', 'statement'], { error: 'expected session, transaction or statement' }).default('transaction'),
  default_pool_size: wholeAtLeast(1, BOUNDS.inFlight).default(20),
  max_client_conn: wholeAtLeast(1, BOUNDS.inFlight).default(100),
  reserve_pool_size: wholeAtLeast(0, BOUNDS.inFlight).default(0),
  /** Seconds a client waits for a server connection before an error. */
  query_wait_timeout: positive('a time in seconds').default(120),
  /** Separate user/database pairs, each with its own default_pool_size. */
  pools: wholeAtLeast(1, BOUNDS.inFlight).default(1),
});

export const databaseEngines = ['postgresql', 'mysql', 'mongodb'] as const;

export const databaseSchema = z.strictObject({
  engine: z.enum(databaseEngines, { error: `expected one of ${databaseEngines.join(', ')}` }),
  /** Server major version, e.g. 15 or 16 (exporters target it). */
  version: name('a version such as "16"').optional(),
  host: name('a host name'),
  /** Read replicas on further hosts: read-only queries are spread over primary + replicas. */
  replicas: listOf(z.strictObject({ host: name('a host name') }), BOUNDS.hosts).default([]),
  max_connections: wholeAtLeast(1, BOUNDS.inFlight).default(100),
  superuser_reserved_connections: wholeAtLeast(0, BOUNDS.inFlight).default(3),
  /** PostgreSQL shared_buffers / MySQL innodb_buffer_pool_size / MongoDB WiredTiger cache. */
  shared_buffers: memoryMb().default(128),
  work_mem: memoryMb().default(4),
  maintenance_work_mem: memoryMb().default(64),
  effective_cache_size: memoryMb().optional(),
  /** Hot data the queries touch; against the caches it sets the buffer hit ratio. */
  working_set: memoryMb(),
  /** Memory of one idle backend process (PostgreSQL ~ 5–10 MB). */
  memory_per_connection: memoryMb().default(10),
  /** MongoDB: concurrent operations inside the storage engine (WiredTiger tickets). */
  concurrent_operations: wholeAtLeast(1, BOUNDS.inFlight).default(128),
  /** Milliseconds of one reference core to open a new connection (PostgreSQL forks a backend). */
  connect_ms: positive('a time in ms').default(3),
});

export const redisSchema = z.strictObject({
  host: name('a host name'),
  /** Cluster shards (keys spread evenly); each shard is one command thread. */
  shards: wholeAtLeast(1, BOUNDS.redisShards).default(1),
  /** Per-shard memory limit; omitted = no limit. */
  maxmemory: memoryMb().optional(),
  maxmemory_policy: z.enum(['noeviction', 'allkeys-lru', 'allkeys-lfu', 'volatile-lru', 'volatile-lfu', 'allkeys-random', 'volatile-random', 'volatile-ttl']).default('noeviction'),
  maxclients: wholeAtLeast(1, BOUNDS.inFlight).default(10000),
  /** Service time of one command on the command thread, ms. */
  command_ms: positive('a time in ms').default(0.03),
  /** Size of the data the application would keep cached with no limit; maxmemory below it lowers the hit ratio. */
  cache_working_set: memoryMb().optional(),
});

export const celerySchema = z.strictObject({
  host: name('a host name'),
  workers: wholeAtLeast(1, BOUNDS.inFlight),
  concurrency: wholeAtLeast(1, BOUNDS.inFlight).default(1),
  memory_per_worker: memoryMb().default(200),
});

export const cdnSchema = z.strictObject({
  /** Share of all requests of the listed classes served at the edge. */
  hit_ratio: fraction(),
  classes: listOf(name('a request class name'), BOUNDS.classes).min(1, { error: 'expected at least one request class' }),
  /** Latency of an edge hit as the client sees it, ms. */
  edge_ms: positive('a time in ms').default(20),
});

export const networkSchema = z.strictObject({
  /** Round trip between two processes on the same host / on different hosts, ms. */
  same_host_rtt_ms: nonNegative('a time in ms').default(0.05),
  cross_host_rtt_ms: nonNegative('a time in ms').default(0.5),
  /** Client ↔ nginx round trip added to every response, ms (not a queue). */
  client_rtt_ms: nonNegative('a time in ms').default(0),
});

export type PgbouncerSpec = z.infer<typeof pgbouncerSchema>;
export type DatabaseSpec = z.infer<typeof databaseSchema>;
export type RedisSpec = z.infer<typeof redisSchema>;
export type CelerySpec = z.infer<typeof celerySchema>;
export type CdnSpec = z.infer<typeof cdnSchema>;
