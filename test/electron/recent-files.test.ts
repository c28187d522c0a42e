import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addRecent, isRecent, MAX_RECENT, parseRecent, removeRecent, samePath, serializeRecent } from '../../electron/recent-files';

describe('recent files list', () => {
  it('puts the newest first, without duplicates, named by file', () => {
    let list = addRecent([], '/a/one.yaml', MAX_RECENT, 'linux');
    list = addRecent(list, '/b/two.yaml', MAX_RECENT, 'linux');
    list = addRecent(list, '/a/one.yaml', MAX_RECENT, 'linux');
    expect(list).toEqual([
      { path: resolve('/a/one.yaml'), name: 'one.yaml' },
      { path: resolve('/b/two.yaml'), name: 'two.yaml' },
    ]);
  });

  it('keeps at most the maximum', () => {
    let list = addRecent([], '/x/0.yaml');
    for (let i = 1; i < 15; i++) list = addRecent(list, `/x/${i}.yaml`);
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]?.name).toBe('14.yaml');
    expect(list.at(-1)?.name).toBe('5.yaml');
  });

  it('compares paths case-insensitively on Windows and macOS only', () => {
    expect(samePath('/A/x.yaml', '/a/x.yaml', 'linux')).toBe(false);
    expect(samePath('/A/x.yaml', '/a/x.yaml', 'darwin')).toBe(true);
    expect(samePath('/a/./b/../x.yaml', '/a/x.yaml', 'linux')).toBe(true);
    expect(addRecent([{ path: '/A/x.yaml', name: 'x.yaml' }], '/a/x.yaml', MAX_RECENT, 'win32')).toHaveLength(1);
  });

  it('removes and finds entries', () => {
    const list = addRecent(addRecent([], '/a.yaml'), '/b.yaml');
    expect(isRecent(list, '/a.yaml')).toBe(true);
    expect(isRecent(removeRecent(list, '/a.yaml'), '/a.yaml')).toBe(false);
  });

  it('round-trips through its file and survives damage', () => {
    const list = addRecent(addRecent([], '/a.yaml'), '/b.yaml');
    expect(parseRecent(serializeRecent(list))).toEqual(list);
    expect(parseRecent(null)).toEqual([]);
    expect(parseRecent('{not json')).toEqual([]);
    expect(parseRecent('{"version":2,"files":[]}')).toEqual([]);
    expect(parseRecent('{"version":1,"files":[{"path":42}]}')).toEqual([]);
  });
});
