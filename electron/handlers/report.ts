// The sizing report as PDF: ask where to save, load the renderer's self-contained HTML into a hidden,
// sandboxed window with JavaScript off (remote requests are blocked app-wide), printToPDF, write atomically.
import { app, BrowserWindow, dialog } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../atomic-write';

const LOAD_TIMEOUT_MS = 30_000;

export function pdfName(suggested: string): string {
  return /\.pdf$/i.test(suggested) ? suggested : `${suggested.replace(/\.[A-Za-z0-9]{1,5}$/, '')}.pdf`;
}

export async function printReportToPdf(win: BrowserWindow | null, args: { html: string; suggestedName: string }): Promise<{ path: string } | null> {
  const opts = { title: 'Save sizing report', defaultPath: join(app.getPath('documents'), pdfName(args.suggestedName)), filters: [{ name: 'PDF', extensions: ['pdf'] }], properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
  const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
  if (r.canceled || !r.filePath) return null;
  const pdf = await renderPdf(args.html);
  await writeFileAtomic(r.filePath, pdf);
  return { path: r.filePath };
}

export async function renderPdf(html: string): Promise<Uint8Array> {
  const dir = await mkdtemp(join(app.getPath('temp'), 'capsim-report-'));
  const file = join(dir, 'report.html');
  const hidden = new BrowserWindow({
    show: false,
    width: 1240,
    height: 1754,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true, images: true, spellcheck: false },
  });
  try {
    await writeFile(file, html, 'utf8');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      hidden.loadFile(file),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('the report did not finish loading within 30 s')), LOAD_TIMEOUT_MS);
      }),
    ]).finally(() => clearTimeout(timer));
    return await hidden.webContents.printToPDF({ printBackground: true, pageSize: 'A4', preferCSSPageSize: true, generateDocumentOutline: true });
  } finally {
    hidden.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}
