// cli/output: atomic file and folder writes beside the target, checks before anything runs, --mkdir, and the
// repair of what a killed run left behind. Failures on real full or read-only file systems: test/fuzz/faults.test.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CliError } from '../../cli/exit-codes';
import { writeFileAtomic } from '../../cli/output/atomic-file';
import { writeFolderAtomic } from '../../cli/output/atomic-folder';
import { checkOutputTarget, type OutputTarget } from '../../cli/output/output-target';
import { cleanStaleTemps, processAlive } from '../../cli/output/stale-temps';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'capsim-output-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const file = (path: string, mkdir = false): OutputTarget => ({ flag: '--out', path, kind: 'file', what: 'the report', mkdir });
const folder = (path: string, mkdir = false): OutputTarget => ({ flag: '--out', path, kind: 'folder', what: 'the export', mkdir });

/** The pid of a process that has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  const pid = Number(r.stdout);
  expect(processAlive(pid)).toBe(false);
  return pid;
}

function refusal(f: () => void): CliError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CliError);
    return e as CliError;
  }
  throw new Error('expected a refusal');
}

describe('checks before the run', () => {
  it('refuses a missing folder unless --mkdir, and creates nothing while checking', () => {
    const e = refusal(() => checkOutputTarget(file(join(dir, 'a', 'b', 'r.md'))));
    expect(e.exitCode).toBe(2);
    expect(e.message).toBe(`--out ${join(dir, 'a', 'b', 'r.md')}: cannot write the report: its folder does not exist (add --mkdir to create it) (ENOENT); nothing was written`);
    checkOutputTarget(file(join(dir, 'a', 'b', 'r.md'), true));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a parent that is a file, and a target of the wrong type', () => {
    writeFileSync(join(dir, 'f'), 'x');
    expect(refusal(() => checkOutputTarget(file(join(dir, 'f', 'r.md')))).message).toMatch(/a parent of it is a file, not a folder \(ENOTDIR\)/);
    mkdirSync(join(dir, 'd.md'));
    expect(refusal(() => checkOutputTarget(file(join(dir, 'd.md')))).message).toMatch(/it is a folder, not a file \(EISDIR\)/);
    expect(refusal(() => checkOutputTarget(folder(join(dir, 'f')))).message).toMatch(/it exists and is not a directory/);
  });

  it('refuses a folder that takes no new files', () => {
    expect(refusal(() => checkOutputTarget(file('/proc/r.md'))).message).toMatch(/does not take new files/);
  });
});

describe('writeFileAtomic', () => {
  it('writes, replaces, and leaves no temporary', () => {
    const out = join(dir, 'r.md');
    writeFileAtomic(file(out), 'one');
    writeFileAtomic(file(out), 'two');
    expect(readFileSync(out, 'utf8')).toBe('two');
    expect(readdirSync(dir)).toEqual(['r.md']);
  });

  it('creates missing folders only with --mkdir', () => {
    const out = join(dir, 'x', 'y', 'r.md');
    expect(refusal(() => writeFileAtomic(file(out), 'a')).message).toMatch(/add --mkdir/);
    expect(existsSync(join(dir, 'x'))).toBe(false);
    writeFileAtomic(file(out, true), 'a');
    expect(readFileSync(out, 'utf8')).toBe('a');
  });

  it('removes the folders it created when the write then fails', () => {
    // A 250-character name fits the file system, its temporary (".NAME.capsim-tmp-PID-HEX") does not.
    const out = join(dir, 'new', 'deeper', 'r'.repeat(250));
    const e = refusal(() => writeFileAtomic(file(out, true), 'a'));
    expect(e.message).toMatch(/the name is too long \(ENAMETOOLONG\); the previous file, if any, is unchanged$/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('with overwrite: false refuses an existing file and keeps it', () => {
    const out = join(dir, 'rec.yaml');
    writeFileSync(out, 'mine');
    expect(refusal(() => writeFileAtomic(file(out), 'new', { overwrite: false })).message).toMatch(/exists; refusing to overwrite it/);
    expect(readFileSync(out, 'utf8')).toBe('mine');
    expect(readdirSync(dir)).toEqual(['rec.yaml']);
  });

  it('removes the temporaries of killed runs, and keeps those of live ones', () => {
    const out = join(dir, 'r.md');
    const stale = join(dir, `.r.md.capsim-tmp-${deadPid()}-0a1b2c3d`);
    const live = join(dir, `.r.md.capsim-tmp-${process.pid}-0a1b2c3d`);
    writeFileSync(stale, 'half');
    writeFileSync(live, 'in progress');
    writeFileAtomic(file(out), 'done');
    expect(readdirSync(dir).sort()).toEqual([`.r.md.capsim-tmp-${process.pid}-0a1b2c3d`, 'r.md']);
  });
});

describe('writeFolderAtomic', () => {
  const files = (tag: string) => ({ 'a.conf': `a ${tag}`, 'k8s/app.yaml': `app ${tag}` });
  const read = (d: string) => ({ a: readFileSync(join(d, 'a.conf'), 'utf8'), app: readFileSync(join(d, 'k8s', 'app.yaml'), 'utf8') });

  it('replaces a folder as a whole and leaves nothing beside it', () => {
    const out = join(dir, 'out');
    writeFolderAtomic(folder(out), files('1'));
    writeFolderAtomic(folder(out), files('2'));
    expect(read(out)).toEqual({ a: 'a 2', app: 'app 2' });
    expect(readdirSync(dir)).toEqual(['out']);
  });

  it('keeps the previous folder when a file name is refused', () => {
    const out = join(dir, 'out');
    writeFolderAtomic(folder(out), files('1'));
    const e = refusal(() => writeFolderAtomic(folder(out), { ...files('2'), '../escape': 'x' }));
    expect(e.message).toMatch(/outside the folder/);
    expect(read(out)).toEqual({ a: 'a 1', app: 'app 1' });
    expect(readdirSync(dir)).toEqual(['out']);
  });

  it('repairs a swap a kill interrupted: the previous folder is put back, the half-written one removed', () => {
    const out = join(dir, 'out');
    const pid = deadPid();
    const old = join(dir, `.out.capsim-old-${pid}-00000001`);
    const tmp = join(dir, `.out.capsim-tmp-${pid}-00000002`);
    writeFolderAtomic(folder(old), files('previous'));
    mkdirSync(tmp);
    writeFileSync(join(tmp, 'a.conf'), 'half');
    expect(cleanStaleTemps(out)).toEqual([`restored ${out} from .out.capsim-old-${pid}-00000001`, `removed .out.capsim-tmp-${pid}-00000002`]);
    expect(read(out)).toEqual({ a: 'a previous', app: 'app previous' });
    expect(readdirSync(dir)).toEqual(['out']);
  });
});
