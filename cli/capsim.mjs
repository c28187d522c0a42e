#!/usr/bin/env node
// The `capsim` command: runs the built CLI (cli/dist/capsim.mjs), building it first when it is missing or older
// than the sources (about half a second, once). CAPSIM_FROM_SOURCE=1 runs the TypeScript directly through tsx
// instead (for working on the CLI without a build step).
import { pathToFileURL } from 'node:url';

let main;
if (process.env.CAPSIM_FROM_SOURCE) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('./main.ts'));
} else {
  const { buildCli, isStale, ENTRY } = await import('./build.mjs');
  if (isStale()) await buildCli();
  ({ main } = await import(pathToFileURL(ENTRY).href));
}
process.exitCode = await main(process.argv.slice(2));
