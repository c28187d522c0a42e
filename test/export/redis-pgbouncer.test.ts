// redis-server loads every exported redis.conf (research B3: parse with the end-marker trick, then a smoke start
// on a unix socket, CONFIG GET of the values) and PgBouncer 1.18 starts with every pgbouncer.ini (B4: -u
// postgres, loopback port, any ERROR line fails). Servers are stopped by the PID we started.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { FILE } from '../../sim-core/export';
import { cases, describeWithTools, exportFor, freePort, startAndWait, stopChild, targets, tempDir, type Started } from './helpers';

function stageRedis(conf: string, dir: string): string {
  const file = join(dir, 'redis.conf');
  writeFileSync(file, conf.replace(/^dir .*$/m, `dir ${dir}`));
  return file;
}

describeWithTools('redis-server loads every exported redis.conf', ['redis-server', 'redis-cli'], () => {
  const all = cases().filter((c) => c.scenario.redis);
  it('has Redis scenarios to check', () => expect(all.length).toBeGreaterThanOrEqual(3));
  for (const c of all) {
    for (const target of targets) {
      it(`${c.name} (${target})`, async () => {
        const text = exportFor(c, target).files[FILE.redis];
        const dir = tempDir('redis');
        const file = stageRedis(text, dir);
        // Parse only: an unknown directive appended after the file is the first error iff the file is fine.
        const parse = spawnSync('redis-server', [file, '--validate-configs-end-marker', 'yes'], { encoding: 'utf8' });
        const parsed = `${parse.stdout}${parse.stderr}`;
        expect(parsed, parsed).toMatch(/>>> 'validate-configs-end-marker "yes"'|>>> 'validate-configs-end-marker yes'/);
        let srv: Started | undefined;
        try {
          const sock = join(dir, 'redis.sock');
          srv = await startAndWait('redis-server', [file, '--port', '0', '--unixsocket', sock, '--unixsocketperm', '700', '--daemonize', 'no',
            '--supervised', 'no', '--logfile', '', '--pidfile', join(dir, 'redis.pid'), '--dir', dir, '--save', '', '--appendonly', 'no'], /ready to accept connections/i);
          const get = (k: string) => spawnSync('redis-cli', ['-s', sock, '--raw', 'CONFIG', 'GET', k], { encoding: 'utf8' }).stdout.split('\n')[1];
          expect(get('maxmemory-policy')).toBe(c.scenario.redis!.maxmemory_policy);
          expect(get('maxmemory')).toBe(String(Math.round((c.scenario.redis!.maxmemory ?? 0) * 1024 * 1024)));
          expect(Number(get('maxclients'))).toBeLessThanOrEqual(c.scenario.redis!.maxclients);
        } finally {
          await stopChild(srv?.child);
        }
      });
    }
  }

  it('rejects a broken redis.conf (a bad policy)', () => {
    const dir = tempDir('redis-bad');
    const text = exportFor(all[0], 'bare').files[FILE.redis].replace(/^maxmemory-policy .*$/m, 'maxmemory-policy lru');
    const r = spawnSync('redis-server', [stageRedis(text, dir), '--validate-configs-end-marker', 'yes'], { encoding: 'utf8' });
    expect(`${r.stdout}${r.stderr}`).toMatch(/>>> 'maxmemory-policy lru'/);
  });
});

async function startPgbouncer(ini: string): Promise<{ ok: boolean; log: string }> {
  const dir = tempDir('pgbouncer', 'postgres');
  const port = await freePort();
  writeFileSync(join(dir, 'userlist.txt'), '"app" ""\n', { mode: 0o644 });
  const staged = ini.replace(/^auth_file = .*$/m, `auth_file = ${dir}/userlist.txt`)
    + `\n[pgbouncer]\nlisten_addr = 127.0.0.1\nlisten_port = ${port}\nunix_socket_dir = ${dir}\nlogfile = ${dir}/pgbouncer.log\npidfile = ${dir}/pgbouncer.pid\n`;
  const file = join(dir, 'pgbouncer.ini');
  writeFileSync(file, staged, { mode: 0o644 });
  let srv: Started | undefined;
  try {
    srv = await startAndWait('pgbouncer', ['-u', 'postgres', file], /process up|FATAL/, 10_000);
    await new Promise((r) => setTimeout(r, 200));
    const logFile = join(dir, 'pgbouncer.log');
    const log = srv.output() + (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
    return { ok: /process up/.test(log) && !/ERROR|FATAL/.test(log), log };
  } catch (e) {
    return { ok: false, log: (e as Error).message };
  } finally {
    await stopChild(srv?.child);
  }
}

describeWithTools('PgBouncer 1.18 starts with every exported pgbouncer.ini', ['pgbouncer'], () => {
  const all = cases().filter((c) => c.scenario.pgbouncer);
  it('has PgBouncer scenarios to check', () => expect(all.length).toBeGreaterThanOrEqual(1));
  for (const c of all) {
    for (const target of targets) {
      it(`${c.name} (${target})`, async () => {
        const ini = exportFor(c, target).files[FILE.pgbouncer];
        expect(ini).not.toMatch(/^[^;#\n]*password/im); // only comments mention passwords
        const r = await startPgbouncer(ini);
        expect(r.ok, r.log).toBe(true);
      });
    }
  }

  it('the 1.21 variant differs by max_prepared_statements only, which 1.18 rejects', async () => {
    const c = all.find((x) => x.scenario.pgbouncer!.pool_mode !== 'session')!;
    const ini = exportFor(c, 'compose', { pgbouncer: '1.21' }).files[FILE.pgbouncer];
    expect(ini).toMatch(/^max_prepared_statements = 200$/m);
    const r = await startPgbouncer(ini);
    expect(r.log).toMatch(/unknown parameter: pgbouncer\/max_prepared_statements/);
    const rest = await startPgbouncer(ini.replace(/^max_prepared_statements = .*$/m, ''));
    expect(rest.ok, rest.log).toBe(true);
  });

  it('rejects a broken pgbouncer.ini (pool_mode = transactions)', async () => {
    const ini = exportFor(all[0], 'bare').files[FILE.pgbouncer].replace(/^pool_mode = .*$/m, 'pool_mode = transactions');
    const r = await startPgbouncer(ini);
    expect(r.ok).toBe(false);
    expect(r.log).toMatch(/invalid value "transactions" for parameter pool_mode/);
  });
});
