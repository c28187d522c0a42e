// The main window: hardened webPreferences, the preload, shown when ready (no white flash).
import { BrowserWindow, nativeTheme } from 'electron';
import { join } from 'node:path';
import type { AppContext } from './app-context';
import { APP_ENTRY_URL } from './trusted-url';

export function createMainWindow(ctx: AppContext): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'capsim',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#14171c' : '#ffffff',
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(ctx.devUrl ?? APP_ENTRY_URL);
  return win;
}
