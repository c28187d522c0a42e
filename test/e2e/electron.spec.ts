// The packaged shell, end to end, through Playwright's _electron: the window opens on app://capsim with our
// title, the preload exposes exactly the DesktopApi on window.capsim (and nothing of Node), navigation away
// and new windows are blocked, bad IPC arguments are refused, the native menu is there, and the autosaved
// session survives a restart. Runs where the Electron binary is installed (npx install-electron); elsewhere
// it reports itself as skipped with the reason. Needs renderer/dist (npx vite build --config
// renderer/vite.config.ts); builds electron/dist itself when it is missing or stale.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { _electron, expect, test, type ElectronApplication, type Page } from 'playwright/test';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The installed Electron executable, as node_modules/electron/index.js finds it, but without downloading. */
function electronBinary(): string | null {
  const dir = join(root, 'node_modules', 'electron');
  try {
    const rel = readFileSync(join(dir, 'path.txt'), 'utf8').trim();
    const bin = process.env.ELECTRON_OVERRIDE_DIST_PATH ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, rel) : join(dir, 'dist', rel);
    return rel && existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const API_METHODS = ['autosave', 'exportFiles', 'onMenu', 'openRecent', 'openScenario', 'printReportToPdf', 'recentFiles', 'restoreSession', 'saveAs', 'saveScenario'];

const skipReason = !binary
  ? 'Electron binary not installed: run npx install-electron'
  : noDisplay
    ? 'no display for Electron: run the suite under xvfb-run'
    : undefined;
// The list reporter prints no skip reasons, so say it once where the run log shows it.
if (skipReason && process.env.TEST_WORKER_INDEX === undefined) console.log(`desktop shell (Electron) tests skipped: ${skipReason}`);

test.describe('desktop shell (Electron)', () => {
  test.skip(skipReason !== undefined, skipReason);
  test.describe.configure({ mode: 'serial' });

  let userData = '';

  test.beforeAll(async () => {
    if (!existsSync(join(root, 'renderer', 'dist', 'index.html'))) throw new Error('renderer/dist is missing: npx vite build --config renderer/vite.config.ts');
    const { buildElectron } = (await import(pathToFileURL(join(root, 'electron', 'build.mjs')).href)) as { buildElectron(): Promise<string[]> };
    await buildElectron();
    userData = await mkdtemp(join(tmpdir(), 'capsim-electron-e2e-'));
  });

  test.afterAll(async () => {
    if (userData) await rm(userData, { recursive: true, force: true });
  });

  async function launch(profile: string): Promise<{ app: ElectronApplication; page: Page }> {
    await mkdir(profile, { recursive: true });
    const args = [root];
    if (process.platform === 'linux' && process.getuid?.() === 0) args.push('--no-sandbox'); // Chromium refuses root otherwise
    const app = await _electron.launch({ executablePath: binary!, args, cwd: root, env: { ...process.env, CAPSIM_USER_DATA: profile, ELECTRON_ENABLE_LOGGING: '1' } as Record<string, string>, timeout: 30_000 });
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    return { app, page };
  }

  test('opens the window on app://capsim with the preload API and no Node in the page', async () => {
    const { app, page } = await launch(join(userData, 'api'));
    try {
      expect(page.url()).toBe('app://capsim/index.html');
      await expect(page).toHaveTitle(/capsim/);
      await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.isVisible())).toBe(true);
      const shape = await page.evaluate(() => {
        const g = globalThis as unknown as Record<string, unknown>;
        const api = g.capsim as Record<string, unknown> | undefined;
        return {
          methods: api ? Object.keys(api).sort() : null,
          allFunctions: api ? Object.values(api).every((v) => typeof v === 'function') : false,
          require: typeof g.require,
          process: typeof g.process,
          ipc: typeof g.ipcRenderer,
        };
      });
      expect(shape).toEqual({ methods: API_METHODS, allFunctions: true, require: 'undefined', process: 'undefined', ipc: 'undefined' });
      expect(await app.evaluate(({ protocol }) => protocol.isProtocolHandled('app'))).toBe(true);
      await mkdir(join(root, 'test-results', 'screenshots'), { recursive: true });
      await page.screenshot({ path: join(root, 'test-results', 'screenshots', 'electron-window.png') });
    } finally {
      await app.close();
    }
  });

  test('blocks navigation to a remote URL and new windows', async () => {
    const { app, page } = await launch(join(userData, 'nav'));
    try {
      await page.evaluate(() => {
        (globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/';
      });
      await page.waitForTimeout(1000);
      expect(page.url()).toBe('app://capsim/index.html');
      const opened = await page.evaluate(() => (globalThis as unknown as { open(u: string): unknown }).open('https://example.com/') === null);
      expect(opened).toBe(true);
      await page.waitForTimeout(500);
      expect(app.windows()).toHaveLength(1);
      const remote = await page.evaluate(() => fetch('https://example.com/').then(() => 'loaded', (e: Error) => `blocked: ${e.message}`));
      expect(remote).toMatch(/^blocked/);
    } finally {
      await app.close();
    }
  });

  test('refuses bad IPC arguments and has the native menu', async () => {
    const { app, page } = await launch(join(userData, 'ipc'));
    try {
      const refused = await page.evaluate(() => {
        const api = (globalThis as unknown as { capsim: { exportFiles(a: unknown): Promise<unknown>; autosave(a: unknown): Promise<unknown> } }).capsim;
        return Promise.all([
          api.exportFiles({ files: { '../../.bashrc': 'x' } }).then(() => 'accepted', (e: Error) => e.message),
          api.autosave('not an object').then(() => 'accepted', (e: Error) => e.message),
        ]);
      });
      for (const message of refused) expect(message).toMatch(/invalid arguments/);
      const menu = await app.evaluate(({ Menu }) => {
        const walk = (items: Electron.MenuItem[]): string[] => items.flatMap((i) => [i.label, ...(i.submenu ? walk(i.submenu.items) : [])]);
        return walk(Menu.getApplicationMenu()?.items ?? []);
      });
      for (const label of ['Open…', 'Open Recent', 'Save', 'Save As…', 'Export configs…', 'Sizing report…', 'Toggle Dark Theme']) expect(menu).toContain(label);
    } finally {
      await app.close();
    }
  });

  test('restores the autosaved session after a restart', async () => {
    const profile = join(userData, 'session');
    const first = await launch(profile);
    try {
      await first.page.evaluate(() => (globalThis as unknown as { capsim: { autosave(a: { text: string }): Promise<void> } }).capsim.autosave({ text: '{"e2e":true}' }));
    } finally {
      await first.app.close(); // app.quit(): the session is written on before-quit
    }
    const second = await launch(profile);
    try {
      const restored = await second.page.evaluate(() => (globalThis as unknown as { capsim: { restoreSession(): Promise<{ text: string } | null> } }).capsim.restoreSession());
      expect(restored?.text).toBe('{"e2e":true}');
    } finally {
      await second.app.close();
    }
  });
});
