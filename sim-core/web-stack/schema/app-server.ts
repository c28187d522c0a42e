// The application tier: Gunicorn (sync, gthread, gevent) or Uvicorn workers, as many instances as configured,
// each placed on a host, with the framework's database access (SQLAlchemy pool or Django connections).
// Settings named as in gunicorn.conf.py / the uvicorn command line; times in seconds as they write them.

import { z } from 'zod';
import { BOUNDS } from '../../schema/field-bounds';
import { listOf, name, nonNegative, positive, wholeAtLeast } from '../../schema/schema-fields';
import { memoryMb } from './memory-size';

export const workerClasses = ['sync', 'gthread', 'gevent', 'uvicorn'] as const;
export type WorkerClass = (typeof workerClasses)[number];

export const sqlalchemyPoolSchema = z.strictObject({
  pool_size: wholeAtLeast(0, BOUNDS.inFlight).default(5),
  max_overflow: wholeAtLeast(0, BOUNDS.inFlight).default(10),
  /** Seconds a checkout waits before raising TimeoutError. */
  pool_timeout: positive('a time in seconds').default(30),
});

export const djangoDbSchema = z.strictObject({
  /** Seconds a connection is kept; 0 closes it after every request, null keeps it forever. */
  conn_max_age: z.union([nonNegative('a time in seconds'), z.null()]).default(0),
});

export const mongoDriverSchema = z.strictObject({
  maxPoolSize: wholeAtLeast(1, BOUNDS.inFlight).default(100),
  minPoolSize: wholeAtLeast(0, BOUNDS.inFlight).default(0),
  /** Milliseconds a checkout waits (waitQueueTimeoutMS; 0 = forever in the driver, modelled as forever). */
  waitQueueTimeoutMS: nonNegative('a time in ms').default(0),
});

export const appServerSchema = z.strictObject({
  server: z.enum(['gunicorn', 'uvicorn'], { error: 'expected "gunicorn" or "uvicorn"' }),
  worker_class: z.enum(workerClasses, { error: `expected one of ${workerClasses.join(', ')}` }),
  /** One entry per instance (process group listening on its own port), each on a host. */
  instances: listOf(z.strictObject({ host: name('a host name') }), BOUNDS.instances).min(1, { error: 'expected at least one instance' }),
  workers: wholeAtLeast(1, BOUNDS.processes),
  /** gthread only. */
  threads: wholeAtLeast(1, BOUNDS.inFlight).default(1),
  /** gevent only: greenlets per worker. */
  worker_connections: wholeAtLeast(1, BOUNDS.inFlight).default(1000),
  /** uvicorn --limit-concurrency per worker process (503 above it); omitted = unlimited. */
  limit_concurrency: wholeAtLeast(1, BOUNDS.inFlight).optional(),
  /** Listen backlog of each instance's socket. */
  backlog: wholeAtLeast(1, BOUNDS.inFlight).default(2048),
  /** Gunicorn worker timeout, seconds (0 disables). */
  timeout: nonNegative('a time in seconds').default(30),
  /** Seconds for a killed worker to be replaced and serve again. */
  restart_s: positive('a time in seconds').default(1),
  memory_per_worker: memoryMb().default(150),
  /** gevent/uvicorn: memory per in-flight request (greenlet or task stack and buffers). */
  memory_per_connection: memoryMb().default(0.05),
  db_access: z.enum(['sqlalchemy', 'django', 'mongodb', 'none'], { error: 'expected sqlalchemy, django, mongodb or none' }),
  sqlalchemy: sqlalchemyPoolSchema.optional(),
  django: djangoDbSchema.optional(),
  mongodb: mongoDriverSchema.optional(),
  /** Redis connections each worker process may open (redis-py ConnectionPool max_connections). */
  redis_max_connections: wholeAtLeast(1, BOUNDS.inFlight).default(50),
});

export type AppServerSpec = z.infer<typeof appServerSchema>;
