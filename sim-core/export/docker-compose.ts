// docker-compose.yml: one service per simulated process group (nginx, each app instance, PgBouncer, the
// database, Redis, Celery) with limits sized from its simulated host share, healthchecks, and secrets only as
// ${VAR} references to .env.

import type { ExportContext } from './context';
import { FILE, header, memText } from './format';
import { dbUrlScheme } from './env-example';
import { components, cpuShare, memLimitMb, type Component } from './sizing';
import { uvicornArgs } from './uvicorn-command';
import { yamlWithComments, type Path } from './yaml-doc';

const PW = '${DB_PASSWORD:?set DB_PASSWORD in .env}';

export function dbImage(ctx: ExportContext): { image: string; dataDir: string } {
  const d = ctx.s.database!;
  if (d.engine === 'mysql') return { image: `mysql:${d.version ?? '8.0'}`, dataDir: '/var/lib/mysql' };
  if (d.engine === 'mongodb') return { image: `mongo:${d.version ?? '7.0'}`, dataDir: '/data/db' };
  return { image: `postgres:${ctx.versions.postgresql}`, dataDir: '/var/lib/postgresql/data' };
}

/** The app's environment: connection details, the password only as a reference. */
export function appEnv(ctx: ExportContext, pw: string): Record<string, string> {
  const s = ctx.s;
  const env: Record<string, string> = { APP_MODULE: '${APP_MODULE:-' + (s.app.server === 'uvicorn' ? 'app.main:app' : 'app.wsgi:application') + '}', PORT: '8000' };
  if (s.database) {
    const db = ctx.dbEndpoint();
    Object.assign(env, { DB_HOST: db.address, DB_PORT: String(db.port), DB_NAME: '${DB_NAME:-app}', DB_USER: '${DB_USER:-app}', DB_PASSWORD: pw });
    const url = `${dbUrlScheme(ctx)}://\${DB_USER:-app}:${pw}@${db.address}:${db.port}/\${DB_NAME:-app}`;
    if (s.app.db_access === 'sqlalchemy') env.DATABASE_URL = url;
    if (s.app.db_access === 'mongodb') env.MONGODB_URI = url;
  }
  if (s.redis) env.REDIS_URL = `redis://redis:6379/0`;
  return env;
}

export function dockerCompose(ctx: ExportContext): string {
  const s = ctx.s;
  const all = components(ctx);
  const services: Record<string, Record<string, unknown>> = {};
  const notes: [Path, string][] = [];
  const hc = (test: string[]) => ({ test, interval: '10s', timeout: '5s', retries: 5, start_period: '20s' });
  const healthy = (names: string[]) => Object.fromEntries(names.map((n) => [n, { condition: 'service_healthy' }]));
  const sized = (c: Component, svc: Record<string, unknown>, replicas = 1) => {
    const cpu = cpuShare(ctx, c, all);
    const per = { ...c, memMb: c.memMb / replicas };
    const mem = memLimitMb(per);
    svc.deploy = { ...(svc.deploy as object), resources: { limits: { cpus: cpu.limit, memory: `${mem}M` }, reservations: { cpus: cpu.request, memory: `${Math.ceil(per.memMb)}M` } } };
    notes.push([['services', c.name, 'deploy', 'resources', 'limits', 'cpus'], cpu.formula]);
    notes.push([['services', c.name, 'deploy', 'resources', 'limits', 'memory'], `footprint ${memText(per.memMb)} × 1.25 headroom, rounded up to 64 MB`]);
    notes.push([['services', c.name, 'deploy', 'resources', 'reservations', 'memory'], `footprint: ${c.formula}${replicas > 1 ? `, / ${replicas} replicas` : ''}`]);
    services[c.name] = svc;
  };
  const insts = ctx.appInstances();
  const dataDeps = [...(s.pgbouncer ? ['pgbouncer'] : s.database ? ['db'] : []), ...(s.redis ? ['redis'] : [])];

  if (s.nginx) {
    const c = all.find((x) => x.kind === 'nginx')!;
    const nofile = 2 * s.nginx.worker_connections;
    sized(c, {
      image: `nginx:${ctx.versions.nginx}`,
      ports: ['80:80'],
      volumes: ['./nginx.conf:/etc/nginx/nginx.conf:ro', 'nginx-cache:/var/cache/nginx'],
      ulimits: { nofile: { soft: nofile, hard: nofile } },
      depends_on: healthy(insts.map((i) => i.name)),
      healthcheck: hc(['CMD', 'curl', '-fsS', 'http://127.0.0.1/healthz']),
      restart: 'unless-stopped',
    });
    notes.push([['services', 'nginx', 'ulimits', 'nofile', 'soft'], 'worker_rlimit_nofile: 2 × worker_connections']);
  }
  const conf = s.app.server === 'uvicorn' ? FILE.uvicorn : FILE.gunicorn;
  for (const i of insts) {
    const c = all.find((x) => x.name === i.name)!;
    sized(c, {
      image: '${APP_IMAGE:?set APP_IMAGE in .env}',
      command: s.app.server === 'uvicorn' ? ['sh', `/etc/app/${FILE.uvicorn}`] : ['gunicorn', '-c', `/etc/app/${FILE.gunicorn}`],
      environment: appEnv(ctx, PW),
      volumes: [`./${conf}:/etc/app/${conf}:ro`],
      expose: ['8000'],
      ...(dataDeps.length ? { depends_on: healthy(dataDeps) } : {}),
      healthcheck: hc(['CMD', 'python3', '-c', "import socket; socket.create_connection(('127.0.0.1', 8000), 2)"]),
      restart: 'unless-stopped',
    });
    notes.push([['services', i.name, 'image'], `app instance ${i.name}, simulated on host ${i.host}`]);
  }
  if (s.pgbouncer) {
    sized(all.find((x) => x.kind === 'pgbouncer')!, {
      image: `\${PGBOUNCER_IMAGE:?set PGBOUNCER_IMAGE in .env (a PgBouncer ${ctx.versions.pgbouncer} image)}`,
      command: ['pgbouncer', '/etc/pgbouncer/pgbouncer.ini'],
      volumes: ['./pgbouncer.ini:/etc/pgbouncer/pgbouncer.ini:ro', './userlist.txt:/etc/pgbouncer/userlist.txt:ro'],
      expose: ['6432'],
      depends_on: healthy(['db']),
      healthcheck: hc(['CMD-SHELL', 'nc -z 127.0.0.1 6432 || exit 1']),
      restart: 'unless-stopped',
    });
  }
  if (s.database) {
    const d = s.database;
    const img = dbImage(ctx);
    const svc: Record<string, unknown> = { image: img.image };
    if (d.engine === 'postgresql') {
      Object.assign(svc, {
        command: ['postgres', '-c', 'config_file=/etc/postgresql/postgresql.conf'],
        environment: { POSTGRES_DB: '${DB_NAME:-app}', POSTGRES_USER: '${DB_USER:-app}', POSTGRES_PASSWORD: PW },
        volumes: ['./postgresql.conf:/etc/postgresql/postgresql.conf:ro', `db-data:${img.dataDir}`],
        shm_size: '256m',
        healthcheck: hc(['CMD-SHELL', 'pg_isready -U "$${POSTGRES_USER}" -d "$${POSTGRES_DB}"']),
      });
      notes.push([['services', 'db', 'shm_size'], 'parallel query workers use /dev/shm; Docker gives 64m by default']);
    } else if (d.engine === 'mysql') {
      Object.assign(svc, {
        environment: { MYSQL_DATABASE: '${DB_NAME:-app}', MYSQL_USER: '${DB_USER:-app}', MYSQL_PASSWORD: PW, MYSQL_RANDOM_ROOT_PASSWORD: 'yes' },
        volumes: [`./${FILE.mysql}:/etc/mysql/conf.d/capsim.cnf:ro`, `db-data:${img.dataDir}`],
        healthcheck: hc(['CMD', 'mysqladmin', 'ping', '-h', '127.0.0.1']),
      });
    } else {
      Object.assign(svc, {
        command: ['mongod', '--config', '/etc/mongod.conf'],
        environment: { MONGO_INITDB_ROOT_USERNAME: '${DB_USER:-app}', MONGO_INITDB_ROOT_PASSWORD: PW },
        volumes: [`./${FILE.mongod}:/etc/mongod.conf:ro`, `db-data:${img.dataDir}`],
        healthcheck: hc(['CMD', 'mongosh', '--quiet', '--eval', "db.adminCommand('ping')"]),
      });
    }
    Object.assign(svc, { expose: [String(ctx.dbPort())], restart: 'unless-stopped' });
    sized(all.find((x) => x.kind === 'db')!, svc);
  }
  if (s.redis) {
    sized(all.find((x) => x.kind === 'redis')!, {
      image: 'redis:7.0',
      command: ['redis-server', '/usr/local/etc/redis/redis.conf'],
      volumes: ['./redis.conf:/usr/local/etc/redis/redis.conf:ro', 'redis-data:/data'],
      expose: ['6379'],
      healthcheck: hc(['CMD', 'redis-cli', 'ping']),
      restart: 'unless-stopped',
    });
  }
  if (s.celery) {
    const c = all.find((x) => x.kind === 'celery')!;
    sized(c, {
      image: '${APP_IMAGE:?set APP_IMAGE in .env}',
      command: ['celery', '-A', '${CELERY_APP:-app}', 'worker', `--concurrency=${s.celery.concurrency}`],
      environment: appEnv(ctx, PW),
      deploy: { replicas: s.celery.workers },
      ...(dataDeps.length ? { depends_on: healthy(dataDeps) } : {}),
      healthcheck: hc(['CMD-SHELL', 'celery -A "$${CELERY_APP:-app}" inspect ping -d "celery@$${HOSTNAME}" || exit 1']),
      restart: 'unless-stopped',
    }, s.celery.workers);
    notes.push([['services', 'celery', 'deploy', 'replicas'], 'scenario celery.workers']);
    notes.push([['services', 'celery', 'command', 4], 'scenario celery.concurrency']);
  }
  const volumes: Record<string, object> = {};
  if (s.nginx) volumes['nginx-cache'] = {};
  if (s.database) volumes['db-data'] = {};
  if (s.redis) volumes['redis-data'] = {};
  const hosts = [...new Set(all.map((c) => c.host))];
  const top = [
    ...header(ctx, FILE.compose, 'docker-compose.yml').slice(0, -1),
    `# Simulated hosts: ${hosts.join(', ')}. Compose runs every service on one Docker host; the limits keep each to its simulated share.`,
    `# cpus limits assume a Docker host with at least ${Math.max(...s.hosts.map((h) => h.vcpus))} vCPUs (the largest simulated host); Docker refuses a limit above the machine's CPUs.`,
    '# Secrets come from .env (see .env.example); userlist.txt for PgBouncer is yours to provide.',
  ];
  return yamlWithComments({ name: `capsim-${slug(s.name)}`, services, ...(Object.keys(volumes).length ? { volumes } : {}) }, notes, top);
}

export function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'scenario';
}
