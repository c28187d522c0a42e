// Writes an export as a whole: every file into a fresh temporary folder inside the chosen one (same file system,
// so the moves are renames), flushed, then each moved into place, the files it replaces first moved into the
// temporary folder. If any step fails, the files already moved in are taken out again, the replaced ones put
// back and the new sub-folders removed: the folder ends as it was, never with half an export.
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, open, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ExportPlan } from './export-plan';

async function writeFlushed(file: string, content: string): Promise<void> {
  const fh = await open(file, 'wx', 0o644);
  try {
    await fh.writeFile(content);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** A sub-folder must still be a real folder when a file moves into it (not swapped for a link meanwhile). */
async function assertRealFolder(dir: string): Promise<void> {
  const info = await lstat(dir);
  if (info.isSymbolicLink() || !info.isDirectory()) throw new Error(`refusing to export into ${dir}: it is no longer a plain folder`);
}

export async function writeExport(plan: ExportPlan): Promise<void> {
  const work = join(plan.dir, `.capsim-export-${randomBytes(6).toString('hex')}`);
  await mkdir(work);
  const staged = join(work, 'new');
  const aside = join(work, 'replaced');
  const placed: Step[] = [];
  const createdFolders: string[] = [];
  try {
    for (const f of plan.files) {
      const file = join(staged, ...f.name.split('/'));
      await mkdir(dirname(file), { recursive: true });
      await writeFlushed(file, f.content);
    }
    for (const folder of plan.newFolders) {
      await mkdir(folder);
      createdFolders.push(folder);
    }
    const replaced = new Set(plan.replaced);
    for (const f of plan.files) {
      if (dirname(f.target) !== plan.dir) await assertRealFolder(dirname(f.target));
      const step: Step = { target: f.target, moved: false };
      if (replaced.has(f.name)) {
        step.backup = join(aside, ...f.name.split('/'));
        await mkdir(dirname(step.backup), { recursive: true });
        await rename(f.target, step.backup);
      }
      placed.push(step);
      await rename(join(staged, ...f.name.split('/')), f.target);
      step.moved = true;
    }
  } catch (err) {
    await rollBack(placed, createdFolders);
    await rm(work, { recursive: true, force: true }).catch(() => undefined);
    throw err;
  }
  await rm(work, { recursive: true, force: true });
}

interface Step {
  target: string;
  /** Where the file it replaces was moved. */
  backup?: string;
  /** The new file is in place. */
  moved: boolean;
}

async function rollBack(placed: Step[], createdFolders: string[]): Promise<void> {
  for (const step of [...placed].reverse()) {
    if (step.moved) await rm(step.target, { force: true }).catch(() => undefined);
    if (step.backup) await rename(step.backup, step.target).catch(() => undefined);
  }
  for (const folder of createdFolders.reverse()) await rmdir(folder).catch(() => undefined);
}

/** Files below `dir`, as "/"-separated names relative to it. */
async function filesUnder(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    if (e.isDirectory()) out.push(...(await filesUnder(join(dir, e.name), `${prefix}${e.name}/`)));
    else out.push(`${prefix}${e.name}`);
  }
  return out;
}

/**
 * An export the app did not finish (it was killed mid-move) left its temporary folder: the files it had moved
 * aside go back where they were, unless a newer file took their place; then the temporary folder goes.
 */
export async function recoverInterrupted(dir: string): Promise<void> {
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    if (!e.isDirectory() || !/^\.capsim-export-[0-9a-f]{12}$/.test(e.name)) continue;
    const work = join(dir, e.name);
    for (const name of await filesUnder(join(work, 'replaced'))) {
      const target = join(dir, ...name.split('/'));
      if (await lstat(target).then(() => true, () => false)) continue;
      await rename(join(work, 'replaced', ...name.split('/')), target).catch(() => undefined);
    }
    await rm(work, { recursive: true, force: true }).catch(() => undefined);
  }
}
