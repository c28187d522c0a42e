// README.md of an export: what each file is, where it goes, and the commands that validate and reload it.

import type { ExportContext } from './context';
import { FILE, htmlHeader } from './format';

const ABOUT: Record<string, string> = {
  [FILE.nginx]: 'nginx main configuration (workers, upstream of every app instance, limit_req, proxy_cache, static files)',
  [FILE.gunicorn]: 'Gunicorn settings (workers, worker class, concurrency, backlog, timeouts, bind)',
  [FILE.uvicorn]: 'the uvicorn command line (--workers, --limit-concurrency, --backlog)',
  [FILE.postgresql]: 'PostgreSQL settings: the scenario\'s connections and memory, PGTune\'s formulas for the rest',
  [FILE.mysql]: 'MySQL server settings (buffer pool, connections)',
  [FILE.mongod]: 'MongoDB server settings (WiredTiger cache, connections)',
  [FILE.pgbouncer]: 'PgBouncer pool settings (no passwords: auth_file is yours)',
  [FILE.redis]: 'Redis settings (maxmemory, eviction policy, clients, persistence)',
  [FILE.compose]: 'Docker Compose file: every simulated process group as a service, with limits and healthchecks',
  [FILE.django]: 'Django DATABASES and CACHES to merge into settings.py',
  [FILE.sqlalchemy]: 'SQLAlchemy create_engine pool arguments',
  [FILE.pymongo]: 'PyMongo client pool arguments',
  [FILE.env]: 'environment variables the files read, with placeholders (copy to .env, fill in the password)',
  [FILE.scenario]: 'the scenario these files were generated from: open it in capsim to re-simulate or re-export',
  [FILE.systemdApp]: 'systemd unit template for the app instances (app@PORT)',
  [FILE.systemdCelery]: 'systemd unit for the Celery workers',
};

function commands(ctx: ExportContext, file: string): string[] {
  const c = ctx.target;
  switch (file) {
    case FILE.nginx:
      if (c === 'compose') return ['docker compose exec nginx nginx -t && docker compose exec nginx nginx -s reload', '# on a host: nginx -t && systemctl reload nginx'];
      if (c === 'k8s') return ['kubectl exec deploy/nginx -- nginx -t && kubectl exec deploy/nginx -- nginx -s reload', '# on a host: nginx -t && systemctl reload nginx'];
      return ['cp nginx.conf /etc/nginx/nginx.conf', 'nginx -t && systemctl reload nginx'];
    case FILE.gunicorn:
      return ['gunicorn --check-config -c gunicorn.conf.py', c === 'bare' ? 'systemctl reload \'app@*\'   # HUP: gunicorn re-reads its config and replaces the workers' : '# restart the app containers/pods to apply'];
    case FILE.uvicorn:
      return ['sh -n uvicorn.sh   # syntax', '# restart the instances to apply (uvicorn has no reload of its options)'];
    case FILE.postgresql:
      return [`runuser -u postgres -- /usr/lib/postgresql/${ctx.versions.postgresql}/bin/postgres -D <datadir> --config-file=$PWD/postgresql.conf -C max_connections   # check names and values`,
        'pg_ctl reload -D <datadir>   # or, in psql: SELECT pg_reload_conf();',
        '# shared_buffers, max_connections, huge_pages, max_worker_processes need a restart: systemctl restart postgresql'];
    case FILE.mysql:
      return ['mysqld --validate-config --defaults-file=my.cnf   # MySQL ≥ 8.0.16', '# most settings need a restart; dynamic ones: SET PERSIST …'];
    case FILE.mongod:
      return ['systemctl restart mongod   # mongod has no reload'];
    case FILE.pgbouncer:
      return [c === 'bare' ? 'envsubst < pgbouncer.ini > /etc/pgbouncer/pgbouncer.ini' : '# provide userlist.txt ("user" "SCRAM-SHA-256$…" from pg_authid)',
        'pgbouncer -R /etc/pgbouncer/pgbouncer.ini   # online restart; or on the console: psql -p 6432 -U postgres pgbouncer -c RELOAD'];
    case FILE.redis:
      return ['redis-server redis.conf --port 0 --unixsocket /tmp/check.sock --dir /tmp --daemonize no   # no check flag: a throwaway start validates it (stop with Ctrl-C)',
        'redis-cli CONFIG SET maxmemory <value> && redis-cli CONFIG SET maxmemory-policy <policy>   # live', 'redis-cli CONFIG REWRITE   # persist live changes'];
    case FILE.compose:
      return ['docker compose config -q', 'docker compose up -d'];
    case FILE.django:
    case FILE.sqlalchemy:
    case FILE.pymongo:
      return ['python3 -m py_compile ' + file];
    default:
      return file.startsWith('k8s/') ? [`kubectl apply --dry-run=server -f ${file}`, `kubectl apply -f ${file}`] : file.startsWith('systemd/') ? [`systemd-analyze verify ${file}`] : [];
  }
}

export function readme(ctx: ExportContext, fileNames: string[]): string {
  const s = ctx.s;
  const out = [`# Deployment configs for "${s.name}"`, ''];
  if (s.description) out.push(s.description, '');
  out.push(`Target: **${ctx.target}**. These files carry the numbers capsim simulated; each value has its formula and source in a comment.`);
  out.push('Secrets are never written: set them in `.env` (from `.env.example`)' + (ctx.target === 'k8s' ? ' and `kubectl create secret generic app-secrets --from-literal=DB_PASSWORD=…`' : '') + '.', '');
  out.push('Hosts as simulated:', '');
  for (const h of s.hosts) out.push(`- ${h.name}: ${h.vcpus} vCPUs, ${Math.round(h.ram)} MB RAM, ${h.disk.type} disk`);
  out.push('', '## Files', '');
  for (const f of fileNames) {
    const about = ABOUT[f] ?? (f.startsWith('k8s/') ? `Kubernetes manifests (${f.slice(4, -5)} tier)` : '');
    out.push(`### ${f}`, '', about, '');
    const cmds = commands(ctx, f);
    if (cmds.length) out.push('```sh', ...cmds, '```', '');
  }
  if (ctx.target === 'k8s') out.push('Apply everything: `kubectl apply --dry-run=server -f k8s/ && kubectl apply -f k8s/`.', '');
  const w = ctx.warnings;
  out.push('## Warnings', '', ...(w.length ? w.map((x) => `- ${x}`) : ['None: every setting fits the simulated hosts and limits.']), '');
  out.push('## Reopen', '', '`capsim export scenario.yaml --out <dir> --target ' + ctx.target + '` regenerates these files; `capsim run scenario.yaml` re-simulates.', '');
  return [...htmlHeader(ctx, FILE.readme, 'README.md'), ...out].join('\n');
}
