#!/usr/bin/env node
// Builds the capsim command once with esbuild, so a command starts without compiling TypeScript:
// cli/main.ts → cli/dist/capsim.mjs and the worker-thread entry → cli/dist/sweep-worker.mjs (ESM, Node 20;
// npm packages stay external). Files are written beside their target and renamed into place, so a command
// started while another one rebuilds never reads half a file. Usage: node cli/build.mjs
import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const DIST = join(here, 'dist');
export const ENTRY = join(DIST, 'capsim.mjs');

/** Newest modification time (ms) of the TypeScript the CLI is built from. */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      if (name === 'dist' || name === 'node_modules') continue;
      const p = join(dir, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(name) && st.mtimeMs > newest) newest = st.mtimeMs;
    }
  };
  walk(here);
  walk(join(here, '..', 'sim-core'));
  return newest;
}

/** The build is missing or older than a source file. */
export function isStale() {
  try {
    return statSync(ENTRY).mtimeMs < newestSource();
  } catch {
    return true;
  }
}

export async function buildCli() {
  // Loaded only when a build is due, so a start with a fresh build does not pay for esbuild.
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: { capsim: join(here, 'main.ts'), 'sweep-worker': join(here, 'sweep', 'sweep-worker-main.ts') },
    outdir: DIST,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Bundled with its packages (zod, yaml, …): one file loads far faster than hundreds of ESM modules.
    external: ['playwright', 'esbuild', 'tsx'],
    // CommonJS packages inside an ESM bundle still call require() for Node's own modules.
    banner: { js: "import { createRequire as __capsimRequire } from 'node:module'; const require = __capsimRequire(import.meta.url);" },
    sourcemap: true,
    legalComments: 'none',
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
    write: false,
  });
  mkdirSync(DIST, { recursive: true });
  // The entry goes last: its mtime tells isStale that the whole build is there.
  const files = [...result.outputFiles].sort((a, b) => Number(a.path === ENTRY) - Number(b.path === ENTRY));
  for (const f of files) {
    const tmp = `${f.path}.${process.pid}.tmp`;
    writeFileSync(tmp, f.contents);
    renameSync(tmp, f.path);
  }
  return files.map((f) => f.path);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildCli();
