// End-to-end tests of the renderer in Debian's Chromium against the built app (renderer/dist), served by
// test/e2e/serve.mjs on 127.0.0.1 at a free port. Build first: npx vite build --config renderer/vite.config.ts
import { defineConfig } from 'playwright/test';
import { createServer } from 'node:net';

/** A free TCP port on 127.0.0.1, found once when the config loads (workers inherit it through the env). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

const port = Number(process.env.CAPSIM_E2E_PORT ?? (process.env.CAPSIM_E2E_PORT = String(await freePort())));

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '*.spec.ts',
  timeout: 60_000,
  fullyParallel: true,
  workers: 2,
  reporter: [['list']],
  outputDir: 'test-results/playwright',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: `node test/e2e/serve.mjs ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});
