// Write a file so that readers see either the old or the new content, never half of it: write a temporary
// file next to the target, flush it, rename it over the target (atomic within one file system), then flush
// the folder so the rename survives a power cut. A process killed mid-write leaves only its temporary, which
// removeStaleTemps() clears on the next start.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const TEMP = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/;

export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(target);
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fh = await open(tmp, 'w', 0o644);
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, target);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
  await syncFolder(dir);
}

async function syncFolder(dir: string): Promise<void> {
  const fh = await open(dir, 'r').catch(() => null);
  if (!fh) return;
  await fh.sync().catch(() => undefined);
  await fh.close();
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the temporaries of `names` in `dir` that processes no longer running left behind; returns them. */
export async function removeStaleTemps(dir: string, names: readonly string[]): Promise<string[]> {
  const removed: string[] = [];
  for (const entry of await readdir(dir).catch(() => [] as string[])) {
    const m = TEMP.exec(entry);
    if (!m || !names.includes(m[1]) || alive(Number(m[2]))) continue;
    await unlink(join(dir, entry)).then(() => removed.push(entry), () => undefined);
  }
  return removed;
}
