// Scenario format v1 for web stacks (kind "web-stack"): hardware, placement of processes on hosts, each
// component's settings named as in its real config, workload, SLO, assumptions and the document's claims.
// Cross-references (hosts, classes) are checked here so the model can trust them.

import { z } from 'zod';
import { runControlSchema } from '../../run/run-control';
import { BOUNDS } from '../../schema/field-bounds';
import { renderValue, someOf } from '../../schema/schema-errors';
import { listOf, name, text } from '../../schema/schema-fields';
import { appServerSchema } from './app-server';
import { assumptionSchema, claimSchema, sloSchema } from './claims';
import { cdnSchema, celerySchema, databaseSchema, networkSchema, pgbouncerSchema, redisSchema } from './data-tier';
import { hostSchema } from './hardware';
import { nginxSchema } from './nginx';
import { workloadBlockSchema } from './workload';

export const WEB_STACK_SCHEMA_VERSION = 1;

const webRunControlSchema = runControlSchema.extend({
  duration_s: runControlSchema.shape.duration_s.default(120),
  max_events: runControlSchema.shape.max_events.default(60_000_000),
  min_observations: runControlSchema.shape.min_observations.default(5_000),
});

export const webStackBaseSchema = z.strictObject({
  kind: z.literal('web-stack'),
  schema_version: z.literal(WEB_STACK_SCHEMA_VERSION, { error: `expected schema_version ${WEB_STACK_SCHEMA_VERSION}` }),
  name: name('a name'),
  description: text('a description').optional(),
  /** The document and tier this scenario is taken from. */
  source: z.strictObject({ document: text('a document name', 1), tier: text('a tier name', 1), group: text('a group name').optional() }).optional(),
  hosts: listOf(hostSchema, BOUNDS.hosts).min(1, { error: 'expected at least one host' }),
  network: networkSchema.default(networkSchema.parse({})),
  cdn: cdnSchema.optional(),
  nginx: nginxSchema.optional(),
  app: appServerSchema,
  pgbouncer: pgbouncerSchema.optional(),
  database: databaseSchema.optional(),
  redis: redisSchema.optional(),
  celery: celerySchema.optional(),
  workload: workloadBlockSchema,
  slo: sloSchema.default(sloSchema.parse({})),
  assumptions: listOf(assumptionSchema, BOUNDS.listItems).default([]),
  claims: listOf(claimSchema, BOUNDS.claims).default([]),
  run: webRunControlSchema.default(webRunControlSchema.parse({})),
});

type Base = z.infer<typeof webStackBaseSchema>;

function checkReferences(s: Base, ctx: z.core.$RefinementCtx<Base>): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const hosts = new Set<string>();
  s.hosts.forEach((h, i) => {
    if (hosts.has(h.name)) issue(['hosts', i, 'name'], `expected a unique host name, ${renderValue(h.name)} is used twice`);
    hosts.add(h.name);
  });
  const hostRef = (path: (string | number)[], name: string) => {
    if (!hosts.has(name)) issue(path, `expected one of the hosts (${someOf([...hosts])}), got ${renderValue(name)}`);
  };
  if (s.nginx) hostRef(['nginx', 'host'], s.nginx.host);
  s.app.instances.forEach((inst, i) => hostRef(['app', 'instances', i, 'host'], inst.host));
  if (s.pgbouncer) hostRef(['pgbouncer', 'host'], s.pgbouncer.host);
  if (s.database) {
    hostRef(['database', 'host'], s.database.host);
    s.database.replicas.forEach((r, i) => hostRef(['database', 'replicas', i, 'host'], r.host));
  }
  if (s.redis) hostRef(['redis', 'host'], s.redis.host);
  if (s.celery) hostRef(['celery', 'host'], s.celery.host);

  const classes = new Set<string>();
  let shareSum = 0;
  s.workload.classes.forEach((c, i) => {
    if (classes.has(c.name)) issue(['workload', 'classes', i, 'name'], `expected a unique class name, ${renderValue(c.name)} is used twice`);
    classes.add(c.name);
    shareSum += c.share;
    if (!c.static && c.db_queries > 0 && !s.database) issue(['workload', 'classes', i, 'db_queries'], 'expected 0: the scenario has no database');
    if (c.db_queries > 0 && !c.db_query_ms) issue(['workload', 'classes', i, 'db_query_ms'], 'required: expected a distribution of database time per query');
    if (c.celery_tasks > 0 && !s.celery) issue(['workload', 'classes', i, 'celery_tasks'], 'expected 0: the scenario has no celery workers');
    // The task is enqueued with an LPUSH on the broker: Celery here always uses Redis as its broker.
    else if (c.celery_tasks > 0 && !s.redis) issue(['workload', 'classes', i, 'celery_tasks'], 'expected 0: celery tasks go through redis as the broker, and the scenario has no redis');
    if (c.celery_tasks > 0 && !c.task_cpu_ms) issue(['workload', 'classes', i, 'task_cpu_ms'], 'required: expected a distribution of CPU per task');
    if ((c.cacheable_share > 0 || c.redis_commands > 0) && !s.redis) issue(['workload', 'classes', i], 'expected no cache use (cacheable_share, redis_commands): the scenario has no redis');
    if (c.static && !s.nginx && !s.cdn) issue(['workload', 'classes', i, 'static'], 'expected false: static files need nginx or a CDN in front');
  });
  if (Math.abs(shareSum - 1) > 1e-6) issue(['workload', 'classes'], `expected shares summing to 1, they sum to ${+shareSum.toFixed(6)}`);
  const classRefs = (path: (string | number)[], names: string[] | undefined) =>
    names?.forEach((n, j) => {
      if (!classes.has(n)) issue([...path, j], `expected one of the request classes (${someOf([...classes])}), got ${renderValue(n)}`);
    });
  s.nginx?.limit_req.forEach((l, i) => classRefs(['nginx', 'limit_req', i, 'classes'], l.classes));
  classRefs(['nginx', 'proxy_cache', 'classes'], s.nginx?.proxy_cache?.classes);
  classRefs(['cdn', 'classes'], s.cdn?.classes);

  const app = s.app;
  if (app.server === 'uvicorn' && app.worker_class !== 'uvicorn') issue(['app', 'worker_class'], 'expected "uvicorn" for server uvicorn');
  if (app.db_access === 'sqlalchemy' && !app.sqlalchemy) issue(['app', 'sqlalchemy'], 'required: expected the SQLAlchemy pool settings (pool_size, max_overflow, pool_timeout)');
  if (app.db_access === 'django' && !app.django) issue(['app', 'django'], 'required: expected the Django database settings (conn_max_age)');
  if (app.db_access === 'mongodb' && !app.mongodb) issue(['app', 'mongodb'], 'required: expected the MongoDB driver settings (maxPoolSize)');
  if (app.db_access !== 'none' && !s.database) issue(['app', 'db_access'], 'expected "none": the scenario has no database');
  if (s.database) {
    const mongo = s.database.engine === 'mongodb';
    if (mongo !== (app.db_access === 'mongodb')) issue(['app', 'db_access'], mongo ? 'expected "mongodb" for a MongoDB database' : 'expected "sqlalchemy" or "django" for a SQL database');
    if (s.pgbouncer && s.database.engine !== 'postgresql') issue(['pgbouncer'], 'expected no pgbouncer: it only pools PostgreSQL');
  }
}

export const webStackSchema = webStackBaseSchema.superRefine(checkReferences);

export type WebStackScenario = z.infer<typeof webStackSchema>;
export type WebStackInput = z.input<typeof webStackSchema>;
