// The exporter as pure functions: headers, one source for every number, memory and connection warnings, target
// versions, no secrets, a reopenable scenario.yaml, and every web-stack scenario of the repository exports.

import { cpus } from 'node:os';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportScenario, FILE, type ExportTarget } from '../../sim-core/export';
import { parseScenario } from '../../sim-core/scenario/parse-scenario';
import type { WebStackScenario } from '../../sim-core/web-stack/schema/web-stack-schema';
import { cases, fixtureDir, loadFile, repoWebStackFiles, root, targets } from './helpers';

const fixture = (name: string) => loadFile(`${fixtureDir}/${name}.yaml`);
const clone = (s: WebStackScenario): WebStackScenario => structuredClone(s);
const sim = { p95_ms: 180, throughput_rps: 850, users: 1200 };
const run = (s: WebStackScenario, target: ExportTarget = 'compose', versions = {}) => exportScenario(s, { target, versions, simulated: sim });

describe('every file', () => {
  for (const target of targets) {
    it(`starts with a comment naming the scenario and the simulated result (${target})`, () => {
      const s = fixture('uvicorn-sqlalchemy-pgbouncer');
      for (const [name, text] of Object.entries(run(s, target).files)) {
        const head = text.split('\n').slice(0, 8).join('\n');
        expect(head, name).toMatch(new RegExp(`Scenario: "${s.name}"`));
        expect(head, name).toMatch(/1,200 users, 850 req\/s, p95 180 ms/);
        const first = text.split('\n')[0];
        expect(first, name).toMatch(name === FILE.readme ? /^<!--$/ : name === FILE.uvicorn ? /^#!\/bin\/sh$/ : name === FILE.pgbouncer ? /^; / : /^# /);
      }
    });
  }

  it('every numeric PostgreSQL and nginx setting carries a comment', () => {
    const files = run(fixture('django-gevent-one-host'), 'bare').files;
    const pg = files[FILE.postgresql].split('\n').filter((l) => /^\w+ = .*\d/.test(l));
    for (const l of pg) expect(l, l).toMatch(/ # \S/);
    const ng = files[FILE.nginx].split('\n').filter((l) => /^\s*(worker_|keepalive|limit_req|proxy_\w+_timeout|proxy_cache_valid)\S* .*\d/.test(l));
    for (const l of ng) expect(l, l).toMatch(/; +# \S/);
  });

  it('never writes a secret: passwords are references or empty placeholders', () => {
    for (const c of cases()) {
      for (const target of targets) {
        const files = run(c.scenario, target).files;
        expect(files[FILE.env], c.name).toMatch(/^DB_PASSWORD=$/m);
        for (const [name, text] of Object.entries(files)) expect(text, `${c.name} ${name}`).not.toMatch(/^requirepass |password[ \t]*=[ \t]*['"]?\w/im);
      }
    }
  });
});

describe('one source: a changed scenario value shows up in every file that carries it', () => {
  it('app.workers', () => {
    const s = fixture('django-gevent-one-host');
    s.app.workers = 13;
    const f = run(s, 'k8s').files;
    expect(f[FILE.gunicorn]).toMatch(/^workers = 13 /m);
    expect(f['k8s/app.yaml']).toMatch(/workers = 13 /);
    expect(f[FILE.django]).toMatch(/1 instances × 13 workers/);
    const u = fixture('uvicorn-sqlalchemy-pgbouncer');
    u.app.workers = 3;
    const g = run(u, 'compose').files;
    expect(g[FILE.uvicorn]).toMatch(/--workers 3 /);
    expect(g[FILE.pgbouncer]).toMatch(/4 instances × 3 workers × 15/);
    expect(g[FILE.sqlalchemy]).toMatch(/4 instances × 3 workers/);
    // 3 × 250 MB + 3 workers × 200 limit_concurrency × 0.05 MB = 750 + 30 = 780 MB.
    expect(g[FILE.compose]).toMatch(/memory: 780M # footprint: 3 workers × 250 MB \+ 3 workers × 200 limit_concurrency × 0\.05 MB/);
  });

  it('sqlalchemy.pool_size', () => {
    const s = fixture('uvicorn-sqlalchemy-pgbouncer');
    s.app.sqlalchemy!.pool_size = 17;
    const f = run(s, 'k8s').files;
    expect(f[FILE.sqlalchemy]).toMatch(/pool_size=17,/);
    expect(f[FILE.pgbouncer]).toMatch(/pool_size 17 \+ max_overflow 5/);
    expect(f['k8s/app.yaml']).toMatch(/maxReplicas: 9 # max\(4 simulated instances, floor\(PgBouncer max_client_conn 400 \/ 44 connections per replica\)\)/);
  });

  it('database.max_connections', () => {
    const s = fixture('django-gevent-one-host');
    s.database!.max_connections = 321;
    const f = run(s, 'k8s').files;
    expect(f[FILE.postgresql]).toMatch(/^max_connections = 321 /m);
    expect(f['k8s/database.yaml']).toMatch(/max_connections = 321 /);
    expect(f['k8s/app.yaml']).toMatch(/maxReplicas: 1 #/);
    const p = fixture('uvicorn-sqlalchemy-pgbouncer');
    p.database!.max_connections = 250;
    expect(run(p).files[FILE.pgbouncer]).toMatch(/≤ max_connections 250 − 3 reserved/);
  });

  it('redis.maxmemory', () => {
    const s = fixture('django-gevent-one-host');
    s.redis!.maxmemory = 3072;
    const f = run(s, 'compose').files;
    expect(f[FILE.redis]).toMatch(/^maxmemory 3gb$/m);
    // 1 shard × (12 MB an empty redis-server keeps + maxmemory 3,072 MB) = 3,084 MB.
    expect(f[FILE.compose]).toMatch(/memory: 3084M # footprint: 1 shard\(s\) × \(12 MB base \+ maxmemory 3,072 MB\)/);
  });
});

describe('what does not fit is exported with a warning, never silently', () => {
  it('memory: shared_buffers + connections × work_mem over the host RAM', () => {
    const s = fixture('django-gevent-one-host');
    s.database!.max_connections = 2000;
    s.database!.work_mem = 64;
    // 8 gevent workers × 250 greenlets, one Django connection each: 2,000 backends can open, × (10 + 64) MB > 32 GB.
    s.app.worker_connections = 250;
    const r = run(s, 'compose');
    expect(r.warnings.some((w) => /host web1: the configs ask for/.test(w))).toBe(true);
    expect(r.warnings.some((w) => /max_connections 2,000 would need .* allows \d+ connections/.test(w))).toBe(true);
    expect(r.files[FILE.postgresql]).toMatch(/^# WARNING: max_connections 2,000/m);
    expect(r.files[FILE.postgresql]).toMatch(/^max_connections = 2000 /m);
    expect(r.files[FILE.compose]).toMatch(/^# WARNING: host web1/m);
    expect(r.files[FILE.gunicorn]).toMatch(/^# WARNING: host web1/m);
    expect(r.files[FILE.readme]).toMatch(/## Warnings\n\n- host web1/);
  });

  it('connections: the app tier over PgBouncer max_client_conn, PgBouncer over max_connections', () => {
    const s = fixture('uvicorn-sqlalchemy-pgbouncer');
    s.pgbouncer!.max_client_conn = 50;
    s.pgbouncer!.default_pool_size = 120;
    const r = run(s);
    expect(r.files[FILE.pgbouncer]).toMatch(/^; WARNING: the app tier may open 120 connections .* max_client_conn is 50/m);
    expect(r.files[FILE.pgbouncer]).toMatch(/^; WARNING: PgBouncer may open 130 server connections/m);
    expect(r.files[FILE.postgresql]).toMatch(/^# WARNING: PgBouncer may open 130/m);
  });

  it('a well-sized scenario exports without warnings', () => {
    expect(run(fixture('uvicorn-sqlalchemy-pgbouncer')).warnings).toEqual([]);
  });
});

describe('sizes come from the simulated host, and the target version decides the syntax', () => {
  it('worker_processes auto becomes the simulated host vCPUs, not this machine\'s', () => {
    const s = fixture('django-gevent-one-host');
    s.hosts[0].vcpus = cpus().length === 3 ? 5 : 3;
    const conf = run(s, 'bare').files[FILE.nginx];
    expect(conf).toMatch(new RegExp(`^worker_processes ${s.hosts[0].vcpus};`, 'm'));
    expect(conf).not.toMatch(/^worker_processes auto/m);
  });

  it('nginx 1.22 vs 1.29, PgBouncer 1.18 vs 1.21, PostgreSQL 15 vs 18, Gunicorn 20 vs 23', () => {
    const s = fixture('uvicorn-sqlalchemy-pgbouncer');
    const old = run(s).files;
    const neu = run(s, 'compose', { nginx: '1.29', pgbouncer: '1.21', postgresql: '18' }).files;
    expect(old[FILE.nginx]).toMatch(/proxy_http_version 1\.1;/);
    expect(old[FILE.nginx]).toMatch(/# listen 443 ssl http2;/);
    expect(neu[FILE.nginx]).not.toMatch(/proxy_http_version/);
    expect(neu[FILE.nginx]).toMatch(/# http2 on;/);
    expect(old[FILE.pgbouncer]).not.toMatch(/^max_prepared_statements/m);
    expect(neu[FILE.pgbouncer]).toMatch(/^max_prepared_statements = 200$/m);
    expect(old[FILE.postgresql]).not.toMatch(/io_method/);
    expect(neu[FILE.postgresql]).toMatch(/^io_method = 'worker'/m);
    expect(neu[FILE.compose]).toMatch(/image: postgres:18/);
    const k = fixture('django-gevent-one-host');
    k.nginx!.upstream_keepalive = 0;
    expect(run(k, 'bare', { nginx: '1.29' }).files[FILE.nginx]).toMatch(/^\s+keepalive 0;/m);
    expect(run(k, 'bare').files[FILE.nginx]).not.toMatch(/^\s+keepalive \d/m);
    const g = fixture('django-gevent-one-host');
    g.app.worker_class = 'uvicorn';
    expect(run(g, 'bare').files[FILE.gunicorn]).toMatch(/worker_class = "uvicorn\.workers\.UvicornWorker"/);
    expect(run(g, 'bare', { gunicorn: '23' }).files[FILE.gunicorn]).toMatch(/worker_class = "uvicorn_worker\.UvicornWorker"/);
  });

  it('the packaging follows the target', () => {
    const s = fixture('django-gevent-one-host');
    expect(Object.keys(run(s, 'bare').files)).toContain(FILE.systemdApp);
    expect(Object.keys(run(s, 'compose').files)).toContain(FILE.compose);
    expect(Object.keys(run(s, 'k8s').files)).toEqual(expect.arrayContaining(['k8s/app.yaml', 'k8s/nginx.yaml', 'k8s/database.yaml', 'k8s/redis.yaml']));
  });
});

describe('README.md', () => {
  it('names every file with its validate and reload commands', () => {
    const bare = run(fixture('uvicorn-sqlalchemy-pgbouncer'), 'bare').files;
    const md = bare[FILE.readme];
    for (const f of Object.keys(bare)) expect(md).toContain(`### ${f}`);
    for (const cmd of ['nginx -t && systemctl reload nginx', 'SELECT pg_reload_conf()', 'pg_ctl reload', 'pgbouncer -R', 'RELOAD', 'redis-cli CONFIG SET maxmemory']) expect(md).toContain(cmd);
    expect(run(fixture('django-gevent-one-host'), 'bare').files[FILE.readme]).toContain('gunicorn --check-config');
    expect(run(fixture('django-gevent-one-host'), 'compose').files[FILE.readme]).toContain('docker compose config -q');
    expect(run(fixture('django-gevent-one-host'), 'k8s').files[FILE.readme]).toContain('kubectl apply --dry-run=server');
  });
});

describe('scenario.yaml reopens to the same scenario', () => {
  for (const c of cases()) {
    it(c.name, () => {
      const text = run(c.scenario).files[FILE.scenario];
      expect(parseScenario(parse(text))).toEqual(c.scenario);
    });
  }
});

describe('every web-stack scenario of the repository exports for every target', () => {
  for (const file of repoWebStackFiles()) {
    it(relative(root, file), () => {
      const s = loadFile(file);
      for (const t of targets) expect(Object.keys(exportScenario(s, { target: t }).files).length).toBeGreaterThan(4);
    });
  }
});
