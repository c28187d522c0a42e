// Where exported files go: names are relative, "/"-separated, made of ordinary characters, and always land
// inside the chosen folder (no absolute paths, no "..", no drive letters, no hidden traversal tricks).
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

const SEGMENT = /^[A-Za-z0-9_@+=,.-]+$/;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/** Why this export file name is refused, or null if it is fine. */
export function exportNameProblem(name: string): string | null {
  if (name.length === 0 || name.length > 200) return 'name must be 1–200 characters';
  if (name.includes('\\')) return 'use "/" to separate folders';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'must be a relative path';
  const segments = name.split('/');
  if (segments.length > 4) return 'too deeply nested';
  for (const s of segments) {
    if (s === '' || s === '.' || s === '..') return 'empty, "." or ".." path segment';
    if (!SEGMENT.test(s)) return 'only letters, digits and _@+=,.- are allowed';
    if (WINDOWS_RESERVED.test(s)) return 'reserved device name';
  }
  return null;
}

export interface PlannedFile {
  name: string;
  target: string;
  content: string;
}

/** Absolute targets inside dir for every file; throws if any name is refused or escapes dir. */
export function planExport(dir: string, files: Record<string, string>): PlannedFile[] {
  const root = resolve(dir);
  return Object.keys(files)
    .sort()
    .map((name) => {
      const problem = exportNameProblem(name);
      if (problem) throw new Error(`refusing to export ${JSON.stringify(name)}: ${problem}`);
      const target = resolve(join(root, ...name.split('/')));
      const rel = relative(root, target);
      if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) throw new Error(`refusing to export ${JSON.stringify(name)}: outside the folder`);
      return { name, target, content: files[name] ?? '' };
    });
}
