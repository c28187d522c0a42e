// Names of the temporaries an atomic write puts beside its target (".NAME.capsim-tmp-PID-RANDOM" and, while a
// folder is swapped, ".NAME.capsim-old-PID-RANDOM"), and the clean-up of those a killed process left behind: a
// temporary whose process is gone is removed, and a previous output moved aside but never replaced is put back.

import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export type TempKind = 'tmp' | 'old';

export function tempSibling(target: string, kind: TempKind): string {
  return join(dirname(target), `.${basename(target)}.capsim-${kind}-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/** Removes a temporary if it is there; a clean-up never hides the error that made it necessary. */
export function removeQuietly(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    /* nothing to remove, or nothing that can be */
  }
}

/** True when a process with this id still runs (then its temporaries are in use). */
export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface Leftover {
  path: string;
  kind: TempKind;
  pid: number;
}

function leftovers(target: string): Leftover[] {
  const dir = dirname(target);
  const prefix = `.${basename(target)}.capsim-`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const out: Leftover[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(tmp|old)-(\d+)-[0-9a-f]+$/.exec(name.slice(prefix.length));
    if (m) out.push({ path: join(dir, name), kind: m[1] as TempKind, pid: Number(m[2]) });
  }
  return out;
}

/**
 * Tidies what dead processes left beside `target`: if the target is missing and a previous output was moved
 * aside (killed mid-swap), it is restored; every other leftover of a dead process is removed. Returns what it did.
 */
export function cleanStaleTemps(target: string): string[] {
  const done: string[] = [];
  const dead = leftovers(target).filter((l) => !processAlive(l.pid));
  if (!existsSync(target)) {
    const old = dead.find((l) => l.kind === 'old');
    if (old) {
      renameSync(old.path, target);
      done.push(`restored ${target} from ${basename(old.path)}`);
      dead.splice(dead.indexOf(old), 1);
    }
  }
  for (const l of dead) {
    removeQuietly(l.path);
    done.push(`removed ${basename(l.path)}`);
  }
  return done;
}
