// PostgreSQL 15 checks every exported postgresql.conf (research B2): phase 1 `postgres -C` (names, units, ranges),
// phase 2 a real start of a throwaway cluster on a unix socket only (shared_buffers overridden), and SHOW of the
// values. initdb once per file, as the postgres user (tests run as root). A misspelt name must be rejected.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FILE } from '../../sim-core/export';
import { cases, describeWithTools, exportFor, targets, tempDir } from './helpers';

const PGBIN = '/usr/lib/postgresql/15/bin';
const asPostgres = (cmd: string, args: string[]) =>
  spawnSync('runuser', ['-u', 'postgres', '--', join(PGBIN, cmd), ...args], { encoding: 'utf8', timeout: 60_000 });

let work = '';
const data = () => join(work, 'data');

function writeConf(name: string, text: string): string {
  const file = join(work, name);
  writeFileSync(file, text, { mode: 0o644 });
  return file;
}

function phase1(conf: string, param = 'max_connections') {
  const r = asPostgres('postgres', ['-D', data(), `--config-file=${conf}`, '-C', param]);
  return { ok: r.status === 0, value: r.stdout.trim(), out: `${r.stdout}${r.stderr}` };
}

/** Starts the cluster with the file, runs SHOW for each name, stops it; always stops by the postmaster PID. */
function phase2(conf: string, names: string[]): { ok: boolean; out: string; shown: Record<string, string> } {
  const sock = join(work, 'sock');
  spawnSync('runuser', ['-u', 'postgres', '--', 'mkdir', '-p', sock]);
  const opts = `--config-file=${conf} -c listen_addresses='' -c unix_socket_directories='${sock}' -c shared_buffers=128MB -c huge_pages=off`;
  const shown: Record<string, string> = {};
  const start = asPostgres('pg_ctl', ['-D', data(), '-w', '-t', '30', '-l', join(work, 'pg.log'), '-o', opts, 'start']);
  try {
    if (start.status !== 0) return { ok: false, out: start.stdout + start.stderr + (existsSync(join(work, 'pg.log')) ? readFileSync(join(work, 'pg.log'), 'utf8') : ''), shown };
    for (const n of names) {
      const r = spawnSync('runuser', ['-u', 'postgres', '--', join(PGBIN, 'psql'), '-h', sock, '-d', 'postgres', '-Atc', `SHOW ${n}`], { encoding: 'utf8' });
      shown[n] = r.stdout.trim();
    }
    return { ok: true, out: start.stdout, shown };
  } finally {
    asPostgres('pg_ctl', ['-D', data(), '-m', 'fast', '-w', 'stop']);
    const pidFile = join(data(), 'postmaster.pid');
    if (existsSync(pidFile)) {
      const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
      if (pid > 0) try { process.kill(pid, 'SIGTERM'); } catch { /* already gone */ }
    }
  }
}

const setting = (conf: string, name: string) => new RegExp(`^${name} = '?([^'\\s]+)'?`, 'm').exec(conf)?.[1];

describeWithTools('PostgreSQL 15 accepts every exported postgresql.conf', [`${PGBIN}/postgres`, `${PGBIN}/initdb`, 'runuser'], () => {
  beforeAll(() => {
    work = tempDir('pg', 'postgres');
    const r = asPostgres('initdb', ['-D', data(), '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8']);
    if (r.status !== 0) throw new Error(`initdb failed: ${r.stderr}`);
  });
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const all = cases().filter((c) => c.scenario.database?.engine === 'postgresql');
  it('has PostgreSQL scenarios to check', () => expect(all.length).toBeGreaterThanOrEqual(2));
  for (const c of all) {
    for (const target of targets) {
      it(`${c.name} (${target}): postgres -C${target === 'compose' ? ', then a real start' : ''}`, () => {
        const text = exportFor(c, target).files[FILE.postgresql];
        const conf = writeConf(`${target}.conf`, text);
        const p1 = phase1(conf);
        expect(p1.ok, p1.out).toBe(true);
        expect(p1.value).toBe(String(c.scenario.database!.max_connections));
        // The start (0.5 s) once per scenario: the targets differ only in listen_addresses, which phase 1 checked.
        if (target !== 'compose') return;
        const names = ['max_connections', 'work_mem', 'maintenance_work_mem', 'effective_cache_size', 'random_page_cost', 'effective_io_concurrency'];
        const p2 = phase2(conf, names);
        expect(p2.ok, p2.out).toBe(true);
        for (const n of names) expect(p2.shown[n], n).toBe(setting(text, n));
      });
    }
  }

  it('PostgreSQL 16 output passes too (PG 15 knows every name it writes)', () => {
    const c = all[0];
    const p1 = phase1(writeConf('pg16.conf', exportFor(c, 'bare', { postgresql: '16' }).files[FILE.postgresql]));
    expect(p1.ok, p1.out).toBe(true);
  });

  it('PostgreSQL 18 output: only io_method/io_workers are unknown to 15; the rest passes', () => {
    const text = exportFor(all[0], 'bare', { postgresql: '18' }).files[FILE.postgresql];
    expect(text).toMatch(/^io_method = 'worker'/m);
    const p1 = phase1(writeConf('pg18.conf', text));
    expect(p1.ok).toBe(false);
    expect(p1.out).toMatch(/unrecognized configuration parameter "io_method"/);
    const without = text.split('\n').filter((l) => !/^io_(method|workers) /.test(l)).join('\n');
    const p2 = phase1(writeConf('pg18-on-15.conf', without));
    expect(p2.ok, p2.out).toBe(true);
  });

  it('rejects a broken postgresql.conf (max_conections)', () => {
    const text = exportFor(all[0], 'bare').files[FILE.postgresql];
    const p1 = phase1(writeConf('bad.conf', `${text}\nmax_conections = 100\n`));
    expect(p1.ok).toBe(false);
    expect(p1.out).toMatch(/unrecognized configuration parameter "max_conections"/);
  });
});
