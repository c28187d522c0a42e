// Gunicorn 20.1 --check-config on every gunicorn.conf.py with a dummy app, plus the KNOWN_SETTINGS lint and the
// worker class load (research B5); uvicorn's own click command parses every uvicorn command line (B6); the
// Django/SQLAlchemy/PyMongo snippets compile (and the Django one runs) under Debian's Python; my.cnf and
// mongod.conf parse. Uses /usr/bin/python3: a pyenv python3 on PATH cannot import Debian's modules.

import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parse } from 'yaml';
import { FILE } from '../../sim-core/export';
import { cases, describeWithTools, exportFor, tempDir } from './helpers';

const PY = '/usr/bin/python3';
const py = (code: string, args: string[], env: NodeJS.ProcessEnv = {}) => {
  const r = spawnSync(PY, ['-c', code, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
};

const LINT = `
import sys, runpy, types
import gunicorn.config as c, gunicorn.util as u
known = {s.name for s in c.KNOWN_SETTINGS}
ns = runpy.run_path(sys.argv[1])
bad = [k for k, v in ns.items() if k.islower() and not k.startswith('_') and not isinstance(v, types.ModuleType) and not callable(v) and k not in known]
if bad:
    sys.exit('unknown gunicorn settings: %s' % bad)
wc = ns.get('worker_class', 'sync')
print(u.load_class(wc, default='gunicorn.workers.sync.SyncWorker', section='gunicorn.workers'))
`;

function gunicornCheck(text: string): { ok: boolean; out: string; lint: { ok: boolean; out: string } } {
  const dir = tempDir('gunicorn');
  writeFileSync(join(dir, 'dummy_app.py'), 'def app(e, s):\n    s("200 OK", [])\n    return [b""]\n');
  const conf = join(dir, 'gunicorn.conf.py');
  writeFileSync(conf, text);
  const r = spawnSync('gunicorn', ['--check-config', '-c', conf, '--chdir', dir, 'dummy_app:app'], { encoding: 'utf8' });
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}`, lint: py(LINT, [conf]) };
}

const PARSE_UVICORN = 'import shlex, sys\nfrom uvicorn.main import main\nctx = main.make_context("uvicorn", shlex.split(sys.argv[1])[1:])\nprint(ctx.params["workers"], ctx.params["limit_concurrency"], ctx.params["backlog"])';

/** The exec line of uvicorn.sh with the shell variables given values. */
export function uvicornLine(sh: string): string {
  const line = sh.split('\n').find((l) => l.startsWith('exec uvicorn '))!;
  return line.replace(/^exec /, '').replace('"$APP_MODULE"', 'app.main:app').replace('"$PORT"', '8000');
}

describeWithTools('gunicorn and uvicorn accept the exported app server settings', ['gunicorn', 'uvicorn', PY, 'sh'], () => {
  const all = cases();
  for (const c of all) {
    // gunicorn.conf.py and uvicorn.sh are the same for every target but the header: check bare and k8s.
    for (const target of ['bare', 'k8s'] as const) {
      const files = exportFor(c, target).files;
      if (files[FILE.gunicorn]) {
        it(`${c.name} (${target}): gunicorn --check-config + KNOWN_SETTINGS lint`, () => {
          const r = gunicornCheck(files[FILE.gunicorn]);
          expect(r.ok, r.out).toBe(true);
          expect(r.lint.ok, r.lint.out).toBe(true);
        });
      }
      if (files[FILE.uvicorn]) {
        it(`${c.name} (${target}): uvicorn's click command parses the command line; sh -n passes`, () => {
          const app = c.scenario.app;
          const r = py(PARSE_UVICORN, [uvicornLine(files[FILE.uvicorn])]);
          expect(r.ok, r.out).toBe(true);
          expect(r.out.trim()).toBe(`${app.workers} ${app.limit_concurrency ?? 'None'} ${app.backlog}`);
          const dir = tempDir('uvicorn');
          writeFileSync(join(dir, 'uvicorn.sh'), files[FILE.uvicorn]);
          expect(spawnSync('sh', ['-n', join(dir, 'uvicorn.sh')]).status).toBe(0);
        });
      }
    }
  }

  it('gunicorn --check-config rejects workers = "auto" and the lint catches a misspelt setting', () => {
    const text = exportFor(all.find((c) => c.scenario.app.server === 'gunicorn')!, 'bare').files[FILE.gunicorn];
    expect(gunicornCheck(text.replace(/^workers = \d+/m, 'workers = "auto"')).ok).toBe(false);
    const lint = gunicornCheck(`${text}\nthreds = 4\n`).lint;
    expect(lint.ok).toBe(false);
    expect(lint.out).toMatch(/unknown gunicorn settings: \['threds'\]/);
  });

  it('uvicorn rejects a misspelt option, so the parse is real', () => {
    expect(py(PARSE_UVICORN, ['uvicorn app:app --limit-concurency 5']).out).toMatch(/No such option/);
  });
});

describeWithTools('the Python snippets compile; my.cnf and mongod.conf parse', [PY], () => {
  for (const c of cases()) {
    const files = exportFor(c, 'compose').files;
    for (const f of [FILE.django, FILE.sqlalchemy, FILE.pymongo]) {
      if (!files[f]) continue;
      it(`${c.name}: ${f}`, () => {
        const dir = tempDir('py');
        writeFileSync(join(dir, f), files[f]);
        const r = py('import ast, sys\nast.parse(open(sys.argv[1]).read(), sys.argv[1])', [join(dir, f)]);
        expect(r.ok, r.out).toBe(true);
        if (f === FILE.django) {
          // Plain Python: run it with the environment it reads and check the values it produces.
          const run = py('import runpy, sys, json\nns = runpy.run_path(sys.argv[1])\nprint(json.dumps(ns["DATABASES"]["default"]["CONN_MAX_AGE"]))', [join(dir, f)], { DB_NAME: 'app', DB_USER: 'app', DB_PASSWORD: 'x' });
          expect(run.ok, run.out).toBe(true);
          expect(JSON.parse(run.out)).toBe(c.scenario.app.django!.conn_max_age);
        }
      });
    }
    if (files[FILE.mysql]) {
      it(`${c.name}: my.cnf parses as an option file with known mysqld options`, () => {
        const dir = tempDir('mycnf');
        writeFileSync(join(dir, 'my.cnf'), files[FILE.mysql]);
        const r = py('import configparser, sys\ncp = configparser.ConfigParser(inline_comment_prefixes=("#",), strict=True)\ncp.read(sys.argv[1])\nprint(" ".join(cp["mysqld"].keys()))', [join(dir, 'my.cnf')]);
        expect(r.ok, r.out).toBe(true);
        const known = ['bind-address', 'port', 'max_connections', 'innodb_buffer_pool_size', 'innodb_buffer_pool_instances', 'sort_buffer_size', 'innodb_io_capacity', 'innodb_flush_method', 'thread_cache_size'];
        for (const k of r.out.trim().split(' ')) expect(known, k).toContain(k);
        expect(files[FILE.mysql]).toMatch(/^innodb_buffer_pool_size = \d+[KMG] /m);
      });
    }
    if (files[FILE.mongod]) {
      it(`${c.name}: mongod.conf is YAML with the simulated cache and connections`, () => {
        const doc = parse(files[FILE.mongod]) as { storage: { wiredTiger: { engineConfig: { cacheSizeGB: number } } }; net: { maxIncomingConnections: number } };
        expect(doc.net.maxIncomingConnections).toBe(c.scenario.database!.max_connections);
        expect(doc.storage.wiredTiger.engineConfig.cacheSizeGB).toBeCloseTo(c.scenario.database!.shared_buffers / 1024, 2);
      });
    }
  }
});
