import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatFindings, lintCommand } from '../../../../cli/commands/lint';
import { baseInput, merge } from './scenario';

const root = resolve(__dirname, '../../../..');
const dir = mkdtempSync(join(tmpdir(), 'capsim-lint-'));
function file(name: string, patch: Record<string, unknown> = {}): string {
  const p = join(dir, name);
  writeFileSync(p, JSON.stringify(merge(baseInput, patch)));
  return p;
}
function capture(run: () => number): { code: number; out: string } {
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  try {
    return { code: run(), out: lines.join('\n') };
  } finally {
    spy.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('capsim lint', () => {
  it('consistent scenario: exit 0, "no findings"', () => {
    const r = capture(() => lintCommand(file('ok.json'), {}));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ok\.json: lint: no findings/);
  });

  it('errors: exit 1 and a readable list with severity, path, message and fix', () => {
    const f = file('bad.json', { app: { workers: 16, sqlalchemy: { pool_size: 20, max_overflow: 10 } }, database: { max_connections: 100 } });
    const r = capture(() => lintCommand(f, {}));
    expect(r.code).toBe(1);
    expect(r.out).toContain('lint: 1 error, 0 warnings, 0 info');
    expect(r.out).toMatch(/^error {2}app\.sqlalchemy {2}\[db-connections-exceed-max\]$/m);
    expect(r.out).toContain('1 instance × 16 workers × (20 pool_size + 10 max_overflow) = 480 connections > 97');
    expect(r.out).toMatch(/^ {7}fix: Set pool_size \+ max_overflow ≤ 6 per process/m);
  });

  it('warnings only: exit 0; --json prints the findings array', () => {
    const f = file('warn.json', { app: { workers: 4 } });
    const r = capture(() => lintCommand(f, { json: true }));
    expect(r.code).toBe(0);
    const findings = JSON.parse(r.out);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ id: 'sync-workers-below-cores', severity: 'warning', path: 'app.workers' });
    expect(Object.keys(findings[0]).sort()).toEqual(['fix', 'id', 'message', 'numbers', 'path', 'severity']);
  });

  it('queueing scenarios: nothing to lint, exit 0 ([] with --json)', () => {
    const q = join(root, 'scenarios/queueing/mm1-rho-0.8.yaml');
    const r = capture(() => lintCommand(q, {}));
    expect(r.code).toBe(0);
    expect(r.out).toContain('nothing to lint');
    expect(capture(() => lintCommand(q, { json: true })).out).toBe('[]');
  });

  it('formatFindings of nothing', () => {
    expect(formatFindings([])).toBe('lint: no findings');
  });
});
