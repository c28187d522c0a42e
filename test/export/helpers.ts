// Shared by the export validation tests: the scenarios to export (fixtures + every web-stack file under
// scenarios/), the real binaries (skip only when missing outside CI), temp dirs, free ports and process waits.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { describe, it } from 'vitest';
import { parse } from 'yaml';
import { exportScenario, type ExportResult, type ExportTarget, type TargetVersions } from '../../sim-core/export';
import { parseScenario } from '../../sim-core/scenario/parse-scenario';
import type { WebStackScenario } from '../../sim-core/web-stack/schema/web-stack-schema';

export const root = resolve(__dirname, '../..');
export const fixtureDir = join(root, 'test/fixtures/export');
export const targets: ExportTarget[] = ['bare', 'compose', 'k8s'];

export interface Case {
  name: string;
  scenario: WebStackScenario;
}

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.ya?ml$/i.test(f)).map((f) => join(dir, f)).sort();
}

export function loadFile(file: string): WebStackScenario {
  return parseScenario(parse(readFileSync(file, 'utf8'))) as WebStackScenario;
}

/** Web-stack scenario files under scenarios/ (kind read before validation, so a broken one is still listed). */
export function repoWebStackFiles(): string[] {
  return yamlFiles(join(root, 'scenarios')).filter((f) => {
    try {
      return (parse(readFileSync(f, 'utf8')) as { kind?: string } | null)?.kind === 'web-stack';
    } catch {
      return false;
    }
  });
}

/** Fixtures and every valid web-stack scenario of the repository. */
export function cases(): Case[] {
  const out: Case[] = yamlFiles(fixtureDir).filter((f) => !f.endsWith('.schema.json')).map((f) => ({ name: relative(root, f), scenario: loadFile(f) }));
  for (const f of repoWebStackFiles()) {
    try {
      out.push({ name: relative(root, f), scenario: loadFile(f) });
    } catch {
      // export-unit.test.ts reports files that do not parse; the validators skip them.
    }
  }
  return out;
}

export function exportFor(c: Case, target: ExportTarget, versions?: Partial<TargetVersions>): ExportResult {
  return exportScenario(c.scenario, { target, versions, simulated: { p95_ms: 180, throughput_rps: 850, users: 1200 } });
}

/** Absolute path of a tool, or undefined. */
export function findTool(name: string): string | undefined {
  if (name.startsWith('/')) return existsSync(name) ? name : undefined;
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/**
 * describe() that needs real programs. Missing ones skip the block with the reason, unless CI is set: then a
 * failing test names them (CI installs them, research B0).
 */
export function describeWithTools(title: string, tools: string[], body: () => void): void {
  const missing = tools.filter((t) => !findTool(t));
  if (missing.length && !process.env.CI) {
    describe.skip(`${title} — skipped: ${missing.join(', ')} not installed (Debian 12: apt-get install nginx-light postgresql-15 redis-server pgbouncer gunicorn uvicorn python3-uvicorn python3-gevent)`, body);
    return;
  }
  if (missing.length) {
    describe(title, () => {
      it('has the programs it validates with', () => {
        throw new Error(`CI is set but ${missing.join(', ')} is missing: install it in .ci/run`);
      });
    });
    return;
  }
  describe(title, body);
}

export function tempDir(prefix: string, owner?: string): string {
  const dir = mkdtempSync(join(tmpdir(), `capsim-${prefix}-`));
  if (owner) {
    const id = spawnSync('id', ['-u', owner], { encoding: 'utf8' }).stdout.trim();
    const gid = spawnSync('id', ['-g', owner], { encoding: 'utf8' }).stdout.trim();
    chownSync(dir, Number(id), Number(gid));
  }
  return dir;
}

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => res(port));
    });
  });
}

export interface Started {
  child: ChildProcess;
  output: () => string;
}

/** Spawns a server and resolves once its output matches `ready`; rejects on exit or timeout. */
export function startAndWait(cmd: string, args: string[], ready: RegExp, timeoutMs = 10_000): Promise<Started> {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  return new Promise((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`${cmd}: not ready after ${timeoutMs} ms:\n${text}`)), timeoutMs);
    const onData = (b: Buffer) => {
      text += b.toString();
      if (ready.test(text)) {
        clearTimeout(timer);
        res({ child, output: () => text });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      rej(new Error(`${cmd} exited with ${code} before it was ready:\n${text}`));
    });
  });
}

/** Stops a child we started, by its PID, and waits for it to exit. */
export async function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((res) => child.once('exit', () => res()));
  process.kill(child.pid, 'SIGTERM');
  const timer = setTimeout(() => child.pid !== undefined && child.exitCode === null && process.kill(child.pid, 'SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
