// Autosave of the working session: the renderer reports its state whenever it likes; it is written to
// userData/session.json at most every few seconds (only when changed) and on quit, and offered back on start.
// Writes are atomic, so a kill at any moment leaves the previous session or the new one, never a mix.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { removeStaleTemps, writeFileAtomic } from '../atomic-write';
import { Autosaver, decodeSession, encodeSession, SESSION_FILE } from '../session-format';

export interface SessionHandlers {
  autosave(text: string): void;
  restore(): Promise<{ text: string; savedAt: string } | null>;
  readonly dirty: boolean;
  flush(): Promise<void>;
  stop(): void;
}

export function createSessionHandlers(userData: string, intervalMs = 3000): SessionHandlers {
  const file = join(userData, SESSION_FILE);
  const saver = new Autosaver({
    intervalMs,
    write: (text, at) => writeFileAtomic(file, encodeSession(text, at)),
    onError: (err) => console.error('capsim: autosave failed:', err),
  });
  saver.start();
  // A start after a kill (SIGKILL, power cut) finds the killed write's temporary; the session itself is whole.
  void removeStaleTemps(userData, [SESSION_FILE, 'recent-files.json']);
  return {
    autosave: (text) => saver.update(text),
    restore: async () => saver.latest() ?? decodeSession(await readFile(file, 'utf8').catch(() => null)),
    get dirty() {
      return saver.dirty;
    },
    flush: () => saver.flush(),
    stop: () => saver.stop(),
  };
}
