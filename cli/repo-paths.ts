// Where the CLI finds the repository's data (pricing catalogs, bundled scenarios) and its own entry points,
// whether it runs from source (cli/*.ts) or from the build (cli/dist/capsim.mjs): the folder holding the
// package.json of capsim, found upward from this module.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'capsim') return dir;
    if (dirname(dir) === dir) throw new Error(`capsim: no package.json of capsim above ${from}`);
  }
}

export const REPO_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside the repository, from its root: repoPath('scenarios', 'pricing'). */
export function repoPath(...parts: string[]): string {
  return join(REPO_ROOT, ...parts);
}
