// Writes one output file all or nothing: into a temporary file beside the target, flushed to disk, then renamed
// over it (atomic within a file system). Any failure removes the temporary and the folders this write created,
// leaves the previous file as it was, and becomes the one-line error naming the path (exit 2).

import { closeSync, fsyncSync, linkSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { makeParents, type OutputTarget } from './output-target';
import { cleanStaleTemps, removeQuietly, tempSibling } from './stale-temps';
import { writeError } from './write-error';

/** Flushes a folder's entries (the rename) to disk; some platforms cannot open folders, which is fine. */
export function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    /* best effort: the rename itself is already atomic */
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function writeAll(file: string, data: string | Uint8Array): void {
  const fd = openSync(file, 'wx', 0o644);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes `data` to the target. `overwrite: false` refuses an existing file, atomically (a hard link fails if the
 * name appeared meanwhile).
 */
export function writeFileAtomic(t: OutputTarget, data: string | Uint8Array, opts: { overwrite?: boolean } = {}): void {
  const target = resolve(t.path);
  let undoParents = () => undefined as void;
  let tmp: string | undefined;
  try {
    cleanStaleTemps(target);
    undoParents = makeParents(t);
    tmp = tempSibling(target, 'tmp');
    writeAll(tmp, data);
    if (opts.overwrite === false) {
      linkSync(tmp, target);
      unlinkSync(tmp);
    } else {
      renameSync(tmp, target);
    }
    tmp = undefined;
    syncFolder(dirname(target));
  } catch (e) {
    if (tmp) removeQuietly(tmp);
    undoParents();
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw writeError(t.flag, t.path, t.what, Object.assign(new Error('it exists; refusing to overwrite it (choose another name or remove it)'), {}), 'nothing was written');
    throw writeError(t.flag, t.path, t.what, e, opts.overwrite === false ? 'nothing was written' : 'the previous file, if any, is unchanged');
  }
}
