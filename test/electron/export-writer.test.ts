// Desktop export writes as a whole: a failure half-way leaves the folder as it was, and an export the app was
// killed in is repaired before the next one.
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inspectExport } from '../../electron/export-plan';
import { recoverInterrupted, writeExport } from '../../electron/export-writer';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'capsim-export-writer-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const files = { '.env.example': 'A=1', 'README.md': 'new readme', 'k8s/app.yaml': 'app', 'nginx.conf': 'new nginx' };

describe('writeExport', () => {
  it('writes every file and leaves no temporary folder', async () => {
    await writeExport(await inspectExport(dir, files));
    expect((await readdir(dir)).sort()).toEqual(['.env.example', 'README.md', 'k8s', 'nginx.conf']);
    expect(await readFile(join(dir, 'k8s', 'app.yaml'), 'utf8')).toBe('app');
  });

  it('puts everything back when a step fails half-way', async () => {
    await writeFile(join(dir, 'README.md'), 'my readme');
    await writeFile(join(dir, 'nginx.conf'), 'my nginx');
    const plan = await inspectExport(dir, files);
    expect(plan.replaced).toEqual(['README.md', 'nginx.conf']);
    // Between the question and the write, k8s/ appears as a link to somewhere else (in sorted order it comes
    // after .env.example and README.md, which are already in place by then).
    const elsewhere = await mkdtemp(join(tmpdir(), 'capsim-elsewhere-'));
    try {
      plan.newFolders = [];
      await symlink(elsewhere, join(dir, 'k8s'));
      await expect(writeExport(plan)).rejects.toThrow(/k8s: it is no longer a plain folder/);
      expect(await readFile(join(dir, 'README.md'), 'utf8')).toBe('my readme');
      expect(await readFile(join(dir, 'nginx.conf'), 'utf8')).toBe('my nginx');
      expect((await readdir(dir)).sort()).toEqual(['README.md', 'k8s', 'nginx.conf']);
      expect(await readdir(elsewhere)).toEqual([]);
      expect((await lstat(join(dir, 'k8s'))).isSymbolicLink()).toBe(true);
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });
});

describe('recoverInterrupted', () => {
  it('moves back the files a killed export had set aside, keeps newer ones, and removes its folder', async () => {
    const work = join(dir, '.capsim-export-0123456789ab');
    await mkdir(join(work, 'replaced', 'k8s'), { recursive: true });
    await mkdir(join(work, 'new'), { recursive: true });
    await writeFile(join(work, 'replaced', 'nginx.conf'), 'my nginx');
    await writeFile(join(work, 'replaced', 'k8s', 'app.yaml'), 'my app');
    await writeFile(join(work, 'replaced', 'README.md'), 'my readme');
    await writeFile(join(work, 'new', 'README.md'), 'half');
    await writeFile(join(dir, 'README.md'), 'moved in before the kill');
    await mkdir(join(dir, 'k8s'));
    await recoverInterrupted(dir);
    expect(await readFile(join(dir, 'nginx.conf'), 'utf8')).toBe('my nginx');
    expect(await readFile(join(dir, 'k8s', 'app.yaml'), 'utf8')).toBe('my app');
    expect(await readFile(join(dir, 'README.md'), 'utf8')).toBe('moved in before the kill');
    expect((await readdir(dir)).sort()).toEqual(['README.md', 'k8s', 'nginx.conf']);
  });
});
