// capsim export as the CLI calls it: atomic write into --out, refusal of a foreign non-empty directory, re-export
// over a previous export, and exit 2 (CliError) for a queueing scenario, a bad target or a missing --out.

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EXPORT_MARKER, exportCommand } from '../../cli/commands/export';
import { CliError } from '../../cli/exit-codes';
import { fixtureDir, root, tempDir } from './helpers';

const scenario = join(fixtureDir, 'uvicorn-sqlalchemy-pgbouncer.yaml');
let logs: string[] = [];

function rejects(fn: () => unknown, pattern: RegExp): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CliError);
    expect((e as CliError).exitCode).toBe(2);
    expect((e as CliError).message).toMatch(pattern);
    return;
  }
  throw new Error('expected a CliError');
}

describe('capsim export', () => {
  beforeEach(() => {
    logs = [];
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void logs.push(a.join(' ')));
  });
  afterEach(() => vi.restoreAllMocks());

  it('writes every file and the marker into --out, and lists them', () => {
    const parent = tempDir('cli-export');
    const out = join(parent, 'deploy');
    expect(exportCommand(scenario, { out, target: 'compose' })).toBe(0);
    const names = readdirSync(out);
    expect(names).toEqual(expect.arrayContaining(['nginx.conf', 'uvicorn.sh', 'postgresql.conf', 'pgbouncer.ini', 'redis.conf', 'docker-compose.yml', 'README.md', 'scenario.yaml', '.env.example', EXPORT_MARKER]));
    expect(logs.join('\n')).toMatch(/wrote 10 files for target compose/);
    expect(logs.join('\n')).toMatch(/^ {2}docker-compose\.yml$/m);
    // No temporary sibling left behind.
    expect(readdirSync(parent)).toEqual(['deploy']);
    const marker = JSON.parse(readFileSync(join(out, EXPORT_MARKER), 'utf8')) as { target: string; files: string[] };
    expect(marker.target).toBe('compose');
    // Every file is headed by the simulated result it was sized for (the sizing run of the export).
    expect(readFileSync(join(out, 'nginx.conf'), 'utf8')).toMatch(/^# Sized for the simulated result: .*req\/s, p95 [\d,.]+ ms$/m);
  });

  it('replaces a previous export, default target bare', () => {
    const out = join(tempDir('cli-export'), 'deploy');
    exportCommand(scenario, { out, target: 'k8s' });
    expect(existsSync(join(out, 'k8s/app.yaml'))).toBe(true);
    expect(exportCommand(scenario, { out })).toBe(0);
    expect(existsSync(join(out, 'k8s'))).toBe(false);
    expect(existsSync(join(out, 'systemd/app@.service'))).toBe(true);
  });

  it('refuses a non-empty directory that no export created, and leaves it alone', () => {
    const out = tempDir('cli-export-foreign');
    writeFileSync(join(out, 'notes.txt'), 'mine');
    rejects(() => exportCommand(scenario, { out, target: 'bare' }), /not empty and was not created by capsim export/);
    expect(readdirSync(out)).toEqual(['notes.txt']);
  });

  it('accepts an existing empty directory', () => {
    const out = tempDir('cli-export-empty');
    expect(exportCommand(scenario, { out })).toBe(0);
  });

  it('refuses a queueing scenario with a clear message, and writes nothing', () => {
    const parent = tempDir('cli-export-q');
    rejects(() => exportCommand(join(root, 'scenarios/queueing/mm1-rho-0.8.yaml'), { out: join(parent, 'x') }), /export needs a web-stack scenario .* kind "queueing"/);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('bad input: unknown target, missing --out, invalid scenario file', () => {
    rejects(() => exportCommand(scenario, { out: '/tmp/x', target: 'helm' }), /--target: expected one of bare, compose, k8s, got "helm"/);
    rejects(() => exportCommand(scenario, {}), /expected --out DIR/);
    const dir = tempDir('cli-export-bad');
    writeFileSync(join(dir, 'bad.yaml'), 'kind: web-stack\nschema_version: 1\nname: x\n');
    rejects(() => exportCommand(join(dir, 'bad.yaml'), { out: join(dir, 'out') }), /bad\.yaml: /);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('--out that is a file is refused', () => {
    const dir = tempDir('cli-export-file');
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'file'), '');
    rejects(() => exportCommand(scenario, { out: join(dir, 'file') }), /not a directory/);
  });
});
