// pgbouncer.ini: the pool the scenario simulated (mode, sizes, wait timeout), the database behind it, the auth
// file path and no password. PgBouncer takes no trailing comments, so each comment sits on the line above.

import type { ExportContext } from './context';
import { FILE, header, num } from './format';
import { appDbClients } from './sizing';

export function pgbouncerIni(ctx: ExportContext): string {
  const p = ctx.s.pgbouncer!;
  const d = ctx.s.database!;
  const v121 = ctx.versions.pgbouncer === '1.21';
  const clients = appDbClients(ctx);
  const out: string[] = [];
  const set = (line: string, ...why: string[]) => out.push(...why.map((w) => `; ${w}`), line);

  out.push('[databases]');
  if (ctx.target === 'bare') {
    out.push('; ${DB_SERVER_HOST} is a placeholder: PgBouncer does not expand environment variables, so render', '; this file with `envsubst < pgbouncer.ini > /etc/pgbouncer/pgbouncer.ini` (values in .env.example).');
    set(`app = host=\${DB_SERVER_HOST} port=5432 dbname=app`, `the database on host ${d.host} of the scenario`);
  } else {
    set('app = host=db port=5432 dbname=app', `the "db" ${ctx.target === 'compose' ? 'compose service' : 'Kubernetes Service'} (scenario host ${d.host}); dbname as in .env.example DB_NAME`);
  }
  if (p.pools > 1) out.push(`; scenario pgbouncer.pools = ${p.pools}: one line per database; every user/database pair gets its own default_pool_size`);
  out.push('', '[pgbouncer]');
  set('listen_addr = *', 'clients on other hosts/containers');
  set('listen_port = 6432', 'PgBouncer default port');
  set('auth_type = scram-sha-256', 'PostgreSQL ≥ 14 default password_encryption');
  set('auth_file = /etc/pgbouncer/userlist.txt', '"user" "SCRAM-SHA-256$…" lines, copied from pg_authid; never part of this export');
  set('admin_users = postgres', 'may run RELOAD / SHOW POOLS on the pgbouncer console');
  if (ctx.target === 'bare') {
    set('logfile = /var/log/postgresql/pgbouncer.log', 'Debian default');
    set('pidfile = /var/run/postgresql/pgbouncer.pid', 'Debian default');
  }
  out.push('');
  set(`pool_mode = ${p.pool_mode}`, `scenario pgbouncer.pool_mode (simulated: a server connection is held per ${p.pool_mode})`);
  set(`default_pool_size = ${p.default_pool_size}`, `scenario pgbouncer.default_pool_size, per user/database pair; ${p.pools} × ${p.default_pool_size} = ${num(p.pools * p.default_pool_size)} server connections ≤ max_connections ${d.max_connections} − ${d.superuser_reserved_connections} reserved`);
  set(`max_client_conn = ${p.max_client_conn}`, `scenario pgbouncer.max_client_conn; the app tier opens up to ${Number.isFinite(clients.n) ? num(clients.n) : 'unbounded'} (${clients.formula})`);
  set(`reserve_pool_size = ${p.reserve_pool_size}`, 'scenario pgbouncer.reserve_pool_size');
  set('reserve_pool_timeout = 5', 'PgBouncer default: seconds before the reserve pool is used');
  set(`query_wait_timeout = ${p.query_wait_timeout}`, 'scenario pgbouncer.query_wait_timeout: seconds a client waits for a server connection');
  if (v121 && p.pool_mode !== 'session') {
    set('max_prepared_statements = 200', 'PgBouncer ≥ 1.21: protocol-level prepared statements in transaction mode (200 is the 1.22+ default)');
  } else if (!v121 && p.pool_mode !== 'session') {
    out.push('; max_prepared_statements needs PgBouncer 1.21 (target 1.18): disable server-side prepared statements in the driver');
  }
  out.push('');
  return [...header(ctx, FILE.pgbouncer, 'pgbouncer.ini', ';'), ...out].join('\n');
}
