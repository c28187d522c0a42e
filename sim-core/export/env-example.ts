// .env.example: every environment variable the other files read, with placeholders; never a secret.

import type { ExportContext } from './context';
import { FILE, header } from './format';

export function dbUrlScheme(ctx: ExportContext): string {
  const e = ctx.s.database?.engine;
  return e === 'mysql' ? 'mysql+pymysql' : e === 'mongodb' ? 'mongodb' : 'postgresql+psycopg';
}

export function envExample(ctx: ExportContext): string {
  const s = ctx.s;
  const out: string[] = ['# Copy to .env and fill in. Keep .env out of version control.', ''];
  if (ctx.target !== 'bare') {
    out.push('# Images (yours: the application; PgBouncer has no official image, pick one that runs PgBouncer ' + ctx.versions.pgbouncer + ')');
    out.push('APP_IMAGE=registry.example.com/myapp:1.0');
    if (s.pgbouncer) out.push('PGBOUNCER_IMAGE=');
    out.push('');
  }
  out.push(`APP_MODULE=${s.app.server === 'uvicorn' ? 'app.main:app' : 'app.wsgi:application'}`);
  if (s.celery) out.push('CELERY_APP=app');
  if (s.database) {
    const db = ctx.dbEndpoint();
    out.push('', '# Database (the app connects to ' + (s.pgbouncer ? 'PgBouncer' : 'the database') + ')');
    out.push(`DB_HOST=${db.address}`);
    if (ctx.target === 'bare' && s.pgbouncer) out.push('# pgbouncer.ini placeholder (render it with envsubst): the PostgreSQL host behind PgBouncer', `DB_SERVER_HOST=${s.database.host}`);
    out.push(`DB_PORT=${db.port}`, 'DB_NAME=app', 'DB_USER=app');
    out.push('# Set a strong password here; it is never written into the exported files.', 'DB_PASSWORD=');
    if (s.app.db_access === 'sqlalchemy') out.push(`# SQLAlchemy URL: ${dbUrlScheme(ctx)}://app:<DB_PASSWORD>@${db.address}:${db.port}/app`, 'DATABASE_URL=');
    if (s.app.db_access === 'mongodb') out.push(`# MongoDB URI: mongodb://app:<DB_PASSWORD>@${db.address}:${db.port}/app`, 'MONGODB_URI=');
  }
  if (s.redis) {
    const r = ctx.redisEndpoint();
    out.push('', `REDIS_URL=redis://${r.address}:${r.port}/0`);
  }
  out.push('');
  return [...header(ctx, FILE.env, '.env.example'), ...out].join('\n');
}
