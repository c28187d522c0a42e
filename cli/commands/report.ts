// capsim report <scenario> --out report.pdf|report.html|report.md [--users N] [--duration S] [--seed K] [--json]:
// the sizing report. Simulates the target load (--users or the scenario's own) and a sweep from 10 % to 150 % of
// it on all cores, judges the claims, prices the deployment at the simulated traffic, lints it, exports the
// configs for the appendix, then writes HTML or Markdown directly, or PDF by printing the HTML with headless
// Chromium (Playwright). The file is written to a temporary sibling and renamed: nothing half-written on failure.

import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { capacitySearch } from '../../sim-core/capacity/capacity-search';
import { monthlyCost } from '../../sim-core/cost/monthly-cost';
import { exportScenario } from '../../sim-core/export';
import { issueLine, ScenarioError } from '../../sim-core/schema/schema-errors';
import { buildReport, renderReportHtml, renderReportMarkdown, sweepLoads, type CapacityInput, type ReportModel } from '../../sim-core/report';
import { judgeClaims, type ClaimLoad } from '../../sim-core/web-stack/claims/judge-claims';
import { lintScenario } from '../../sim-core/web-stack/lint';
import { effectiveLoad, runWebStack } from '../../sim-core/web-stack/runtime/run-web-stack';
import type { WebStackScenario } from '../../sim-core/web-stack/schema/web-stack-schema';
import type { WebStackResult } from '../../sim-core/web-stack/runtime/web-stack-result';
import { CliError, EXIT_BAD_INPUT, EXIT_OK } from '../exit-codes';
import { loadScenario } from '../load-scenario';
import { numberOption, type Options } from '../main';
import type { PointJob } from '../sweep/run-point';
import { runPointsInWorkers } from '../sweep/worker-pool';
import { loadCatalogs } from './cost';

/** Simulated seconds per load point unless --duration says otherwise: enough for stable p95s, a report in seconds. */
export const REPORT_DURATION_S = 30;
/** Simulated points the capacity search may use (its default is 24; the report keeps it shorter). */
export const CAPACITY_EVALUATIONS = 12;
export const CHROMIUM_PATH = process.env.CAPSIM_CHROMIUM ?? '/usr/bin/chromium';
const GENERATOR = 'capsim 0.1.0';

type Format = 'pdf' | 'html' | 'md';

function formatOf(out: string): Format {
  const ext = extname(out).toLowerCase();
  if (ext === '.pdf') return 'pdf';
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.md' || ext === '.markdown') return 'md';
  throw new CliError(`--out ${out}: expected a file ending in .pdf, .html or .md`);
}

const loadKey = (l: ClaimLoad) => (l.users !== undefined ? `u${l.users}` : `r${l.rate_per_s}`);

/** Loads the claims will be judged at, as far as they can be known before judging (the rest run on demand). */
function claimLoads(s: WebStackScenario): ClaimLoad[] {
  const out: ClaimLoad[] = [];
  for (const c of s.claims) {
    if (c.at_users !== undefined) out.push({ users: c.at_users });
    else if (c.at_rps !== undefined) out.push({ rate_per_s: c.at_rps });
    else if (c.metric === 'concurrent_users') for (const n of [c.min, c.max]) if (n !== undefined && Number.isInteger(n) && n >= 1) out.push({ users: n });
  }
  return out;
}

/** Writes text (or bytes) to a temporary sibling of `out` and renames it into place. */
export function writeAtomically(out: string, data: string | Uint8Array): void {
  const target = resolve(out);
  mkdirSync(dirname(target), { recursive: true });
  const tmp = join(dirname(target), `.${basename(target)}.capsim-tmp-${process.pid}-${Date.now().toString(36)}`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

function escapeTemplate(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** Prints the report's HTML to PDF with headless Chromium; a missing browser is bad input with a way out. */
export async function htmlToPdf(html: string, model: Pick<ReportModel, 'scenario' | 'date'>): Promise<Uint8Array> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new CliError(`report: no Chromium at ${CHROMIUM_PATH} to print the PDF (set CAPSIM_CHROMIUM to its path); write HTML instead with --out report.html and print it from a browser`, EXIT_BAD_INPUT);
  }
  let chromium: typeof import('playwright').chromium;
  try {
    ({ chromium } = await import('playwright'));
  } catch {
    throw new CliError('report: Playwright is not installed, so no PDF can be printed; use --out report.html', EXIT_BAD_INPUT);
  }
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  } catch (e) {
    throw new CliError(`report: Chromium at ${CHROMIUM_PATH} did not start (${(e as Error).message.split('\n')[0]}); use --out report.html`, EXIT_BAD_INPUT);
  }
  try {
    const page = await browser.newPage();
    // No network: the document is self-contained, and anything it tried to load is refused.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    const style = 'font-family: Helvetica, Arial, sans-serif; font-size: 7.5pt; color: #666; width: 100%; padding: 0 16mm; display: flex; justify-content: space-between;';
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: `<div style="${style}"><span>${escapeTemplate(model.scenario.name)} — sizing report</span><span>${escapeTemplate(model.date)}</span></div>`,
      footerTemplate: `<div style="${style}"><span>${escapeTemplate(GENERATOR)}</span><span>page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
      margin: { top: '20mm', bottom: '18mm', left: '16mm', right: '16mm' },
    });
    return pdf;
  } finally {
    await browser.close();
  }
}

export async function reportCommand(file: string, opts: Options): Promise<number> {
  const started = performance.now();
  const progress = (msg: string) => process.stderr.write(`report: ${msg} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  if (typeof opts.out !== 'string' || opts.out === '') throw new CliError('report: expected --out report.pdf|report.html|report.md');
  const out = opts.out;
  const format = formatOf(out);
  const scenario = loadScenario(file);
  if (scenario.kind !== 'web-stack') throw new CliError(`${file}: kind: expected a "web-stack" scenario to report on, got "${scenario.kind}"`);
  const s = scenario;
  const users = numberOption(opts, 'users', 'a whole number of concurrent users ≥ 1', (x) => Number.isInteger(x) && x >= 1);
  const seed = numberOption(opts, 'seed', 'a whole number ≥ 0', (x) => Number.isInteger(x) && x >= 0) ?? s.run.seed;
  const duration = numberOption(opts, 'duration', 'a number of seconds > 0', (x) => x > 0) ?? REPORT_DURATION_S;

  const own = effectiveLoad(s);
  const target: ClaimLoad = users !== undefined ? { users } : own.type === 'closed' ? { users: own.users } : { rate_per_s: own.rate_per_s };
  const l = s.workload.load;
  const basis =
    users !== undefined ? `--users ${users.toLocaleString('en-US')}`
    : l.type === 'daily' ? `the scenario's daily curve: ${l.daily_active_users.toLocaleString('en-US')} daily users × ${l.sessions_per_user} session(s) of ${l.session_minutes} min, peak factor ${l.peak_factor}`
    : "the scenario's own load";

  // Catalogs and lint first: bad input is reported before any simulation.
  const catalogs = loadCatalogs();
  const lint = lintScenario(s);

  // The sweep, the target and the claims' known loads, on all cores.
  const loads = new Map<string, ClaimLoad>();
  for (const x of [...sweepLoads(target), target, ...claimLoads(s)]) loads.set(loadKey(x), x);
  const jobs: PointJob[] = [...loads.values()].map((x, id) => ({ id, scenario: s, seed, duration_s: duration, ...x }));
  progress(`simulating ${jobs.length} loads of ${duration} simulated seconds each`);
  const results = (await runPointsInWorkers(jobs, (_job, done) => process.stderr.write(`\rreport: ${done}/${jobs.length} loads simulated`))) as WebStackResult[];
  process.stderr.write('\n');
  const byKey = new Map<string, WebStackResult>();
  jobs.forEach((j, i) => byKey.set(loadKey(j), results[i]));
  const sweepKeys = new Set(sweepLoads(target).map(loadKey));
  const targetResult = byKey.get(loadKey(target))!;

  const usage = {
    throughput_rps: targetResult.throughput_rps,
    egress_bytes_per_s: targetResult.egress_bytes_per_s,
    basis: `simulated at ${target.users !== undefined ? `${target.users.toLocaleString('en-US')} users` : `${target.rate_per_s} req/s`}: ${targetResult.throughput_rps.toFixed(1)} req/s, ${(targetResult.egress_bytes_per_s / 1e6).toFixed(2)} MB/s to clients`,
  };
  let cost;
  try {
    cost = monthlyCost(s, catalogs, usage);
  } catch (e) {
    if (e instanceof ScenarioError) throw new CliError(e.issues.map((i) => `${file}: ${issueLine(i)}`).join('\n'));
    throw e;
  }

  // The configs of the appendix, sized with the simulated result at the target load.
  let configs: { target: string; files: Record<string, string>; warnings: string[] } | string;
  try {
    const simulated = { p95_ms: targetResult.latency_ms.p95, throughput_rps: targetResult.throughput_rps, users: targetResult.load.users };
    configs = { target: 'bare', ...exportScenario(s, { target: 'bare', simulated }) };
  } catch (e) {
    configs = `The configs could not be exported (${(e as Error).message}); run capsim export for details.`;
  }

  // Max load within the SLO: the simulated capacity search (analytic bracket, confirmed by simulation).
  progress('searching the capacity within the SLO');
  let capacity: CapacityInput | undefined;
  try {
    const c = capacitySearch(s, { metric: target.users !== undefined ? 'users' : 'rps', seed, duration_s: duration, max_evaluations: CAPACITY_EVALUATIONS, clock: () => performance.now() });
    capacity = { max_load: c.max_load, binding_resource: c.binding_resource.resource, confidence: c.confidence, method: 'simulation search' };
  } catch (e) {
    progress(`capacity search failed (${(e as Error).message}); the report shows the analytic estimate`);
  }

  progress('judging the claims');
  const claims = judgeClaims(s, {
    simulate: (load) => {
      const key = loadKey(load.users === undefined && load.rate_per_s === undefined ? (own.type === 'closed' ? { users: own.users } : { rate_per_s: own.rate_per_s }) : load);
      let r = byKey.get(key);
      if (!r) byKey.set(key, (r = runWebStack(s, { ...load, seed, duration_s: duration, clock: () => performance.now() })));
      return r;
    },
    monthlyCost: () => cost.total_usd_per_month,
  });

  const model = buildReport({
    scenario: s,
    file,
    generated_at: new Date().toISOString(),
    target_load: target,
    target_basis: basis,
    target: targetResult,
    sweep: jobs.filter((j) => sweepKeys.has(loadKey(j))).map((j) => byKey.get(loadKey(j))!),
    claims,
    cost,
    lint,
    configs,
    capacity,
    run: { duration_s: duration, seed },
    generator: GENERATOR,
  });

  progress(`writing ${format.toUpperCase()}`);
  if (format === 'md') writeAtomically(out, renderReportMarkdown(model));
  else if (format === 'html') writeAtomically(out, renderReportHtml(model));
  else writeAtomically(out, await htmlToPdf(renderReportHtml(model, { cssHeaderFooter: false }), model));
  progress(`wrote ${out}`);
  if (opts.json) console.log(JSON.stringify(model, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2));
  else console.log(`${out}: sizing report for "${s.name}" — ${model.answer.sentences[0]}`);
  return EXIT_OK;
}
