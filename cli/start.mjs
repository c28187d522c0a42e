#!/usr/bin/env node
// `npm start`: runs every bundled scenario through the engine and prints its results. The desktop app (see
// electron/) takes this place once it exists; this launcher then starts it.
import { readdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const scenarioDir = join(root, 'scenarios');

function scenarioFiles(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === 'pricing' ? [] : scenarioFiles(path);
      return /\.(ya?ml|json)$/.test(name) ? [path] : [];
    });
}

console.log('capsim: the desktop app is not built yet; running the bundled scenarios in the terminal.\n');
let failed = 0;
for (const file of scenarioFiles(scenarioDir)) {
  const rel = relative(root, file);
  console.log(`━━ ${rel}`);
  const r = spawnSync(process.execPath, [join(root, 'cli/capsim.mjs'), 'run', rel], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) failed++;
  console.log('');
}
process.exitCode = failed ? 1 : 0;
