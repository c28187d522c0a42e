// The autosaved working session: a small JSON envelope around the renderer's text, written to userData a
// few seconds after it changes and on quit, read back on the next start. The Autosaver is timer-driven but
// takes its writer and clock by injection, so it is tested without Electron or real time.
import { z } from 'zod';

export const SESSION_FILE = 'session.json';
const Envelope = z.object({ format: z.literal('capsim-session'), version: z.literal(1), savedAt: z.string(), text: z.string() });

export function encodeSession(text: string, savedAt: Date): string {
  return JSON.stringify({ format: 'capsim-session', version: 1, savedAt: savedAt.toISOString(), text });
}

/** The session in a file's text, or null if missing, damaged or of another format/version. */
export function decodeSession(raw: string | null): { text: string; savedAt: string } | null {
  if (!raw) return null;
  try {
    const r = Envelope.safeParse(JSON.parse(raw));
    return r.success ? { text: r.data.text, savedAt: r.data.savedAt } : null;
  } catch {
    return null;
  }
}

export interface AutosaverOptions {
  /** Persist the session text (e.g. atomic write of encodeSession). */
  write: (text: string, savedAt: Date) => Promise<void>;
  intervalMs?: number;
  now?: () => Date;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
  onError?: (err: unknown) => void;
}

/** Keeps the latest text in memory and writes it every intervalMs when it changed; flush() writes now. */
export class Autosaver {
  private pending: { text: string; at: Date } | null = null;
  private last: { text: string; savedAt: string } | null = null;
  private timer: unknown = null;
  private writing: Promise<void> = Promise.resolve();
  private readonly o: Required<Omit<AutosaverOptions, 'onError'>> & Pick<AutosaverOptions, 'onError'>;

  constructor(opts: AutosaverOptions) {
    this.o = {
      intervalMs: 3000,
      now: () => new Date(),
      setInterval: (fn, ms) => {
        const h = globalThis.setInterval(fn, ms);
        (h as { unref?: () => void }).unref?.();
        return h;
      },
      clearInterval: (h) => globalThis.clearInterval(h as ReturnType<typeof globalThis.setInterval>),
      ...opts,
    };
  }

  start(): void {
    if (this.timer === null) this.timer = this.o.setInterval(() => void this.flush(), this.o.intervalMs);
  }

  stop(): void {
    if (this.timer !== null) this.o.clearInterval(this.timer);
    this.timer = null;
  }

  /** Record the newest session text; unchanged text is ignored. */
  update(text: string): void {
    const current = this.pending?.text ?? this.last?.text;
    if (text === current) return;
    this.pending = { text, at: this.o.now() };
  }

  get dirty(): boolean {
    return this.pending !== null;
  }

  /** The newest known session (unsaved or saved), for restore within the same run. */
  latest(): { text: string; savedAt: string } | null {
    return this.pending ? { text: this.pending.text, savedAt: this.pending.at.toISOString() } : this.last;
  }

  /** Write the pending text, if any; writes never overlap. */
  flush(): Promise<void> {
    this.writing = this.writing.then(async () => {
      const p = this.pending;
      if (!p) return;
      this.pending = null;
      const at = this.o.now();
      try {
        await this.o.write(p.text, at);
        this.last = { text: p.text, savedAt: at.toISOString() };
      } catch (err) {
        if (this.pending === null) this.pending = p; // retry on the next tick
        this.o.onError?.(err);
      }
    });
    return this.writing;
  }
}
