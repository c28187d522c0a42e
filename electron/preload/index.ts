// The only bridge between the page and the main process: window.capsim, one ipcRenderer.invoke per method,
// checked against DesktopApi by `satisfies`. Bundled to a single CommonJS file (sandboxed preloads cannot
// require anything but electron's renderer modules); ipcRenderer itself is never exposed.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { API_GLOBAL, Channels, type DesktopApi, type MenuCommand, type RecentFile, type ScenarioFile } from '../ipc-contract';

const api = {
  openScenario: (): Promise<ScenarioFile | null> => ipcRenderer.invoke(Channels.openScenario),
  openRecent: (args): Promise<ScenarioFile> => ipcRenderer.invoke(Channels.openRecent, args),
  saveScenario: (args): Promise<{ path: string } | null> => ipcRenderer.invoke(Channels.saveScenario, args),
  saveAs: (args): Promise<{ path: string } | null> => ipcRenderer.invoke(Channels.saveAs, args),
  recentFiles: (): Promise<RecentFile[]> => ipcRenderer.invoke(Channels.recentFiles),
  exportFiles: (args): Promise<{ dir: string } | null> => ipcRenderer.invoke(Channels.exportFiles, args),
  printReportToPdf: (args): Promise<{ path: string } | null> => ipcRenderer.invoke(Channels.printReportToPdf, args),
  autosave: (args): Promise<void> => ipcRenderer.invoke(Channels.autosave, args),
  restoreSession: (): Promise<{ text: string; savedAt: string } | null> => ipcRenderer.invoke(Channels.restoreSession),
  onMenu: (callback) => {
    const listener = (_event: IpcRendererEvent, command: MenuCommand) => callback(command);
    ipcRenderer.on(Channels.menu, listener);
    return () => {
      ipcRenderer.removeListener(Channels.menu, listener);
    };
  },
} satisfies DesktopApi;

contextBridge.exposeInMainWorld(API_GLOBAL, api);
