// capsim report <scenario> --out report.pdf|report.html|report.md [--users N] [--seed K] [--duration S]
// [--precision F] [--json]: the sizing report, through sim-core's `report` (the app's Report button makes the
// same one). The loads it plans are simulated on all cores first and handed in; it then judges the claims,
// prices the deployment, searches the capacity and exports the configs for the appendix. HTML or Markdown is
// written directly, PDF by printing the HTML with headless Chromium (Playwright). --out is checked before anything
// runs and written all or nothing (cli/output/atomic-file.ts).

import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { renderReportHtml, report, reportPlan, type ReportModel, type SweepPoint } from '../../sim-core/index';
import { cliContext } from '../catalogs';
import { CliError, EXIT_BAD_INPUT, EXIT_OK } from '../exit-codes';
import { inFile } from '../in-file';
import { loadWebStack } from '../load-scenario';
import { numberOption, type Options } from '../main';
import { writeFileAtomic } from '../output/atomic-file';
import { checkOutputTarget, type OutputTarget } from '../output/output-target';
import { progressLine } from '../progress-line';
import { runLengthOptions } from '../run-length';
import { allResults, runInWorkers } from '../sweep/worker-pool';

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
  const outFile: OutputTarget = { flag: '--out', path: out, kind: 'file', what: 'the report', mkdir: opts.mkdir === true };
  const scenario = loadWebStack(file, 'to report on');
  checkOutputTarget(outFile);
  const users = numberOption(opts, 'users', 'a whole number of concurrent users ≥ 1', (x) => Number.isInteger(x) && x >= 1);
  const args = {
    scenario,
    file,
    generated_at: new Date().toISOString(),
    generator: GENERATOR,
    ...(users !== undefined && { target: { users }, target_basis: `--users ${users.toLocaleString('en-US')}` }),
    ...runLengthOptions(opts),
  };
  // Catalogs first: bad input is reported before any simulation.
  const ctx = cliContext();
  const plan = inFile(file, () => reportPlan(args));
  progress(`simulating ${plan.loads.length} loads`);
  const outcomes = await runInWorkers(
    plan.loads.map((l) => ({ scenario, ...plan.length, ...l })),
    { onDone: (_i, done) => process.stderr.write(`\rreport: ${done}/${plan.loads.length} loads simulated`) },
  );
  process.stderr.write('\n');
  const results = inFile(file, () => allResults(outcomes));
  const simulated: SweepPoint[] = plan.loads.map((l, i) => ({ ...l, result: results[i] }));
  const line = progressLine('report');
  let r;
  try {
    r = inFile(file, () => report({ ...args, simulated }, { ...ctx, onProgress: line.update }));
  } finally {
    line.done();
  }
  progress(`writing ${format.toUpperCase()}`);
  if (format === 'md') writeFileAtomic(outFile, r.markdown);
  else if (format === 'html') writeFileAtomic(outFile, r.html);
  else writeFileAtomic(outFile, await htmlToPdf(renderReportHtml(r.model, { cssHeaderFooter: false }), r.model));
  progress(`wrote ${out}`);
  if (opts.json) console.log(JSON.stringify(r.model, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2));
  else console.log(`${out}: sizing report for "${scenario.name}" — ${r.summary}`);
  return EXIT_OK;
}
