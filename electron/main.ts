// capsim desktop: lifecycle only. Hardening, protocol, IPC, menus and handlers live in their own modules.
import { app, BrowserWindow } from 'electron';
import { createAppContext } from './app-context';
import { registerAppSchemePrivileges, serveRenderer } from './app-protocol';
import { FileHandlers } from './handlers/files';
import { createSessionHandlers } from './handlers/session';
import type { RecentFile } from './ipc-contract';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import { installSecurity } from './security';
import { createMainWindow } from './window';

// Tests (and careful users) can point the app at a separate profile.
if (process.env.CAPSIM_USER_DATA) app.setPath('userData', process.env.CAPSIM_USER_DATA);
app.enableSandbox();
registerAppSchemePrivileges();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const ctx = createAppContext();
  const session = createSessionHandlers(ctx.userData);
  let refreshMenu: (recent: readonly RecentFile[]) => void = () => undefined;
  const files = new FileHandlers(ctx, (recent) => refreshMenu(recent));

  const openWindow = () => {
    const win = createMainWindow(ctx);
    ctx.mainWindow = win;
    win.on('closed', () => {
      if (ctx.mainWindow === win) ctx.mainWindow = null;
    });
  };

  app.on('second-instance', () => {
    const win = ctx.mainWindow;
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  app.whenReady().then(async () => {
    installSecurity(ctx.trust);
    serveRenderer(ctx.rendererDir);
    registerIpc(ctx, files, session);
    refreshMenu = installMenu(ctx, () => void files.clearRecent());
    await files.load();
    openWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow();
    });
  }).catch((err) => {
    console.error('capsim: failed to start:', err);
    app.exit(1);
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Write the last session before quitting (once; a failing disk must not keep the app open).
  let flushed = false;
  app.on('before-quit', (event) => {
    if (flushed || !session.dirty) return;
    flushed = true;
    event.preventDefault();
    session.flush().finally(() => {
      session.stop();
      app.quit();
    });
  });
}
