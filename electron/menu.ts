// Installs the application menu from menu-template.ts and rebuilds it when the recent list changes.
import { app, BrowserWindow, dialog, Menu } from 'electron';
import type { AppContext } from './app-context';
import { Channels, type MenuCommand, type RecentFile } from './ipc-contract';
import { buildMenuTemplate } from './menu-template';

export function installMenu(ctx: AppContext, clearRecent: () => void): (recent: readonly RecentFile[]) => void {
  const send = (command: MenuCommand) => {
    const win = BrowserWindow.getFocusedWindow() ?? ctx.mainWindow;
    win?.webContents.send(Channels.menu, command);
  };
  const showAbout = () => {
    const win = ctx.mainWindow;
    const opts = { type: 'info' as const, title: `About ${app.getName()}`, message: `${app.getName()} ${app.getVersion()}`, detail: `Capacity simulator for web stacks.\nElectron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}` };
    void (win ? dialog.showMessageBox(win, opts) : dialog.showMessageBox(opts));
  };
  const refresh = (recent: readonly RecentFile[]) => {
    Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ appName: app.getName(), platform: process.platform, isDev: ctx.isDev, recent, send, clearRecent, showAbout })));
  };
  return refresh;
}
