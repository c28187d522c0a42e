// capsim bench (npm run bench): (1) kernel speed on M/M/c (c = 8, μ = 1/s, ρ = 0.9, 2 million customers)
// through the general queueing-model path, with the simulated mean response beside the exact Erlang C value;
// (2) the exam-portal "after" tier at 12,000 concurrent users for 60 simulated seconds (target < 3 s wall,
// < 300 MB). Each part runs in a fresh process so its peak RSS is its own.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, repoPath } from '../repo-paths';
import { mmc, parseScenario, parseScenarioText, run, type RunResult, type WebStackScenario } from '../../sim-core/index';
import { CliError, EXIT_OK } from '../exit-codes';
import { count, num, table } from '../format-table';
import { numberOption, type Options } from '../main';

export interface KernelBench {
  customers: number;
  events: number;
  wall_ms: number;
  customers_per_s: number;
  events_per_s: number;
  mean_response: number;
  exact_mean_response: number;
  unit: 'ms';
  rss_after_first_chunk_mb: number;
  peak_rss_mb: number;
}

export interface WebStackBench {
  scenario: string;
  users: number;
  simulated_s: number;
  events: number;
  wall_ms: number;
  events_per_s: number;
  peak_rss_mb: number;
  throughput_rps: number;
  p95_ms: number;
}

const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

export function kernelBench(customers: number): KernelBench {
  const servers = 8;
  const serviceMs = 1000;
  const rho = 0.9;
  const ratePerS = (rho * servers * 1000) / serviceMs;
  const model = parseScenario({
    kind: 'queueing',
    schema_version: 1,
    name: 'bench M/M/8',
    workload: { type: 'open', rate_per_s: ratePerS },
    stations: [{ name: 'server', servers, service_ms: { dist: 'exponential', mean: serviceMs } }],
    // Precision is set out of reach so the run lasts exactly the event budget: 2 events per customer.
    run: { seed: 1, precision: 1e-9, max_events: 2 * customers },
  });
  let firstRss = 0;
  const result = run({ scenario: model }, {
    catalogs: [],
    clock: () => performance.now(),
    onProgress: () => {
      if (firstRss === 0) firstRss = process.memoryUsage().rss;
    },
  }) as RunResult;
  const served = result.resources.server.completions;
  return {
    customers: served,
    events: result.events,
    wall_ms: result.wall_ms,
    customers_per_s: served / (result.wall_ms / 1000),
    events_per_s: result.events / (result.wall_ms / 1000),
    mean_response: result.latency_ms.mean,
    exact_mean_response: mmc(ratePerS / 1000, 1 / serviceMs, servers).meanResponse,
    unit: 'ms',
    rss_after_first_chunk_mb: firstRss / 2 ** 20,
    peak_rss_mb: peakRssMb(),
  };
}

export function examPortalBench(users: number, durationS: number): WebStackBench {
  const file = repoPath('scenarios', 'exam-portal', 'after.yaml');
  const s = parseScenario(parseScenarioText(readFileSync(file, 'utf8'), 'yaml'));
  if (s.kind !== 'web-stack') throw new Error('exam-portal/after.yaml is not a web-stack scenario');
  const t0 = performance.now();
  // A precision target out of reach, so the whole horizon is simulated.
  const r = run({ scenario: { ...s, run: { ...s.run, precision: 1e-6 } } as WebStackScenario, users, duration_s: durationS }, { catalogs: [], clock: () => performance.now() });
  const wall = performance.now() - t0;
  return {
    scenario: 'scenarios/exam-portal/after.yaml', users, simulated_s: r.simulated_s, events: r.events, wall_ms: wall,
    events_per_s: r.events / (wall / 1000), peak_rss_mb: peakRssMb(), throughput_rps: r.throughput_rps, p95_ms: r.latency_ms.p95,
  };
}

export interface DragBench {
  fps?: number;
  preview_median_ms?: number;
  preview_p95_ms?: number;
  target_fps: 30;
  skipped?: string;
}

/**
 * The drag between tiers in the real renderer (Chromium, darra phase 1 → 3, the largest scenario): runs the
 * e2e drag spec, which prints the frame rate it measured, and reads that line.
 */
function dragBench(): DragBench {
  const root = REPO_ROOT;
  if (!existsSync('/usr/bin/chromium')) return { target_fps: 30, skipped: 'Chromium is not installed (/usr/bin/chromium)' };
  const build = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'renderer/vite.config.ts'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) return { target_fps: 30, skipped: `the renderer did not build: ${build.stderr.split('\n')[0]}` };
  const pw = spawnSync(process.execPath, [join(root, 'node_modules/playwright/cli.js'), 'test', 'test/e2e/drag.spec.ts', '--grep', 'preview every frame', '--reporter=line'], { cwd: root, encoding: 'utf8' });
  const m = /drag: ([\d.]+) fps .*median ([\d.]+) ms, p95 ([\d.]+) ms/.exec(pw.stdout);
  if (!m) return { target_fps: 30, skipped: `the drag test did not report a frame rate (exit ${pw.status})` };
  return { fps: Number(m[1]), preview_median_ms: Number(m[2]), preview_p95_ms: Number(m[3]), target_fps: 30 };
}

function runPart(part: string, extra: string[]): unknown {
  const bin = repoPath('cli', 'capsim.mjs');
  const r = spawnSync(process.execPath, [bin, 'bench', '--part', part, ...extra], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bench part ${part} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

export function benchCommand(opts: Options): number {
  const customers = numberOption(opts, 'customers', 'a whole number ≥ 1000', (x) => Number.isInteger(x) && x >= 1000) ?? 2_000_000;
  const users = numberOption(opts, 'users', 'a whole number ≥ 1', (x) => Number.isInteger(x) && x >= 1) ?? 12_000;
  if (opts.part === 'kernel') return print(kernelBench(customers));
  if (opts.part === 'exam-portal') return print(examPortalBench(users, 60));
  if (opts.part !== undefined) throw new CliError(`--part: expected "kernel" or "exam-portal", got ${JSON.stringify(opts.part)}`);
  const kernel = runPart('kernel', ['--customers', String(customers)]) as KernelBench;
  const web = runPart('exam-portal', ['--users', String(users)]) as WebStackBench;
  const drag = dragBench();
  if (opts.json) return print({ kernel_mmc: kernel, exam_portal: web, drag_between_tiers: drag });
  console.log('kernel: M/M/8, μ = 1/s, ρ = 0.9, one core');
  console.log(table(
    ['customers', 'events', 'wall s', 'customers/s', 'events/s', 'mean response ms', 'exact ms', 'RSS first chunk MB', 'peak RSS MB'],
    [[count(kernel.customers), count(kernel.events), num(kernel.wall_ms / 1000), count(kernel.customers_per_s), count(kernel.events_per_s), num(kernel.mean_response), num(kernel.exact_mean_response), num(kernel.rss_after_first_chunk_mb), num(kernel.peak_rss_mb)]],
  ));
  console.log(`\nweb stack: ${web.scenario} at ${count(web.users)} users, ${num(web.simulated_s)} s simulated (target < 3 s wall, < 300 MB)`);
  console.log(table(
    ['events', 'wall s', 'events/s', 'peak RSS MB', 'throughput rps', 'p95 ms'],
    [[count(web.events), num(web.wall_ms / 1000), count(web.events_per_s), num(web.peak_rss_mb), num(web.throughput_rps), num(web.p95_ms)]],
  ));
  console.log('\ndrag between tiers in the app (Chromium, darra phase 1 → 3; target ≥ 30 frames per second)');
  console.log(drag.skipped
    ? `skipped: ${drag.skipped}`
    : table(['frames/s', 'preview median ms', 'preview p95 ms', 'target'], [[num(drag.fps!), num(drag.preview_median_ms!), num(drag.preview_p95_ms!), drag.fps! >= 30 ? 'met' : 'MISSED']]));
  return EXIT_OK;
}

function print(x: unknown): number {
  console.log(JSON.stringify(x, null, 2));
  return EXIT_OK;
}
