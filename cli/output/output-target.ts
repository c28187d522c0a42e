// Checks an output path before any simulation runs (so a bad --out fails in a second, not after minutes): the
// target is of the right type, its folder exists or --mkdir was given, and the folder really takes a new file
// (a probe file is created and removed: permission bits alone say nothing for root or a read-only mount).
// Creating the missing folders happens only at write time, and is undone if the write fails.

import { closeSync, lstatSync, mkdirSync, openSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { tempSibling } from './stale-temps';
import { writeError } from './write-error';

export type TargetKind = 'file' | 'folder';

export interface OutputTarget {
  /** The option that named it, for messages ("--out"). */
  flag: string;
  path: string;
  kind: TargetKind;
  /** What is written, for messages ("the report"). */
  what: string;
  /** Create missing parent folders (--mkdir). */
  mkdir: boolean;
}

function kindError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(code), { code });
}

/** The nearest folder of `path` that exists, and the folders below it that do not. */
function existingAncestor(path: string): { dir: string; missing: string[] } {
  const missing: string[] = [];
  let dir = dirname(path);
  for (;;) {
    try {
      if (!statSync(dir).isDirectory()) throw kindError('ENOTDIR');
      return { dir, missing };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      missing.unshift(dir);
      const up = dirname(dir);
      if (up === dir) throw e;
      dir = up;
    }
  }
}

function lstatOrNull(path: string) {
  try {
    return lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/** Why `t` cannot be written, as an error with a code, or null when it can. Nothing is created or left behind. */
function targetProblem(t: OutputTarget): unknown {
  const path = resolve(t.path);
  try {
    const info = lstatOrNull(path);
    if (info && t.kind === 'file' && info.isDirectory()) return kindError('EISDIR');
    if (info && t.kind === 'folder' && !info.isDirectory()) return new Error('it exists and is not a directory');
    const a = existingAncestor(path);
    if (a.missing.length > 0 && !t.mkdir) return kindError('ENOENT');
    const probe = tempSibling(resolve(a.dir, 'probe'), 'tmp');
    try {
      closeSync(openSync(probe, 'wx'));
    } catch (e) {
      // The folder exists, so ENOENT here means a file system that takes no new files (/proc, /sys).
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return new Error(`its folder ${a.dir} does not take new files`);
      throw e;
    }
    unlinkSync(probe);
    return null;
  } catch (e) {
    return e;
  }
}

/** Throws the one-line error if `t` cannot be written. */
export function checkOutputTarget(t: OutputTarget): void {
  const problem = targetProblem(t);
  if (problem) throw writeError(t.flag, t.path, t.what, problem, 'nothing was written');
}

/** Creates the missing parents of `path` (when allowed); returns an undo that removes the ones it created. */
export function makeParents(t: OutputTarget): () => void {
  const { missing } = existingAncestor(resolve(t.path));
  if (missing.length === 0) return () => undefined;
  if (!t.mkdir) throw kindError('ENOENT');
  mkdirSync(missing[missing.length - 1], { recursive: true });
  return () => {
    for (const d of [...missing].reverse()) {
      try {
        rmdirSync(d);
      } catch {
        return;
      }
    }
  };
}
