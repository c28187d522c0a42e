// capacityCommand / sizeCommand as the CLI calls them (cli/main.ts wires `capsim capacity` and `capsim size`):
// JSON output, bad options as exit-2 errors, --out written as a valid scenario and never over an existing file.

import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stringify } from 'yaml';
import { capacityCommand } from '../../cli/commands/capacity';
import { sizeCommand } from '../../cli/commands/size';
import { CliError } from '../../cli/exit-codes';
import { loadScenario } from '../../cli/load-scenario';
import { lintScenario } from '../../sim-core/web-stack/lint';
import type { WebStackScenario } from '../../sim-core/web-stack/schema';

const dir = mkdtempSync(join(tmpdir(), 'capsim-capacity-'));
const scenarioFile = join(dir, 'one-worker.yaml');
writeFileSync(
  scenarioFile,
  stringify({
    kind: 'web-stack',
    schema_version: 1,
    name: 'one worker',
    hosts: [{ name: 'h', vcpus: 4, ram: '8GB' }],
    app: { server: 'gunicorn', worker_class: 'sync', instances: [{ host: 'h' }], workers: 1, db_access: 'none' },
    workload: { load: { type: 'closed', users: 5, think_ms: { dist: 'exponential', mean: 100 } }, classes: [{ name: 'api', share: 1, app_cpu_ms: { dist: 'exponential', mean: 10 }, response_kb: 0 }] },
  }),
);

function capture(): { out: () => string } {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  return { out: () => log.mock.calls.map((c) => String(c[0])).join('\n') };
}

afterEach(() => vi.restoreAllMocks());

describe('capsim capacity', () => {
  it('prints JSON with the answer, the binding resource, the range and the points', () => {
    const c = capture();
    expect(capacityCommand(scenarioFile, { 'slo-p95': '200', 'max-error-rate': '0.01', duration: '30', json: true })).toBe(0);
    const r = JSON.parse(c.out());
    expect(r.metric).toBe('users');
    expect(r.max_load).toBeGreaterThan(0);
    expect(r.binding_resource.resource).toBeTruthy();
    expect(r.confidence.lo).toBe(r.max_load);
    expect(r.confidence.hi).toBeGreaterThan(r.max_load);
    expect(r.evaluations.length).toBeGreaterThan(1);
  });

  it('prints a table without --json and rejects bad options with exit 2', () => {
    const c = capture();
    expect(capacityCommand(scenarioFile, { 'slo-p95': '200', duration: '30' })).toBe(0);
    expect(c.out()).toMatch(/answer: [\d,]+ concurrent users/);
    expect(c.out()).toMatch(/binding resource:/);
    expect(() => capacityCommand(scenarioFile, { 'slo-p95': 'fast' })).toThrow(CliError);
  });
});

describe('capsim size', () => {
  it('writes the recommended scenario with --out, and refuses to overwrite it', () => {
    const out = join(dir, 'recommended.yaml');
    const c = capture();
    const code = sizeCommand({ rps: '100', 'slo-p95': '100', provider: 'hetzner', like: scenarioFile, duration: '30', out, headroom: '0.3' });
    expect(code).toBe(0);
    expect(c.out()).toMatch(/recommended: /);
    expect(c.out()).toMatch(/monthly cost: \$/);
    expect(existsSync(out)).toBe(true);
    const s = loadScenario(out) as WebStackScenario;
    expect(s.kind).toBe('web-stack');
    expect(lintScenario(s).filter((f) => f.severity === 'error')).toEqual([]);
    const before = readFileSync(out, 'utf8');
    let err: unknown;
    try {
      sizeCommand({ rps: '100', 'slo-p95': '100', provider: 'hetzner', like: scenarioFile, out });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CliError);
    expect((err as CliError).exitCode).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe(before);
  });

  it('needs exactly one target and a known provider', () => {
    expect(() => sizeCommand({ 'slo-p95': '300', provider: 'hetzner' })).toThrow(/exactly one of --users, --daily-users or --rps/);
    expect(() => sizeCommand({ users: '100', 'slo-p95': '300', provider: 'nowhere' })).toThrow(/--provider/);
  });
});
