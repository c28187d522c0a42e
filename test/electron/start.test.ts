// The `npm start` launcher's helpers (cli/start.mjs is never run by the tests: it serves until stopped).
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
let start: any;
let dir = '';

beforeAll(async () => {
  start = await import(pathToFileURL(join(root, 'cli/start.mjs')).href);
  dir = await mkdtemp(join(tmpdir(), 'capsim-start-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('start options', () => {
  it('parses --browser, --no-open and --port', () => {
    expect(start.parseArgs([])).toEqual({ browser: false, open: true, port: 0, help: false });
    expect(start.parseArgs(['--browser', '--no-open', '--port', '8080'])).toMatchObject({ browser: true, open: false, port: 8080 });
    expect(start.parseArgs(['--port=0']).port).toBe(0);
    expect(() => start.parseArgs(['--bogus'])).toThrow(/unknown option/);
    expect(() => start.parseArgs(['--port', 'x'])).toThrow(/--port/);
  });
});

describe('staleness', () => {
  it('rebuilds when the output is missing or older than a source', async () => {
    const src = join(dir, 'src');
    await mkdir(join(src, 'dist'), { recursive: true });
    await writeFile(join(src, 'a.ts'), '');
    await writeFile(join(src, 'dist', 'ignored.js'), '');
    const out = join(dir, 'out.html');
    expect(start.isStale(out, [src])).toBe(true);
    await writeFile(out, '');
    const t = Date.now() / 1000;
    await utimes(join(src, 'a.ts'), t - 100, t - 100);
    await utimes(join(src, 'dist', 'ignored.js'), t + 100, t + 100); // build output inside sources does not count
    await utimes(out, t, t);
    expect(start.isStale(out, [src])).toBe(false);
    await utimes(join(src, 'a.ts'), t + 10, t + 10);
    expect(start.isStale(out, [src])).toBe(true);
  });
});

describe('the Electron binary', () => {
  it('is found only when path.txt names an existing file (no download attempted)', async () => {
    const e = join(dir, 'electron');
    await mkdir(join(e, 'dist'), { recursive: true });
    expect(start.electronBinary(e)).toBeNull();
    await writeFile(join(e, 'path.txt'), 'electron');
    expect(start.electronBinary(e)).toBeNull();
    await writeFile(join(e, 'dist', 'electron'), '');
    expect(start.electronBinary(e)).toBe(join(e, 'dist', 'electron'));
  });

  it('reports a failed install-electron in one line', async () => {
    const e = join(dir, 'offline-electron');
    await mkdir(e, { recursive: true });
    await writeFile(join(e, 'package.json'), '{ "name": "electron", "version": "45.4.1" }');
    await writeFile(join(e, 'install.js'), "console.error('TypeError: fetch failed\\n    at node:internal/deps/undici/undici:1:1'); process.exit(1);");
    expect(start.installElectron(e, 20_000)).toBe('downloading Electron 45.4.1 failed (TypeError: fetch failed — no internet access?)');
    expect(start.installElectron(join(dir, 'nowhere'))).toMatch(/not installed/);
  });
});

describe('browser mode server', () => {
  it('serves the folder on 127.0.0.1 and nothing outside it', async () => {
    const site = join(dir, 'site');
    await mkdir(join(site, 'assets'), { recursive: true });
    await writeFile(join(site, 'index.html'), '<title>capsim</title>');
    await writeFile(join(site, 'assets', 'x.js'), 'export {}');
    await writeFile(join(dir, 'secret.txt'), 'secret');
    const { server, url } = await start.serveStatic(site, 0);
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const index = await fetch(url);
      expect(index.status).toBe(200);
      expect(await index.text()).toContain('capsim');
      expect((await fetch(`${url}assets/x.js`)).headers.get('content-type')).toMatch(/javascript/);
      expect((await fetch(`${url}..%2fsecret.txt`)).status).toBe(403);
      expect((await fetch(`${url}nope.js`)).status).toBe(404);
      expect((await fetch(url, { method: 'POST' })).status).toBe(405);
    } finally {
      server.close();
    }
  });
});

describe('browser mode server: who may talk to it', () => {
  it('accepts 127.0.0.1 and localhost on its own port only (DNS rebinding), and forbids framing', async () => {
    const site = join(dir, 'site-host');
    await mkdir(site, { recursive: true });
    await writeFile(join(site, 'index.html'), '<title>capsim</title>');
    const { server, url } = await start.serveStatic(site, 0);
    const port = Number(new URL(url).port);
    const { request } = await import('node:http');
    // fetch() will not send a forged Host header; a raw request does, as a rebinding page's browser would.
    const get = (host: string | undefined) =>
      new Promise<{ status: number; headers: Record<string, unknown> }>((resolve, reject) => {
        const headers: Record<string, string> = host === undefined ? {} : { host };
        const r = request({ host: '127.0.0.1', port, path: '/', headers, setHost: false }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers }));
        });
        r.on('error', reject);
        r.end();
      });
    try {
      for (const ok of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) expect((await get(ok)).status).toBe(200);
      for (const bad of ['evil.example.com', `evil.example.com:${port}`, `127.0.0.1:${port + 1}`, '127.0.0.1', `0.0.0.0:${port}`, `[::1]:${port}`, `127.0.0.1.nip.io:${port}`]) {
        expect((await get(bad)).status, bad).toBe(421);
      }
      // No Host at all: Node's HTTP/1.1 parser refuses it before our handler runs.
      expect((await get(undefined)).status).toBe(400);
      const res = await get(`127.0.0.1:${port}`);
      expect(res.headers['content-security-policy']).toBe("frame-ancestors 'none'");
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(start.allowedHost(`localhost:${port}`, port)).toBe(true);
      expect(start.allowedHost(`localhost:${port}`, port + 1)).toBe(false);
    } finally {
      server.close();
    }
  });
});
