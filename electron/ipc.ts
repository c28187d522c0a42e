// One ipcMain.handle per DesktopApi method. Each goes through guardedHandler: sender check, then zod
// argument check; bad calls are rejected with an error before a handler sees them.
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { AppContext } from './app-context';
import type { FileHandlers } from './handlers/files';
import { printReportToPdf } from './handlers/report';
import type { SessionHandlers } from './handlers/session';
import { Channels, type InvokeChannel } from './ipc-contract';
import type { ArgOf } from './ipc-schemas';
import { guardedHandler } from './ipc-guard';

export function registerIpc(ctx: AppContext, files: FileHandlers, session: SessionHandlers): void {
  const handle = <C extends InvokeChannel, R>(channel: C, fn: (arg: ArgOf<C>, win: BrowserWindow | null) => R | Promise<R>) =>
    ipcMain.handle(channel, guardedHandler(channel, ctx.trust, (arg, event: IpcMainInvokeEvent) => fn(arg, BrowserWindow.fromWebContents(event.sender))));

  handle(Channels.openScenario, (_, win) => files.open(win));
  handle(Channels.openRecent, (a, _win) => files.openRecent(a.path));
  handle(Channels.saveScenario, (a, win) => files.save(win, a));
  handle(Channels.saveAs, (a, win) => files.saveAs(win, a));
  handle(Channels.recentFiles, () => files.recentFiles());
  handle(Channels.exportFiles, (a, win) => files.exportFiles(win, a.files));
  handle(Channels.printReportToPdf, (a, win) => printReportToPdf(win, a));
  handle(Channels.autosave, (a) => session.autosave(a.text));
  handle(Channels.restoreSession, () => session.restore());
}
