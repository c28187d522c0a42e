// Where things are and which mode we run in, decided once at startup.
import { app, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import type { TrustOptions } from './trusted-url';

export interface AppContext {
  /** Unpackaged run (from the repository): the View menu gets Reload and DevTools. */
  isDev: boolean;
  /** Renderer dev server URL (CAPSIM_RENDERER_URL), honoured only when unpackaged. */
  devUrl: string | null;
  trust: TrustOptions;
  rendererDir: string;
  /** The bundled scenarios: extraResources when packaged, the repository's scenarios/ otherwise. */
  scenariosDir: string;
  userData: string;
  mainWindow: BrowserWindow | null;
}

export function createAppContext(): AppContext {
  const isDev = !app.isPackaged;
  const devUrl = isDev && process.env.CAPSIM_RENDERER_URL ? process.env.CAPSIM_RENDERER_URL : null;
  let devOrigin: string | null = null;
  if (devUrl) {
    try {
      devOrigin = new URL(devUrl).origin;
    } catch {
      devOrigin = null;
    }
  }
  const appPath = app.getAppPath();
  return {
    isDev,
    devUrl: devOrigin ? devUrl : null,
    trust: { devOrigin },
    rendererDir: join(appPath, 'renderer', 'dist'),
    scenariosDir: app.isPackaged ? join(process.resourcesPath, 'scenarios') : join(appPath, 'scenarios'),
    userData: app.getPath('userData'),
    mainWindow: null,
  };
}
