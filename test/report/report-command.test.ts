// capsim report end to end (reportCommand, as the CLI calls it) on a real scenario with short simulations: the PDF
// is a real multi-page PDF printed by headless Chromium, HTML and Markdown are written whole, bad input is exit 2
// and leaves nothing behind.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, reportCommand } from '../../cli/commands/report';
import { CliError } from '../../cli/exit-codes';
import { htmlNestingProblems, root } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'capsim-report-'));
const scenario = join(root, 'scenarios/exam-portal/after.yaml');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function quiet<T>(f: () => Promise<T>): Promise<T> {
  const write = process.stderr.write.bind(process.stderr);
  const log = console.log;
  process.stderr.write = (() => true) as typeof process.stderr.write;
  console.log = () => {};
  try {
    return await f();
  } finally {
    process.stderr.write = write;
    console.log = log;
  }
}

describe('capsim report', () => {
  it.skipIf(!existsSync(CHROMIUM_PATH))('--out report.pdf prints a PDF of several pages', async () => {
    const out = join(dir, 'report.pdf');
    expect(await quiet(() => reportCommand(scenario, { out, duration: '5', users: '4000' }))).toBe(0);
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const info = execFileSync('pdfinfo', [out], { encoding: 'utf8' });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(readdirSync(dir).filter((f) => f.includes('capsim-tmp'))).toEqual([]);
  });

  it('--out report.html writes a self-contained document at the requested load', async () => {
    const out = join(dir, 'report.html');
    expect(await quiet(() => reportCommand(scenario, { out, duration: '3', users: '2000' }))).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(htmlNestingProblems(html)).toEqual([]);
    expect(html).toContain('2,000 concurrent users');
    expect(html).toContain('--users 2,000');
    expect(html).not.toMatch(/NaN|undefined/);
  });

  it('--out report.md writes the Markdown tables', async () => {
    const out = join(dir, 'report.md');
    expect(await quiet(() => reportCommand(join(root, 'scenarios/fastapi/production.yaml'), { out, duration: '3', users: '1000' }))).toBe(0);
    const md = readFileSync(out, 'utf8');
    expect(md).toContain('| Item | Qty | Unit | Unit price | USD/month | Source |');
    expect(md).toContain('### nginx.conf');
  });

  it('rejects a queueing model, a bad extension and a missing --out with exit 2, writing nothing', async () => {
    const before = readdirSync(dir).sort();
    const cases: [string, Record<string, string>][] = [
      [join(root, 'scenarios/queueing/mm1-rho-0.8.yaml'), { out: join(dir, 'q.html') }],
      [scenario, { out: join(dir, 'report.docx') }],
      [scenario, {}],
      [scenario, { out: join(dir, 'u.html'), users: 'many' }],
    ];
    for (const [file, opts] of cases) {
      const err = await reportCommand(file, opts).then(() => undefined, (e: unknown) => e);
      expect(err).toBeInstanceOf(CliError);
      expect((err as CliError).exitCode).toBe(2);
    }
    expect(readdirSync(dir).sort()).toEqual(before);
  });
});
