#!/usr/bin/env node
// `npm start`: build what is stale, then run the desktop app. If the Electron binary is not installed (npm
// does not run electron's install script here, see package.json allowScripts), try `install-electron` once;
// if that fails too (no internet), serve the same UI on 127.0.0.1 for a browser, where files are opened by
// upload and saved by download. Ctrl+C stops it.
//
//   npm start                 desktop app, or the browser fallback
//   npm start -- --browser    straight to the browser mode
//   npm start -- --no-open    browser mode: do not open a browser window, just print the address
//   npm start -- --port 8080  browser mode: this port instead of a free one
//
// Not part of any test run (it does not return until stopped); test/electron/start.test.ts imports its helpers.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const HELP = `Usage: npm start [-- --browser] [-- --no-open] [-- --port N]
  --browser   serve the UI on http://127.0.0.1 instead of launching the desktop app
  --no-open   do not open a browser window (browser mode)
  --port N    browser mode port (default: a free one)`;

export function parseArgs(argv) {
  const opts = { browser: false, open: true, port: 0, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--browser') opts.browser = true;
    else if (a === '--no-open') opts.open = false;
    else if (a === '--port') opts.port = Number(argv[++i]);
    else if (a.startsWith('--port=')) opts.port = Number(a.slice(7));
    else if (a === '--help' || a === '-h') opts.help = true;
    else throw new Error(`unknown option ${a}\n${HELP}`);
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) throw new Error(`--port must be 0–65535\n${HELP}`);
  return opts;
}

// ── staleness ────────────────────────────────────────────────────────────────────────────────────────────

/** Newest modification time (ms) of the files under the given paths, skipping build output and node_modules. */
export function newestMtime(paths, skip = new Set(['dist', 'node_modules', '.vite'])) {
  let newest = 0;
  const walk = (p) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p)) if (!skip.has(name)) walk(join(p, name));
    } else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of paths) walk(p);
  return newest;
}

/** True when `output` is missing or older than any source. */
export function isStale(output, sources) {
  if (!existsSync(output)) return true;
  return statSync(output).mtimeMs < newestMtime(sources);
}

const RENDERER_OUT = join(root, 'renderer', 'dist', 'index.html');
const RENDERER_SOURCES = ['renderer', 'sim-core', 'scenarios', 'package.json'].map((p) => join(root, p));
const ELECTRON_OUT = [join(root, 'electron', 'dist', 'main.cjs'), join(root, 'electron', 'dist', 'preload.cjs')];
const ELECTRON_SOURCES = [join(root, 'electron')];

function buildRenderer() {
  if (!isStale(RENDERER_OUT, RENDERER_SOURCES)) return;
  console.log('capsim: building the renderer (vite build)…');
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('the renderer build failed (see above)');
}

async function buildElectronIfStale() {
  if (!ELECTRON_OUT.some((f) => isStale(f, ELECTRON_SOURCES))) return;
  console.log('capsim: building the desktop shell (electron/build.mjs)…');
  const { buildElectron } = await import(pathToFileURL(join(root, 'electron', 'build.mjs')).href);
  await buildElectron();
}

// ── the Electron binary ──────────────────────────────────────────────────────────────────────────────────

/** Path of the installed Electron executable, or null; mirrors node_modules/electron/index.js without its download side effect. */
export function electronBinary(electronDir = join(root, 'node_modules', 'electron')) {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, readText(join(electronDir, 'path.txt')) ?? 'electron');
    return existsSync(p) ? p : null;
  }
  const rel = readText(join(electronDir, 'path.txt'));
  if (!rel) return null;
  const p = join(electronDir, 'dist', rel);
  return existsSync(p) ? p : null;
}

function readText(file) {
  try {
    return readFileSync(file, 'utf8').trim() || null;
  } catch {
    return null;
  }
}

/** Runs electron's install.js (the install-electron bin) once; returns null on success or a one-line reason. */
export function installElectron(electronDir = join(root, 'node_modules', 'electron'), timeoutMs = 180_000) {
  const script = join(electronDir, 'install.js');
  if (!existsSync(script)) return 'the electron package is not installed (run npm install)';
  console.log('capsim: the Electron binary is not installed; downloading it (npx install-electron)…');
  const r = spawnSync(process.execPath, [script], { cwd: electronDir, encoding: 'utf8', timeout: timeoutMs, stdio: ['ignore', 'inherit', 'pipe'] });
  if (r.error) return r.error.code === 'ETIMEDOUT' ? `the download did not finish within ${timeoutMs / 1000} s` : r.error.message;
  if (r.status === 0) return null;
  const why = summarizeError(r.stderr) ?? `install-electron exited with code ${r.status}`;
  const version = readText(join(electronDir, 'package.json'))?.match(/"version":\s*"([^"]+)"/)?.[1] ?? '';
  const offline = /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ENETUNREACH/i.test(why) ? ' — no internet access?' : '';
  return `downloading Electron ${version} failed (${why}${offline})`;
}

/** First error-looking line of a stack trace, e.g. "TypeError: fetch failed". */
export function summarizeError(stderr) {
  const lines = String(stderr ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
  const line = lines.find((l) => /error|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|fetch failed/i.test(l) && !l.startsWith('at ')) ?? lines[0];
  return line ? line.slice(0, 200) : null;
}

function launchElectron(binary) {
  const args = [root];
  // Chromium refuses to start as root without this (containers); the page stays in Electron's JS sandbox.
  if (process.platform === 'linux' && process.getuid?.() === 0) args.push('--no-sandbox');
  const child = spawn(binary, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ELECTRON_RUN_AS_NODE: undefined } });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

// ── browser mode ─────────────────────────────────────────────────────────────────────────────────────────

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.map': 'application/json', '.wasm': 'application/wasm' };

/**
 * True when a request's Host header names this server: 127.0.0.1 or localhost on its own port. Anything else is a
 * page on another origin reaching the loopback port through a DNS name it controls (DNS rebinding).
 */
export function allowedHost(host, port) {
  if (typeof host !== 'string') return false;
  const h = host.toLowerCase();
  return h === `127.0.0.1:${port}` || h === `localhost:${port}`;
}

/** Sent with every response: the UI may not be framed by another page (clickjacking). */
export const SECURITY_HEADERS = {
  'content-security-policy': "frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** A static server for `dir` on 127.0.0.1 (port 0 = a free one); resolves with the server and its URL. */
export function serveStatic(dir, port = 0) {
  const base = resolve(dir);
  const server = createServer(async (req, res) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    if (!allowedHost(req.headers.host, server.address().port)) {
      return void res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' }).end('capsim serves 127.0.0.1 and localhost only\n');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405).end();
    let path;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      return void res.writeHead(400).end();
    }
    if (path.endsWith('/')) path += 'index.html';
    const file = resolve(join(base, ...path.split('/').filter(Boolean)));
    if (path.includes('\0') || (file !== base && !file.startsWith(base + sep))) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not found: ${relative(base, file)}`);
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address();
      resolvePromise({ server, url: `http://127.0.0.1:${actual}/` });
    });
  });
}

function openInBrowser(url) {
  const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  if (headless) return false;
  const [cmd, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
    return true;
  } catch {
    return false;
  }
}

async function browserMode(opts, reason) {
  const { server, url } = await serveStatic(join(root, 'renderer', 'dist'), opts.port);
  const bar = '─'.repeat(72);
  console.log(`\n${bar}`);
  if (reason) console.log(`The desktop binary could not be installed: ${reason}.\nThe same UI is served for a browser instead.\n`);
  console.log(`  capsim is at ${url}  — open it in a browser.`);
  console.log('  Files are opened by upload and saved by download (no native dialogs in browser mode).');
  if (reason) console.log('  For the desktop app, run `npx install-electron` with internet access, then `npm start` again.');
  console.log(`  Ctrl+C stops the server.\n${bar}\n`);
  if (opts.open && openInBrowser(url)) console.log('capsim: opening your browser…');
  const stop = () => {
    console.log('\ncapsim: stopped.');
    server.close();
    server.closeAllConnections?.();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

// ── main ─────────────────────────────────────────────────────────────────────────────────────────────────

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.help) return void console.log(HELP);
  buildRenderer();
  if (opts.browser) return browserMode(opts, null);

  let binary = electronBinary();
  let reason = null;
  if (!binary) {
    reason = installElectron();
    binary = reason ? null : electronBinary();
    if (!binary && !reason) reason = 'install-electron finished but no binary was found';
  }
  if (!binary) return browserMode(opts, reason);
  await buildElectronIfStale();
  console.log('capsim: starting the desktop app…');
  launchElectron(binary);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(`capsim: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  });
}
