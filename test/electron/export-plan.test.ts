// Desktop export: only the export's own file names, inside the chosen folder; symbolic links refused, never
// followed; every file that would be replaced listed.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXPORT_NAMES } from '../../electron/export-names';
import { exportNameProblem, inspectExport, planExport } from '../../electron/export-plan';
import { cases, exportFor, targets } from '../export/helpers';

describe('export names', () => {
  it('are exactly the names the exporters produce, over every scenario and target', () => {
    const produced = new Set<string>();
    for (const c of cases()) for (const t of targets) for (const n of Object.keys(exportFor(c, t).files)) produced.add(n);
    expect([...EXPORT_NAMES].sort()).toEqual([...produced].sort());
  });

  it.each(['nginx.conf', '.env.example', 'systemd/app@.service', 'k8s/app.yaml', 'README.md', 'gunicorn.conf.py'])('accepts %s', (n) => {
    expect(exportNameProblem(n)).toBeNull();
  });

  it.each([
    '.bashrc', '.ssh/authorized_keys', '.profile', 'k8s/web-deployment.yaml', 'systemd/evil.service', '../nginx.conf', 'k8s/../nginx.conf',
    '/etc/passwd', 'C:/x', 'a\\b', './nginx.conf', 'nginx.conf/', 'NGINX.CONF', 'nginx.conf\0', '', 'con',
  ])('refuses %j', (n) => {
    expect(exportNameProblem(n)).not.toBeNull();
  });
});

describe('planExport', () => {
  it('puts every file inside the folder, sorted', () => {
    const dir = resolve('/tmp/out');
    const plan = planExport(dir, { 'systemd/app@.service': 'b', 'nginx.conf': 'a' });
    expect(plan).toEqual([
      { name: 'nginx.conf', target: join(dir, 'nginx.conf'), content: 'a' },
      { name: 'systemd/app@.service', target: join(dir, 'systemd', 'app@.service'), content: 'b' },
    ]);
  });
  it('throws on a name the export does not have', () => {
    expect(() => planExport('/tmp/out', { '../x': '' })).toThrow(/refusing/);
    expect(() => planExport('/tmp/out', { '.bashrc': '' })).toThrow(/not a file capsim exports/);
  });
});

describe('inspectExport', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'capsim-inspect-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('lists every file that exists and every sub-folder to create', async () => {
    await writeFile(join(dir, 'nginx.conf'), 'old');
    await mkdir(join(dir, 'k8s'));
    await writeFile(join(dir, 'k8s', 'app.yaml'), 'old');
    const plan = await inspectExport(dir, { 'nginx.conf': 'n', 'redis.conf': 'r', 'k8s/app.yaml': 'a', 'k8s/redis.yaml': 'b', 'systemd/app@.service': 's' });
    expect(plan.replaced).toEqual(['k8s/app.yaml', 'nginx.conf']);
    expect(plan.newFolders).toEqual([join(dir, 'systemd')]);
  });

  it('refuses a sub-folder or a file that is a symbolic link', async () => {
    const elsewhere = await mkdtemp(join(tmpdir(), 'capsim-elsewhere-'));
    try {
      await symlink(elsewhere, join(dir, 'k8s'));
      await expect(inspectExport(dir, { 'k8s/app.yaml': 'x' })).rejects.toThrow(/k8s: it is a symbolic link/);
      await rm(join(dir, 'k8s'));
      await symlink(join(elsewhere, 'target'), join(dir, 'nginx.conf'));
      await expect(inspectExport(dir, { 'nginx.conf': 'x' })).rejects.toThrow(/nginx.conf: it is a symbolic link/);
      await rm(join(dir, 'nginx.conf'));
      await mkdir(join(dir, 'nginx.conf'));
      await expect(inspectExport(dir, { 'nginx.conf': 'x' })).rejects.toThrow(/not a regular file/);
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });
});
