// capsim export <scenario> --out DIR [--target bare|compose|k8s]: writes the deployment configs that match a
// web-stack scenario. All or nothing: the files go into a temporary sibling directory that is renamed into place.
// An existing non-empty DIR is replaced only when a previous export made it (it holds EXPORT_MARKER).

import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { exportConfigs, exportTargets, run, type ExportTarget, type WebStackResult } from '../../sim-core/index';
import { cliContext } from '../catalogs';
import { CliError, EXIT_OK } from '../exit-codes';
import { inFile } from '../in-file';
import { loadScenario } from '../load-scenario';

/** Written into every export directory; its presence lets a later export replace the directory. */
export const EXPORT_MARKER = '.capsim-export.json';
export const DEFAULT_TARGET: ExportTarget = 'bare';

export interface ExportCommandOptions {
  out?: string;
  target?: string;
  /** Simulated seconds of the sizing run whose result heads every file; 0 skips the run. */
  duration?: number;
}

function checkOutDir(out: string): boolean {
  if (!existsSync(out)) return false;
  if (!statSync(out).isDirectory()) throw new CliError(`--out ${out}: exists and is not a directory`);
  const entries = readdirSync(out);
  if (entries.length === 0) return true;
  if (!entries.includes(EXPORT_MARKER)) {
    throw new CliError(`--out ${out}: the directory is not empty and was not created by capsim export (no ${EXPORT_MARKER}); choose a new or empty directory`);
  }
  return true;
}

function tempSibling(out: string, tag: string): string {
  return join(dirname(out), `.${basename(out)}.${tag}-${process.pid}-${Date.now().toString(36)}`);
}

/** Writes every file under a temporary sibling of `out`, then swaps it into place. */
export function writeExport(out: string, files: Record<string, string>, marker: object): void {
  const target = resolve(out);
  const existed = checkOutDir(target);
  mkdirSync(dirname(target), { recursive: true });
  const tmp = tempSibling(target, 'capsim-tmp');
  let old: string | undefined;
  try {
    mkdirSync(tmp);
    for (const [name, text] of Object.entries(files)) {
      if (name.startsWith('/') || name.split('/').includes('..')) throw new Error(`refusing file name ${name}`);
      mkdirSync(dirname(join(tmp, name)), { recursive: true });
      writeFileSync(join(tmp, name), text);
    }
    writeFileSync(join(tmp, EXPORT_MARKER), JSON.stringify(marker, null, 2) + '\n');
    if (existed) {
      old = tempSibling(target, 'capsim-old');
      renameSync(target, old);
    }
    try {
      renameSync(tmp, target);
    } catch (e) {
      if (old) renameSync(old, target);
      old = undefined;
      throw e;
    }
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    const msg = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new CliError(`--out ${out}: could not write the export (${msg}); nothing was changed`);
  }
  if (old) rmSync(old, { recursive: true, force: true });
}

export function exportCommand(file: string, opts: ExportCommandOptions): number {
  const target = (opts.target ?? DEFAULT_TARGET) as ExportTarget;
  if (!exportTargets.includes(target)) throw new CliError(`--target: expected one of ${exportTargets.join(', ')}, got ${JSON.stringify(opts.target)}`);
  if (!opts.out) throw new CliError('export: expected --out DIR (the directory to write the configs into)');
  const scenario = loadScenario(file);
  if (scenario.kind !== 'web-stack') {
    throw new CliError(`${file}: export needs a web-stack scenario (kind: web-stack); this one is kind "${scenario.kind}", which has no servers to configure`);
  }
  checkOutDir(resolve(opts.out));
  // Every file names the simulated result it was sized for: run the scenario at its own load first.
  let simulated: { p95_ms: number; throughput_rps: number; users?: number } | undefined;
  if (opts.duration !== 0) {
    const r = inFile(file, () => run({ scenario, ...(opts.duration !== undefined && { duration_s: opts.duration }) }, cliContext())) as WebStackResult;
    simulated = { p95_ms: r.latency_ms.p95, throughput_rps: r.throughput_rps, users: r.load.users };
    console.error(`export: simulated ${r.load.users !== undefined ? `${r.load.users} users` : `${r.load.rate_per_s} req/s`}: ${r.throughput_rps.toFixed(1)} req/s, p95 ${r.latency_ms.p95.toFixed(0)} ms (SLO ${r.slo.met ? 'met' : 'missed'})`);
  }
  const result = inFile(file, () => exportConfigs({ scenario, target, simulated }));
  const names = Object.keys(result.files).sort();
  writeExport(opts.out, result.files, { generator: 'capsim export', scenario: scenario.name, source: file, target, files: names, warnings: result.warnings });
  console.log(`${file}: wrote ${names.length} files for target ${target} to ${opts.out}`);
  for (const n of names) console.log(`  ${n}`);
  if (result.warnings.length) {
    console.log(`${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'} (also written as # WARNING lines in the affected files):`);
    for (const w of result.warnings) console.log(`  WARNING: ${w}`);
  }
  return EXIT_OK;
}
