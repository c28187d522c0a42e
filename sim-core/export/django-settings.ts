// Django DATABASES (CONN_MAX_AGE) and CACHES for settings.py: connection details from the environment, pool
// numbers from the scenario.

import type { ExportContext } from './context';
import { FILE, header, num } from './format';
import { appDbClients, dbConnsPerProcess } from './sizing';

export function djangoSettings(ctx: ExportContext): string {
  const s = ctx.s;
  const app = s.app;
  const dj = app.django!;
  const db = ctx.dbEndpoint();
  const per = dbConnsPerProcess(app);
  const total = appDbClients(ctx);
  const engine = s.database!.engine === 'mysql' ? 'django.db.backends.mysql' : 'django.db.backends.postgresql';
  const age = dj.conn_max_age === null ? 'None' : String(dj.conn_max_age);
  const out = ['import os', '', 'DATABASES = {', '    "default": {'];
  out.push(`        "ENGINE": "${engine}",`);
  out.push('        "NAME": os.environ["DB_NAME"],', '        "USER": os.environ["DB_USER"],');
  out.push('        "PASSWORD": os.environ["DB_PASSWORD"],  # from the environment, never in this file');
  out.push(`        "HOST": os.environ.get("DB_HOST", "${db.address}"),  # ${s.pgbouncer ? 'PgBouncer' : 'the database'}`);
  out.push(`        "PORT": os.environ.get("DB_PORT", "${db.port}"),`);
  out.push(`        "CONN_MAX_AGE": ${age},  # scenario app.django.conn_max_age (${dj.conn_max_age === 0 ? 'close after every request' : dj.conn_max_age === null ? 'keep forever' : 'seconds a connection is reused'})`);
  if (dj.conn_max_age !== 0) out.push('        "CONN_HEALTH_CHECKS": True,  # Django ≥ 4.1: test a reused connection before the request uses it');
  if (s.pgbouncer && s.pgbouncer.pool_mode !== 'session') out.push(`        "DISABLE_SERVER_SIDE_CURSORS": True,  # PgBouncer ${s.pgbouncer.pool_mode} pooling (Django docs)`);
  out.push('    }', '}');
  out.push(`# Connections: ${per.formula} per worker process; ${total.formula} = ${Number.isFinite(total.n) ? num(total.n) : 'unbounded'} for the app tier.`);
  if (s.redis) {
    const r = ctx.redisEndpoint();
    out.push('', 'CACHES = {', '    "default": {');
    out.push('        "BACKEND": "django.core.cache.backends.redis.RedisCache",  # Django ≥ 4.0');
    out.push(`        "LOCATION": os.environ.get("REDIS_URL", "redis://${r.address}:${r.port}/0"),`);
    out.push(`        "OPTIONS": {"max_connections": ${app.redis_max_connections}},  # scenario app.redis_max_connections, per worker process`);
    out.push('    }', '}');
  }
  out.push('');
  return [...header(ctx, FILE.django, 'Django settings (DATABASES, CACHES)'), ...out].join('\n');
}
