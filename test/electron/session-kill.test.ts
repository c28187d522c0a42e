// SIGKILL during autosave: the shell's session writes are killed at random moments, mid-write or between
// writes; every time, session.json still holds a whole session at least as new as the last one reported saved,
// and the next start clears the killed write's temporary. Nothing saved is lost.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeStaleTemps } from '../../electron/atomic-write';
import { decodeSession, SESSION_FILE } from '../../electron/session-format';
import { createRng } from '../../sim-core/kernel/prng';

const child = fileURLToPath(new URL('./fixtures/autosave-child.ts', import.meta.url));
const KILLS = Number(process.env.CAPSIM_FAULT_KILLS ?? 12);
const SESSION_BYTES = 4 * 1024 * 1024;

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'capsim-session-kill-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Runs the child until it has saved at least once, then kills it after `delayMs` more; the last version it reported. */
function runAndKill(delayMs: number): Promise<{ lastSaved: number; killedMidWrite: boolean }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', child, dir, String(SESSION_BYTES)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let lastSaved = -1;
    let buf = '';
    let armed = false;
    p.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      for (let i; (i = buf.indexOf('\n')) >= 0; buf = buf.slice(i + 1)) lastSaved = Number(buf.slice(0, i).split(' ')[1]);
      if (!armed) {
        armed = true;
        setTimeout(() => p.kill('SIGKILL'), delayMs);
      }
    });
    p.on('error', reject);
    p.on('exit', async (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`the child ended by itself (${signal})`));
      const temps = (await readdir(dir)).filter((n) => n.endsWith('.tmp'));
      resolve({ lastSaved, killedMidWrite: temps.length > 0 });
    });
  });
}

describe('SIGKILL during autosave', () => {
  it(`keeps a whole, up-to-date session through ${KILLS} kills at random moments`, async () => {
    const rng = createRng(13);
    let midWrite = 0;
    for (let k = 0; k < KILLS; k++) {
      const { lastSaved, killedMidWrite } = await runAndKill(Math.floor(rng.next() * 150));
      if (killedMidWrite) midWrite++;
      const session = decodeSession(await readFile(join(dir, SESSION_FILE), 'utf8'));
      expect(session, `kill ${k}`).not.toBeNull();
      const saved = JSON.parse(session!.text) as { v: number; pad: string };
      // The file holds the last reported version or the one being written when the kill came (its rename may
      // have landed before the report was printed), never an older one and never a torn one.
      expect(saved.v).toBeGreaterThanOrEqual(lastSaved);
      expect(saved.v).toBeLessThanOrEqual(lastSaved + 1);
      expect(saved.pad.length).toBe(SESSION_BYTES);
      await removeStaleTemps(dir, [SESSION_FILE]);
      expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    }
    // The campaign only means something if some kills landed inside a write.
    expect(midWrite).toBeGreaterThan(0);
    console.log(`session kills: ${KILLS}, inside a write: ${midWrite}, session lost or torn: 0`);
  }, 300_000);
});
