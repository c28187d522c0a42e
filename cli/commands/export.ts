// capsim export <scenario> --out DIR [--target bare|compose|k8s] [--mkdir]: writes the deployment configs that
// match a web-stack scenario. All or nothing (cli/output/atomic-folder.ts); the folder is checked before the
// sizing run. An existing non-empty DIR is replaced only when a previous export made it (it holds EXPORT_MARKER).

import { existsSync, readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { exportConfigs, exportTargets, run, type ExportTarget, type WebStackResult } from '../../sim-core/index';
import { cliContext } from '../catalogs';
import { CliError, EXIT_OK } from '../exit-codes';
import { inFile } from '../in-file';
import { loadScenario } from '../load-scenario';
import { writeFolderAtomic } from '../output/atomic-folder';
import { checkOutputTarget, type OutputTarget } from '../output/output-target';

/** Written into every export directory; its presence lets a later export replace the directory. */
export const EXPORT_MARKER = '.capsim-export.json';
export const DEFAULT_TARGET: ExportTarget = 'bare';

export interface ExportCommandOptions {
  out?: string;
  target?: string;
  /** Simulated seconds of the sizing run whose result heads every file; 0 skips the run. */
  duration?: number;
  /** Create the missing parent folders of --out. */
  mkdir?: boolean;
}

/** Refuses to replace a non-empty folder that no export made (it has no EXPORT_MARKER). */
function checkReplaceable(out: string): void {
  if (!existsSync(out) || !statSync(out).isDirectory()) return;
  const entries = readdirSync(out);
  if (entries.length > 0 && !entries.includes(EXPORT_MARKER)) {
    throw new CliError(`--out ${out}: the directory is not empty and was not created by capsim export (no ${EXPORT_MARKER}); choose a new or empty directory`);
  }
}

export function exportCommand(file: string, opts: ExportCommandOptions): number {
  const target = (opts.target ?? DEFAULT_TARGET) as ExportTarget;
  if (!exportTargets.includes(target)) throw new CliError(`--target: expected one of ${exportTargets.join(', ')}, got ${JSON.stringify(opts.target)}`);
  if (!opts.out) throw new CliError('export: expected --out DIR (the directory to write the configs into)');
  const scenario = loadScenario(file);
  if (scenario.kind !== 'web-stack') {
    throw new CliError(`${file}: export needs a web-stack scenario (kind: web-stack); this one is kind "${scenario.kind}", which has no servers to configure`);
  }
  const out: OutputTarget = { flag: '--out', path: opts.out, kind: 'folder', what: 'the export', mkdir: opts.mkdir === true };
  checkOutputTarget(out);
  checkReplaceable(resolve(opts.out));
  // Every file names the simulated result it was sized for: run the scenario at its own load first.
  let simulated: { p95_ms: number; throughput_rps: number; users?: number } | undefined;
  if (opts.duration !== 0) {
    const r = inFile(file, () => run({ scenario, ...(opts.duration !== undefined && { duration_s: opts.duration }) }, cliContext())) as WebStackResult;
    simulated = { p95_ms: r.latency_ms.p95, throughput_rps: r.throughput_rps, users: r.load.users };
    console.error(`export: simulated ${r.load.users !== undefined ? `${r.load.users} users` : `${r.load.rate_per_s} req/s`}: ${r.throughput_rps.toFixed(1)} req/s, p95 ${r.latency_ms.p95.toFixed(0)} ms (SLO ${r.slo.met ? 'met' : 'missed'})`);
  }
  const result = inFile(file, () => exportConfigs({ scenario, target, simulated }));
  const names = Object.keys(result.files).sort();
  const marker = { generator: 'capsim export', scenario: scenario.name, source: file, target, files: names, warnings: result.warnings };
  writeFolderAtomic(out, { ...result.files, [EXPORT_MARKER]: JSON.stringify(marker, null, 2) + '\n' }, checkReplaceable);
  console.log(`${file}: wrote ${names.length} files for target ${target} to ${opts.out}`);
  for (const n of names) console.log(`  ${n}`);
  if (result.warnings.length) {
    console.log(`${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'} (also written as # WARNING lines in the affected files):`);
    for (const w of result.warnings) console.log(`  WARNING: ${w}`);
  }
  return EXIT_OK;
}
