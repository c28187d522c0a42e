// Writes a folder of output files all or nothing: every file into a temporary folder beside the target, then the
// previous folder (if any) is moved aside, the new one renamed into place and the old one removed. A failure at
// any step puts the previous folder back and removes the temporary; a process killed mid-swap is repaired by the
// next write (stale-temps.ts). The one-line error names the path (exit 2).

import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, resolve, sep } from 'node:path';
import { syncFolder } from './atomic-file';
import { makeParents, type OutputTarget } from './output-target';
import { cleanStaleTemps, removeQuietly, tempSibling } from './stale-temps';
import { writeError } from './write-error';

/** A relative file name inside the folder, or an error: no absolute paths, no "..". */
function inside(root: string, name: string): string {
  const n = normalize(name);
  if (name === '' || isAbsolute(name) || n.split(sep).includes('..')) throw new Error(`refusing the file name ${JSON.stringify(name)} (outside the folder)`);
  return join(root, n);
}

/**
 * Writes `files` (relative name → text) as the folder `t.path`. `beforeReplace` runs once the leftovers of killed
 * runs are tidied and may refuse to replace what is there (by throwing).
 */
export function writeFolderAtomic(t: OutputTarget, files: Record<string, string>, beforeReplace: (target: string) => void = () => undefined): void {
  const target = resolve(t.path);
  try {
    cleanStaleTemps(target);
  } catch (e) {
    throw writeError(t.flag, t.path, t.what, e, 'nothing was changed');
  }
  beforeReplace(target);
  let undoParents = () => undefined as void;
  let tmp: string | undefined;
  let old: string | undefined;
  try {
    undoParents = makeParents(t);
    tmp = tempSibling(target, 'tmp');
    mkdirSync(tmp);
    for (const [name, text] of Object.entries(files)) {
      const file = inside(tmp, name);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text, { flag: 'wx', flush: true });
    }
    if (existsSync(target)) {
      old = tempSibling(target, 'old');
      renameSync(target, old);
    }
    try {
      renameSync(tmp, target);
    } catch (e) {
      if (old) renameSync(old, target);
      old = undefined;
      throw e;
    }
    tmp = undefined;
    syncFolder(dirname(target));
  } catch (e) {
    if (tmp) removeQuietly(tmp);
    undoParents();
    throw writeError(t.flag, t.path, t.what, e, 'the previous folder, if any, is unchanged');
  }
  if (old) removeQuietly(old);
}
