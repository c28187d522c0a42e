// Running totals of a web-stack run, snapshotted at segment boundaries (CounterCheckpoints) so every total can
// be taken over the post-warm-up window. The first three names are the ones summarizeRun needs.

import { CounterCheckpoints } from '../../metrics/counter-checkpoints';
import { errorCauses, type ErrorCause } from './web-stack-result';

const BASE = [
  'completed', // user requests that succeeded
  'sojourn_served_ms',
  'sojourn_dropped_ms',
  'user_failed', // user requests that failed after their retries
  'attempts_ok',
  'attempts_failed',
  'egress_bytes',
  'db_queries',
  'redis_commands',
  'cache_gets',
  'cache_hits',
  'celery_done',
] as const;

export const K_COMPLETED = 0;
export const K_SOJOURN_SERVED = 1;
export const K_SOJOURN_DROPPED = 2;
export const K_USER_FAILED = 3;
export const K_ATTEMPTS_OK = 4;
export const K_ATTEMPTS_FAILED = 5;
export const K_EGRESS = 6;
export const K_DB_QUERIES = 7;
export const K_REDIS_CMDS = 8;
export const K_CACHE_GETS = 9;
export const K_CACHE_HITS = 10;
export const K_CELERY_DONE = 11;

/** Index of an error cause's counter. */
export const causeIndex = (cause: ErrorCause): number => BASE.length + errorCauses.indexOf(cause);

export const CAUSE_LIMIT_REQ = causeIndex('limit_req');
export const CAUSE_NGINX_CONNS = causeIndex('nginx_connections');
export const CAUSE_BACKLOG = causeIndex('backlog_full');
export const CAUSE_LIMIT_CONC = causeIndex('limit_concurrency');
export const CAUSE_PROXY_TIMEOUT = causeIndex('proxy_timeout');
export const CAUSE_WORKER_TIMEOUT = causeIndex('worker_timeout');
export const CAUSE_POOL_TIMEOUT = causeIndex('pool_timeout');
export const CAUSE_MAX_CONNS = causeIndex('max_connections');
export const CAUSE_PGB_CLIENTS = causeIndex('pgbouncer_max_client_conn');
export const CAUSE_PGB_WAIT = causeIndex('pgbouncer_wait_timeout');
export const CAUSE_REDIS_CLIENTS = causeIndex('redis_maxclients');
export const CAUSE_CLIENT_TIMEOUT = causeIndex('client_timeout');

/** Per class i: successful user requests at 2i, failed user requests at 2i + 1, after the causes. */
export function classCounterBase(): number {
  return BASE.length + errorCauses.length;
}

export function makeCounters(classNames: readonly string[]): CounterCheckpoints {
  const names: string[] = [...BASE, ...errorCauses];
  for (const n of classNames) names.push(`class_ok:${n}`, `class_failed:${n}`);
  return new CounterCheckpoints(names);
}
