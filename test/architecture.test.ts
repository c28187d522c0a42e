// Holds the import directions of ARCHITECTURE.md: reads every import of the repository's source (TypeScript's own
// pre-processor, so comments and strings never count) and fails naming both files of an import against the
// layering. sim-core imports nothing outside itself and no Node or DOM module; electron imports neither renderer
// nor sim-core; renderer and cli reach sim-core only through its front door (index.ts, protocol.ts), and the
// renderer reaches electron/ only through its IPC contract; inside
// sim-core, imports go down the list of layers (or stay in their own).

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '..');

/** sim-core's layers, bottom first; a file may import its own layer or any below it. */
export const SIM_CORE_LAYERS: readonly string[] = [
  'kernel',
  'analytic',
  'metrics',
  'resources',
  'schema',
  'run',
  'queueing',
  'web-stack/schema',
  'web-stack/derived',
  'web-stack/runtime',
  'web-stack/preview',
  'web-stack/lint',
  'web-stack/claims',
  'scenario',
  'cost',
  'export',
  'capacity',
  'report',
  'selftest',
  'protocol.ts',
  'api',
  'index.ts',
];

/** What sim-core may import from outside itself: pure libraries that run in a Web Worker and in Node. */
const SIM_CORE_PACKAGES = new Set(['zod', 'yaml', 'simple-statistics']);
const FRONT_DOOR = new Set(['sim-core/index.ts', 'sim-core/protocol.ts']);
/** The typed IPC contract the preload exposes: the one file of electron/ the renderer may read (its types). */
const IPC_CONTRACT = 'electron/ipc-contract.ts';
const SOURCE = /\.(ts|tsx|mts|mjs)$/;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const rel = join(dir, name);
    if (statSync(join(root, rel)).isDirectory()) out.push(...sourceFiles(rel));
    else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(rel.split(sep).join('/'));
  }
  return out;
}

function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
  return info.importedFiles.map((f) => f.fileName);
}

/** A relative import resolved to a repository path with its extension, as the bundlers find it. */
function resolveImport(from: string, spec: string): string {
  const base = resolve(root, dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), `${base}.mjs`]) {
    try {
      if (statSync(candidate).isFile()) return relative(root, candidate).split(sep).join('/');
    } catch {
      /* try the next form */
    }
  }
  return relative(root, base).split(sep).join('/');
}

function layerOf(simCorePath: string): number {
  const inner = simCorePath.slice('sim-core/'.length);
  let best = -1;
  let bestLength = -1;
  SIM_CORE_LAYERS.forEach((layer, i) => {
    if ((inner === layer || inner.startsWith(`${layer}/`)) && layer.length > bestLength) {
      best = i;
      bestLength = layer.length;
    }
  });
  return best;
}

const nodeBuiltins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

interface Edge {
  from: string;
  spec: string;
  to: string;
}

function edges(dirs: string[]): Edge[] {
  return dirs.flatMap((d) => sourceFiles(d)).flatMap((from) => importsOf(from).map((spec) => ({ from, spec, to: spec.startsWith('.') ? resolveImport(from, spec) : spec })));
}

/** Every import against the layering, one line each naming both files. */
export function violations(all: Edge[]): string[] {
  const out: string[] = [];
  for (const { from, spec, to } of all) {
    const top = from.split('/')[0];
    const toTop = spec.startsWith('.') ? to.split('/')[0] : undefined;
    if (top === 'sim-core') {
      if (!spec.startsWith('.')) {
        const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
        if (nodeBuiltins.has(spec) || nodeBuiltins.has(pkg)) out.push(`${from} imports the Node module ${spec}: sim-core runs in a Web Worker too`);
        else if (!SIM_CORE_PACKAGES.has(pkg)) out.push(`${from} imports the package ${spec}: sim-core may use only ${[...SIM_CORE_PACKAGES].join(', ')}`);
        continue;
      }
      if (toTop !== 'sim-core') {
        out.push(`${from} imports ${to}: sim-core imports nothing outside itself`);
        continue;
      }
      const a = layerOf(from);
      const b = layerOf(to);
      if (a < 0) out.push(`${from} is in no layer of SIM_CORE_LAYERS (add its folder to the list and to ARCHITECTURE.md)`);
      else if (b > a) out.push(`${from} (layer ${SIM_CORE_LAYERS[a]}) imports ${to} (layer ${SIM_CORE_LAYERS[b]}): imports go down the layers`);
      continue;
    }
    if (!toTop) continue;
    if (top === 'electron' && (toTop === 'renderer' || toTop === 'sim-core')) out.push(`${from} imports ${to}: the Electron main process imports neither renderer nor sim-core code`);
    if ((top === 'renderer' || top === 'cli') && toTop === 'sim-core' && !FRONT_DOOR.has(to)) out.push(`${from} imports ${to}: ${top} reaches sim-core only through sim-core/index.ts`);
    if (top === 'renderer' && (toTop === 'cli' || (toTop === 'electron' && to !== IPC_CONTRACT))) out.push(`${from} imports ${to}: the renderer imports neither the CLI nor Electron's main process (only ${IPC_CONTRACT})`);
    if (top === 'cli' && (toTop === 'renderer' || toTop === 'electron')) out.push(`${from} imports ${to}: the CLI imports neither the renderer nor Electron`);
  }
  return out;
}

describe('architecture: import directions', () => {
  const all = edges(['sim-core', 'renderer', 'cli', 'electron']);

  it('reads the imports of every source folder', () => {
    expect(all.length).toBeGreaterThan(500);
    expect(all.some((e) => e.from.startsWith('renderer/') && e.to === 'sim-core/index.ts')).toBe(true);
  });

  it('has no import against the layering', () => {
    expect(violations(all)).toEqual([]);
  });

  it('catches each kind of wrong import (so the check itself can fail)', () => {
    const wrong: Edge[] = [
      { from: 'sim-core/kernel/simulator.ts', spec: '../web-stack/runtime/host', to: 'sim-core/web-stack/runtime/host.ts' },
      { from: 'sim-core/run/run-driver.ts', spec: 'node:fs', to: 'node:fs' },
      { from: 'sim-core/cost/bandwidth.ts', spec: '../../cli/catalogs', to: 'cli/catalogs.ts' },
      { from: 'renderer/src/App.tsx', spec: '../../sim-core/web-stack/lint', to: 'sim-core/web-stack/lint/index.ts' },
      { from: 'cli/commands/run.ts', spec: '../../sim-core/api/run', to: 'sim-core/api/run.ts' },
      { from: 'electron/main.ts', spec: '../renderer/src/App', to: 'renderer/src/App.tsx' },
      { from: 'sim-core/web-stack/derived/app-slots.ts', spec: '../lint/finding', to: 'sim-core/web-stack/lint/finding.ts' },
    ];
    const found = violations(wrong);
    expect(found).toHaveLength(wrong.length);
    expect(found[0]).toBe('sim-core/kernel/simulator.ts (layer kernel) imports sim-core/web-stack/runtime/host.ts (layer web-stack/runtime): imports go down the layers');
  });
});
