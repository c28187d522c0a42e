import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../electron/atomic-write';
import { Autosaver, decodeSession, encodeSession } from '../../electron/session-format';

describe('session file format', () => {
  it('round-trips', () => {
    const at = new Date('2026-01-02T03:04:05Z');
    expect(decodeSession(encodeSession('{"a":1}', at))).toEqual({ text: '{"a":1}', savedAt: '2026-01-02T03:04:05.000Z' });
  });
  it.each([null, '', '{', '[]', '{"format":"other","version":1,"savedAt":"x","text":""}', '{"format":"capsim-session","version":2,"savedAt":"x","text":""}'])('treats %j as no session', (raw) => {
    expect(decodeSession(raw)).toBeNull();
  });
});

function manualAutosaver(write: (text: string) => Promise<void>) {
  let tick: (() => void) | null = null;
  const saver = new Autosaver({
    write,
    intervalMs: 3000,
    now: () => new Date('2026-01-01T00:00:00Z'),
    setInterval: (fn) => ((tick = fn), 1),
    clearInterval: () => (tick = null),
  });
  saver.start();
  return { saver, tick: () => tick?.() };
}

describe('Autosaver', () => {
  it('writes only when the text changed, once per tick', async () => {
    const writes: string[] = [];
    const { saver, tick } = manualAutosaver(async (t) => void writes.push(t));
    tick();
    await saver.flush();
    expect(writes).toEqual([]);
    saver.update('a');
    saver.update('b');
    expect(saver.dirty).toBe(true);
    tick();
    await saver.flush();
    expect(writes).toEqual(['b']);
    saver.update('b');
    expect(saver.dirty).toBe(false);
    tick();
    await saver.flush();
    expect(writes).toEqual(['b']);
    expect(saver.latest()).toEqual({ text: 'b', savedAt: '2026-01-01T00:00:00.000Z' });
  });

  it('keeps the text after a failed write and retries', async () => {
    let fail = true;
    const writes: string[] = [];
    const errors: unknown[] = [];
    const saver = new Autosaver({ write: async (t) => (fail ? Promise.reject(new Error('disk full')) : void writes.push(t)), onError: (e) => errors.push(e), setInterval: () => 0, clearInterval: () => undefined });
    saver.update('x');
    await saver.flush();
    expect(errors).toHaveLength(1);
    expect(saver.dirty).toBe(true);
    fail = false;
    await saver.flush();
    expect(writes).toEqual(['x']);
    expect(saver.dirty).toBe(false);
  });

  it('reports unsaved text as the latest session', () => {
    const { saver } = manualAutosaver(async () => undefined);
    expect(saver.latest()).toBeNull();
    saver.update('draft');
    expect(saver.latest()?.text).toBe('draft');
  });
});

describe('writeFileAtomic', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('replaces the file and leaves no temporary files', async () => {
    dir = await mkdtemp(join(tmpdir(), 'capsim-atomic-'));
    const target = join(dir, 'sub', 'session.json');
    await writeFileAtomic(target, 'one');
    await writeFileAtomic(target, 'two');
    expect(await readFile(target, 'utf8')).toBe('two');
    expect(await readdir(join(dir, 'sub'))).toEqual(['session.json']);
  });

  it('keeps the old content and cleans up when the rename fails', async () => {
    dir = await mkdtemp(join(tmpdir(), 'capsim-atomic-'));
    const target = join(dir, 'taken');
    await writeFile(join(dir, 'keep'), 'old');
    await import('node:fs/promises').then((fs) => fs.mkdir(join(target, 'x'), { recursive: true })); // a non-empty directory cannot be replaced by a file
    await expect(writeFileAtomic(target, 'new')).rejects.toThrow();
    expect((await readdir(dir)).sort()).toEqual(['keep', 'taken']);
  });
});
