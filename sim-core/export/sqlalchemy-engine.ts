// SQLAlchemy create_engine keyword arguments: the QueuePool the scenario simulated, per worker process.

import type { ExportContext } from './context';
import { FILE, header, num } from './format';
import { appDbClients } from './sizing';

export function sqlalchemyEngine(ctx: ExportContext): string {
  const s = ctx.s;
  const app = s.app;
  const p = app.sqlalchemy!;
  const total = appDbClients(ctx);
  const out = ['import os', '', 'from sqlalchemy import create_engine', ''];
  out.push('ENGINE_KWARGS = dict(');
  out.push(`    pool_size=${p.pool_size},  # scenario app.sqlalchemy.pool_size, per worker process`);
  out.push(`    max_overflow=${p.max_overflow},  # scenario app.sqlalchemy.max_overflow`);
  out.push(`    pool_timeout=${p.pool_timeout},  # scenario app.sqlalchemy.pool_timeout: seconds a checkout waits, then TimeoutError`);
  out.push('    pool_pre_ping=True,  # test a pooled connection before use (the database or PgBouncer may have closed it)');
  out.push(')');
  out.push(`# Connections: ${total.formula} = ${num(total.n)} for the app tier.`);
  if (s.pgbouncer && s.pgbouncer.pool_mode !== 'session') {
    out.push(`# Behind PgBouncer ${s.pgbouncer.pool_mode} pooling${ctx.versions.pgbouncer === '1.18' ? ' 1.18: disable server-side prepared statements (psycopg 3: connect_args={"prepare_threshold": None})' : ' ≥ 1.21: prepared statements work (max_prepared_statements)'}.`);
  }
  out.push('# DATABASE_URL comes from the environment (.env.example); it carries the password, this file does not.');
  out.push('engine = create_engine(os.environ["DATABASE_URL"], **ENGINE_KWARGS)');
  out.push('# asyncio (uvicorn): sqlalchemy.ext.asyncio.create_async_engine(os.environ["DATABASE_URL"], **ENGINE_KWARGS)');
  if (s.redis) {
    out.push('', 'import redis', '');
    out.push(`REDIS_POOL = redis.ConnectionPool.from_url(os.environ["REDIS_URL"], max_connections=${app.redis_max_connections})  # scenario app.redis_max_connections`);
  }
  out.push('');
  return [...header(ctx, FILE.sqlalchemy, 'SQLAlchemy engine settings'), ...out].join('\n');
}
