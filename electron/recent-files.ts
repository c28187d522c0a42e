// The Open Recent list: most recent first, no duplicates, at most MAX entries, stored as JSON in userData.
// Pure list functions plus a tolerant parser (a damaged file yields an empty list, never a crash).
import { basename, resolve } from 'node:path';
import { z } from 'zod';
import type { RecentFile } from './ipc-contract';

export const MAX_RECENT = 10;

const Stored = z.object({ version: z.literal(1), files: z.array(z.object({ path: z.string().min(1), name: z.string() })) });

/** Path equality as the file system sees it: case-insensitive on Windows and macOS (default volumes). */
export function samePath(a: string, b: string, platform: NodeJS.Platform = process.platform): boolean {
  const x = resolve(a);
  const y = resolve(b);
  return platform === 'win32' || platform === 'darwin' ? x.toLowerCase() === y.toLowerCase() : x === y;
}

export function addRecent(list: readonly RecentFile[], path: string, max = MAX_RECENT, platform: NodeJS.Platform = process.platform): RecentFile[] {
  const entry = { path: resolve(path), name: basename(path) };
  return [entry, ...list.filter((f) => !samePath(f.path, path, platform))].slice(0, max);
}

export function removeRecent(list: readonly RecentFile[], path: string, platform: NodeJS.Platform = process.platform): RecentFile[] {
  return list.filter((f) => !samePath(f.path, path, platform));
}

export function isRecent(list: readonly RecentFile[], path: string, platform: NodeJS.Platform = process.platform): boolean {
  return list.some((f) => samePath(f.path, path, platform));
}

export function parseRecent(text: string | null): RecentFile[] {
  if (!text) return [];
  try {
    const r = Stored.safeParse(JSON.parse(text));
    return r.success ? r.data.files.slice(0, MAX_RECENT).map((f) => ({ path: f.path, name: f.name || basename(f.path) })) : [];
  } catch {
    return [];
  }
}

export function serializeRecent(list: readonly RecentFile[]): string {
  return `${JSON.stringify({ version: 1, files: list }, null, 2)}\n`;
}
