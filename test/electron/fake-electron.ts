// A stand-in for the `electron` module, enough to load the bundled main process and preload in plain Node
// and drive them: records what the shell registers (schemes, IPC handlers, windows, menus, security hooks)
// and answers dialogs from queues. It checks our wiring, not Electron; the real thing is test/e2e/electron.spec.ts.
import { EventEmitter } from 'node:events';
import Module from 'node:module';

type Fn = (...args: any[]) => any;

export interface DialogAnswers {
  open: { canceled: boolean; filePaths: string[] }[];
  save: { canceled: boolean; filePath?: string }[];
  message: { response: number }[];
}

export class FakeWebContents extends EventEmitter {
  sent: unknown[][] = [];
  windowOpenHandler: Fn | null = null;
  constructor(public id: number) {
    super();
  }
  send(channel: string, ...args: unknown[]) {
    this.sent.push([channel, ...args]);
  }
  setWindowOpenHandler(h: Fn) {
    this.windowOpenHandler = h;
  }
  async printToPDF(_opts: unknown) {
    return Buffer.from('%PDF-1.7 fake\n');
  }
}

export function createFakeElectron(paths: { appPath: string; userData: string; temp: string; documents: string }) {
  const app = new EventEmitter() as EventEmitter & Record<string, any>;
  const rec = {
    schemes: [] as unknown[],
    protocolHandlers: new Map<string, Fn>(),
    ipc: new Map<string, Fn>(),
    windows: [] as any[],
    menus: [] as any[],
    permissionRequest: null as Fn | null,
    permissionCheck: null as Fn | null,
    beforeRequest: null as { filter: { urls: string[] }; handler: Fn } | null,
    dialogs: { open: [] as unknown[], save: [] as unknown[], message: [] as unknown[] },
    sandboxEnabled: false,
    recentDocuments: [] as string[],
    quitCalls: 0,
  };
  const answers: DialogAnswers = { open: [], save: [], message: [] };
  let nextId = 1;

  class BrowserWindow extends EventEmitter {
    static all: BrowserWindow[] = [];
    webContents: FakeWebContents;
    loadedUrl: string | null = null;
    loadedFile: string | null = null;
    shown = false;
    destroyed = false;
    constructor(public options: any) {
      super();
      this.webContents = new FakeWebContents(nextId++);
      BrowserWindow.all.push(this);
      rec.windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string) {
      this.loadedUrl = url;
      setImmediate(() => this.emit('ready-to-show'));
      return Promise.resolve();
    }
    loadFile(file: string) {
      this.loadedFile = file;
      return Promise.resolve();
    }
    show() {
      this.shown = true;
    }
    destroy() {
      this.destroyed = true;
      BrowserWindow.all = BrowserWindow.all.filter((w) => w !== this);
    }
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {}
    static fromWebContents(wc: unknown) {
      return BrowserWindow.all.find((w) => w.webContents === wc) ?? null;
    }
    static getAllWindows() {
      return [...BrowserWindow.all];
    }
    static getFocusedWindow() {
      return null;
    }
  }

  const userPaths: Record<string, string> = { userData: paths.userData, temp: paths.temp, documents: paths.documents };
  Object.assign(app, {
    isPackaged: false,
    getAppPath: () => paths.appPath,
    getPath: (name: string) => userPaths[name] ?? paths.temp,
    setPath: (name: string, p: string) => void (userPaths[name] = p),
    getName: () => 'capsim',
    getVersion: () => '0.0.0-test',
    enableSandbox: () => void (rec.sandboxEnabled = true),
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    quit: () => void rec.quitCalls++,
    exit: () => undefined,
    addRecentDocument: (p: string) => void rec.recentDocuments.push(p),
    clearRecentDocuments: () => void (rec.recentDocuments = []),
  });

  const electron = {
    app,
    BrowserWindow,
    nativeTheme: { shouldUseDarkColors: false },
    Menu: { buildFromTemplate: (template: unknown[]) => ({ template }), setApplicationMenu: (m: unknown) => void rec.menus.push(m) },
    ipcMain: { handle: (channel: string, h: Fn) => void rec.ipc.set(channel, h) },
    protocol: { registerSchemesAsPrivileged: (s: unknown[]) => void rec.schemes.push(...s), handle: (scheme: string, h: Fn) => void rec.protocolHandlers.set(scheme, h) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Fn) => void (rec.permissionRequest = h),
        setPermissionCheckHandler: (h: Fn) => void (rec.permissionCheck = h),
        webRequest: { onBeforeRequest: (filter: { urls: string[] }, handler: Fn) => void (rec.beforeRequest = { filter, handler }) },
      },
    },
    dialog: {
      showOpenDialog: async (...a: unknown[]) => (rec.dialogs.open.push(a.at(-1)), answers.open.shift() ?? { canceled: true, filePaths: [] }),
      showSaveDialog: async (...a: unknown[]) => (rec.dialogs.save.push(a.at(-1)), answers.save.shift() ?? { canceled: true }),
      showMessageBox: async (...a: unknown[]) => (rec.dialogs.message.push(a.at(-1)), answers.message.shift() ?? { response: 0 }),
    },
  };
  return { electron, rec, answers, BrowserWindow };
}

export function createFakeRendererElectron() {
  const exposed = new Map<string, any>();
  const invoked: unknown[][] = [];
  const listeners = new EventEmitter();
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void exposed.set(key, api) },
    ipcRenderer: {
      invoke: async (channel: string, ...args: unknown[]) => (invoked.push([channel, ...args]), { channel }),
      on: (channel: string, l: Fn) => void listeners.on(channel, l),
      removeListener: (channel: string, l: Fn) => void listeners.removeListener(channel, l),
    },
  };
  return { electron, exposed, invoked, listeners };
}

/** Load a CommonJS bundle with `require('electron')` answered by the fake; a fresh copy each call. */
export function loadWithFakeElectron(file: string, fake: unknown): void {
  const M = Module as unknown as { _load: Fn; _cache: Record<string, unknown> };
  const original = M._load;
  M._load = function (request: string, ...rest: unknown[]) {
    if (request === 'electron') return fake;
    return original.call(this, request, ...rest);
  };
  try {
    delete M._cache[file];
    Module.createRequire(file)(file);
  } finally {
    M._load = original;
  }
}
