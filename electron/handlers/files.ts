// Scenario files and exports: native dialogs, reads with a size limit, atomic writes, and the recent list
// (userData/recent-files.json). The renderer can only save in place to paths the user chose in a dialog
// this session or that are on the recent list; any other path goes through a Save dialog. Exports write only
// the export's own file names, as a whole (export-plan.ts, export-writer.ts).
import { app, dialog, type BrowserWindow } from 'electron';
import { access, mkdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { AppContext } from '../app-context';
import { writeFileAtomic } from '../atomic-write';
import { inspectExport } from '../export-plan';
import { recoverInterrupted, writeExport } from '../export-writer';
import type { RecentFile, ScenarioFile } from '../ipc-contract';
import { LIMITS } from '../ipc-schemas';
import { addRecent, isRecent, parseRecent, removeRecent, samePath, serializeRecent } from '../recent-files';

const SCENARIO_FILTERS = [
  { name: 'Scenarios', extensions: ['yaml', 'yml', 'json'] },
  { name: 'All files', extensions: ['*'] },
];

export class FileHandlers {
  private recent: RecentFile[] = [];
  private readonly granted: string[] = [];
  private lastDir: string | null = null;
  private readonly recentPath: string;

  constructor(
    private readonly ctx: AppContext,
    private readonly onRecentChanged: (recent: readonly RecentFile[]) => void,
  ) {
    this.recentPath = join(ctx.userData, 'recent-files.json');
  }

  async load(): Promise<void> {
    this.recent = parseRecent(await readFile(this.recentPath, 'utf8').catch(() => null));
    this.onRecentChanged(this.recent);
  }

  recentFiles(): RecentFile[] {
    return [...this.recent];
  }

  async clearRecent(): Promise<void> {
    await this.setRecent([]);
    app.clearRecentDocuments();
  }

  async open(win: BrowserWindow | null): Promise<ScenarioFile | null> {
    const opts = { title: 'Open scenario', properties: ['openFile' as const], filters: SCENARIO_FILTERS, defaultPath: this.lastDir ?? this.ctx.scenariosDir };
    const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
    const path = r.canceled ? undefined : r.filePaths[0];
    return path ? this.readScenario(path) : null;
  }

  async openRecent(path: string): Promise<ScenarioFile> {
    if (!isRecent(this.recent, path)) throw new Error(`not on the recent list: ${path}`);
    try {
      await access(path);
    } catch {
      await this.setRecent(removeRecent(this.recent, path));
      throw new Error(`${basename(path)} no longer exists at ${dirname(path)}; it was removed from Open Recent`);
    }
    return this.readScenario(path);
  }

  async save(win: BrowserWindow | null, args: { path?: string; text: string; name: string }): Promise<{ path: string } | null> {
    if (args.path && this.mayWrite(args.path)) {
      await writeFileAtomic(args.path, args.text);
      await this.remember(args.path);
      return { path: resolve(args.path) };
    }
    return this.saveAs(win, { text: args.text, name: args.name, dir: args.path ? dirname(args.path) : null });
  }

  async saveAs(win: BrowserWindow | null, args: { text: string; name: string; dir?: string | null }): Promise<{ path: string } | null> {
    const dir = args.dir ?? this.lastDir ?? app.getPath('documents');
    const opts = { title: 'Save scenario', defaultPath: join(dir, args.name), filters: SCENARIO_FILTERS, properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
    const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
    if (r.canceled || !r.filePath) return null;
    await writeFileAtomic(r.filePath, args.text);
    await this.remember(r.filePath);
    return { path: resolve(r.filePath) };
  }

  async exportFiles(win: BrowserWindow | null, files: Record<string, string>): Promise<{ dir: string } | null> {
    const opts = { title: 'Export configs to folder', buttonLabel: 'Export here', properties: ['openDirectory' as const, 'createDirectory' as const, 'promptToCreate' as const] };
    const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
    const dir = r.canceled ? undefined : r.filePaths[0];
    if (!dir) return null;
    await mkdir(dir, { recursive: true });
    await recoverInterrupted(dir);
    const plan = await inspectExport(dir, files);
    if (plan.replaced.length) {
      // One question, listing every file that will be replaced (an export has at most a few dozen).
      const n = plan.replaced.length;
      const box = { type: 'question' as const, buttons: ['Replace', 'Cancel'], defaultId: 1, cancelId: 1, title: 'Replace files?', message: `Replace ${n} existing file${n === 1 ? '' : 's'} in ${plan.dir}?`, detail: plan.replaced.join('\n') };
      const answer = win ? await dialog.showMessageBox(win, box) : await dialog.showMessageBox(box);
      if (answer.response !== 0) return null;
    }
    await writeExport(plan);
    return { dir: plan.dir };
  }

  private async readScenario(path: string): Promise<ScenarioFile> {
    const info = await stat(path);
    if (!info.isFile()) throw new Error(`${path} is not a file`);
    if (info.size > LIMITS.scenarioChars) throw new Error(`${basename(path)} is ${(info.size / 1048576).toFixed(1)} MB; scenario files are limited to ${LIMITS.scenarioChars / 1048576} MB`);
    const text = await readFile(path, 'utf8');
    await this.remember(path);
    return { name: basename(path), path: resolve(path), text };
  }

  private mayWrite(path: string): boolean {
    return this.granted.some((g) => samePath(g, path)) || isRecent(this.recent, path);
  }

  private async remember(path: string): Promise<void> {
    const abs = resolve(path);
    if (!this.granted.some((g) => samePath(g, abs))) this.granted.push(abs);
    this.lastDir = dirname(abs);
    app.addRecentDocument(abs);
    await this.setRecent(addRecent(this.recent, abs));
  }

  private async setRecent(list: RecentFile[]): Promise<void> {
    this.recent = list;
    this.onRecentChanged(this.recent);
    await writeFileAtomic(this.recentPath, serializeRecent(list)).catch((err) => console.error('capsim: could not save the recent files list:', err));
  }
}
