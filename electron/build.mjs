#!/usr/bin/env node
// Bundles the Electron shell with esbuild: electron/main.ts → electron/dist/main.cjs (Node, CommonJS) and
// electron/preload/index.ts → electron/dist/preload.cjs (one self-contained CommonJS file, as sandboxed
// preloads require). `electron` stays external; everything else (zod, our modules) is inlined.
// Usage: node electron/build.mjs [--outdir DIR] [--watch]
import { build, context } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** esbuild options for both bundles; Electron 45 runs Node 22 and Chromium 140+. */
export function buildOptions(outdir = join(here, 'dist')) {
  const common = { bundle: true, format: 'cjs', external: ['electron'], sourcemap: true, legalComments: 'none', logLevel: 'warning', tsconfig: join(here, 'tsconfig.json') };
  return [
    { ...common, entryPoints: [join(here, 'main.ts')], outfile: join(outdir, 'main.cjs'), platform: 'node', target: 'node22' },
    { ...common, entryPoints: [join(here, 'preload', 'index.ts')], outfile: join(outdir, 'preload.cjs'), platform: 'node', target: 'chrome140' },
  ];
}

/** Module names a bundle still `require`s at run time. */
export function requiredModules(file) {
  const code = readFileSync(file, 'utf8');
  return [...new Set([...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]))].sort();
}

export async function buildElectron({ outdir } = {}) {
  const opts = buildOptions(outdir);
  await Promise.all(opts.map((o) => build(o)));
  // A sandboxed preload can only require electron's renderer modules: fail the build if anything else leaked in.
  const preload = opts[1].outfile;
  const extra = requiredModules(preload).filter((m) => m !== 'electron');
  if (extra.length) throw new Error(`${preload} requires ${extra.join(', ')}; a sandboxed preload may only require 'electron'`);
  return opts.map((o) => o.outfile);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--outdir');
  const outdir = i >= 0 ? resolve(args[i + 1]) : undefined;
  if (args.includes('--watch')) {
    const ctxs = await Promise.all(buildOptions(outdir).map((o) => context(o)));
    await Promise.all(ctxs.map((c) => c.watch()));
    console.log('electron: watching for changes');
  } else {
    const out = await buildElectron({ outdir });
    console.log(`electron: built ${out.map((f) => f.replace(`${resolve(here, '..')}/`, '')).join(', ')}`);
  }
}
