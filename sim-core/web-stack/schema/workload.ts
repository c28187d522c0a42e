// Who sends requests and what each request costs. Closed users with think time, open arrivals (Poisson or
// bursty), or a daily curve turned into peak concurrency; request classes with demand distributions; client
// timeouts and retries. CPU demands in ms of one reference core, sizes in KB, rates per second.

import { z } from 'zod';
import { distributionSpecSchema } from '../../kernel/distributions';
import { BOUNDS } from '../../schema/field-bounds';
import { fraction, listOf, name, nonNegative, positive, wholeAtLeast } from '../../schema/schema-fields';

export const requestClassSchema = z.strictObject({
  name: name('a class name'),
  /** Share of requests of this class; shares sum to 1. */
  share: fraction(),
  /** Served by nginx from disk (static files): never reaches the app. */
  static: z.boolean().default(false),
  /** Python CPU per request (reference core), serialised by the GIL of the worker process. */
  app_cpu_ms: distributionSpecSchema.optional(),
  /** Time waiting on things outside the model (external APIs, file I/O) without holding the CPU. */
  io_wait_ms: distributionSpecSchema.optional(),
  /** Mean database queries per request when nothing is cached (fractions mean "sometimes one more"). */
  db_queries: nonNegative('a number of queries', BOUNDS.perRequest).default(0),
  /** Database CPU per query (reference core). */
  db_query_ms: distributionSpecSchema.optional(),
  /** Buffer pages each query reads; misses go to the disk. */
  db_pages_per_query: nonNegative('a number of pages', BOUNDS.perRequest).default(4),
  /** Whether queries only read (read replicas may serve them). */
  read_only: z.boolean().default(true),
  /** Share of the queries the application answers from Redis when the key is cached. */
  cacheable_share: fraction().default(0),
  /** Hit ratio of those cache lookups with unlimited cache memory (maxmemory may lower it). */
  cache_hit_ratio: fraction().default(0),
  /** Further Redis commands per request (sessions, counters, rate limits). */
  redis_commands: nonNegative('a number of commands', BOUNDS.perRequest).default(0),
  response_kb: nonNegative('a size in KB').default(10),
  /** Celery tasks enqueued per request, and the CPU each takes on a Celery worker. */
  celery_tasks: nonNegative('a number of tasks', BOUNDS.perRequest).default(0),
  task_cpu_ms: distributionSpecSchema.optional(),
});

const retriesSchema = z.strictObject({
  /** Seconds a client waits for a response before giving up on that attempt. */
  client_timeout_s: positive('a time in seconds'),
  /** Further attempts after a timeout or a 5xx. */
  max_retries: wholeAtLeast(0, BOUNDS.retries).default(0),
  backoff_ms: nonNegative('a time in ms').default(0),
});

const burstSchema = z.strictObject({
  /** Rate during a burst as a multiple of the mean rate's base level. */
  factor: positive('a multiple'),
  /** Mean burst and calm durations, seconds (exponentially distributed). */
  on_s: positive('a time in seconds'),
  off_s: positive('a time in seconds'),
});

const closedSchema = z.strictObject({
  type: z.literal('closed'),
  users: wholeAtLeast(1, BOUNDS.users),
  think_ms: distributionSpecSchema,
});

const openSchema = z.strictObject({
  type: z.literal('open'),
  rate_per_s: positive('a rate per second', BOUNDS.ratePerS),
  /** Bursty arrivals (a two-state modulated Poisson process with the same mean rate); omitted = Poisson. */
  burst: burstSchema.optional(),
  /** Distinct clients the requests come from (per-client rate limits). */
  clients: wholeAtLeast(1, BOUNDS.clients).default(1000),
});

const dailySchema = z.strictObject({
  type: z.literal('daily'),
  daily_active_users: wholeAtLeast(1, BOUNDS.dailyUsers),
  sessions_per_user: positive('a number of sessions').default(1),
  session_minutes: positive('a duration in minutes').default(10),
  /** Peak-hour traffic as a multiple of the daily average (busy hour factor). */
  peak_factor: positive('a multiple').default(3),
  think_ms: distributionSpecSchema,
});

export const workloadSchema = z.discriminatedUnion('type', [closedSchema, openSchema, dailySchema], {
  error: 'expected a workload with type "closed", "open" or "daily"',
});

export const workloadBlockSchema = z.strictObject({
  load: workloadSchema,
  classes: listOf(requestClassSchema, BOUNDS.classes).min(1, { error: 'expected at least one request class' }),
  retries: retriesSchema.optional(),
  /** Hours a day the peak load lasts, for monthly traffic (bandwidth, CDN); a daily curve sets it as 24 / peak_factor. */
  peak_hours_per_day: positive('a number of hours').max(24, { error: 'expected a number of hours > 0 and ≤ 24' }).optional(),
});

export type RequestClassSpec = z.infer<typeof requestClassSchema>;
export type LoadSpec = z.infer<typeof workloadSchema>;
export type WorkloadSpec = z.infer<typeof workloadBlockSchema>;
