// The capsim command as a user runs it: exit codes, one-line errors naming the path and the expected value,
// and the --json contract.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const bin = join(root, 'cli/capsim.mjs');
const fixtures = join(root, 'test/fixtures/bad');

function capsim(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('capsim bad input', () => {
  const cases: [string, RegExp][] = [
    ['not-json.json', /not-json\.json: \(file\): expected valid JSON at line \d+, column \d+/],
    ['not-yaml.yaml', /not-yaml\.yaml: \(file\): expected valid YAML at line 5, column 9: Nested mappings are not allowed in compact mappings$/m],
    ['wrong-type.yaml', /stations\[0\]\.servers: expected a whole number ≥ 1 or "infinite", got "eight"/],
    ['negative-rate.yaml', /workload\.rate_per_s: expected a rate per second > 0, got -5/],
    ['zero-rate.json', /workload\.rate_per_s: expected a rate per second > 0, got 0/],
    ['unstable.yaml', /stations\[0\]: expected offered load ρ < 1, got ρ = 1\.2000: the open model is unstable/],
    ['unknown-field.yaml', /stations\[0\]\.srvers: unknown field/],
  ];
  for (const [file, pattern] of cases) {
    it(`${file}: exit 2 with a one-line error naming the path`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'capsim-bad-'));
      const r = capsim(['run', join(fixtures, file), '--json'], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stdout).toBe('');
      // Nothing partially written.
      expect(readdirSync(dir)).toEqual([]);
    });
  }

  it('validate reports the same error with exit 2', () => {
    const r = capsim(['validate', join(fixtures, 'unstable.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unstable/);
  });

  it('a missing file, an unknown command and a bad option value are bad input too', () => {
    expect(capsim(['run', 'no/such/file.yaml']).code).toBe(2);
    expect(capsim(['frobnicate']).code).toBe(2);
    const r = capsim(['run', join(root, 'scenarios/queueing/mm1-rho-0.8.yaml'), '--seed', 'seven']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--seed: expected a whole number ≥ 0, got "seven"/);
  });
});

describe('capsim run --json', () => {
  it('prints the contract keys with the simulated M/M/1 values', () => {
    const dir = mkdtempSync(join(tmpdir(), 'capsim-run-'));
    const file = join(dir, 'mm1.json');
    writeFileSync(file, JSON.stringify({
      kind: 'queueing', schema_version: 1, name: 'M/M/1 at 0.5',
      workload: { type: 'open', rate_per_s: 50 },
      stations: [{ name: 'cpu', service_ms: { dist: 'exponential', mean: 10 } }],
      run: { seed: 3, precision: 0.02, measures: ['mean'] },
    }));
    const r = capsim(['run', file, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    for (const key of ['throughput_rps', 'latency_ms', 'utilization', 'errors', 'ci95', 'events', 'wall_ms']) expect(out).toHaveProperty(key);
    expect(Object.keys(out.latency_ms)).toEqual(['mean', 'p50', 'p90', 'p95', 'p99', 'p999']);
    // λ = 50/s, μ = 100/s: W = 1/(μ − λ) = 20 ms, ρ = 0.5, throughput = λ.
    expect(out.latency_ms.mean).toBeGreaterThan(20 * 0.96);
    expect(out.latency_ms.mean).toBeLessThan(20 * 1.04);
    expect(out.utilization.cpu).toBeCloseTo(0.5, 1);
    expect(out.throughput_rps).toBeGreaterThan(48);
    expect(out.throughput_rps).toBeLessThan(52);
    expect(out.errors).toEqual({ rate: 0, by_cause: {} });
    expect(out.ci95.mean.lo).toBeLessThan(out.latency_ms.mean);
    expect(out.ci95.mean.hi).toBeGreaterThan(out.latency_ms.mean);
  });

  it('prints a readable table without --json, and validate accepts a good file', () => {
    const r = capsim(['run', join(root, 'scenarios/queueing/mm1-rho-0.8.yaml'), '--precision', '0.05']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/throughput .* req\/s/);
    expect(r.stdout).toMatch(/p999/);
    expect(capsim(['validate', join(root, 'scenarios/queueing/mm1-rho-0.8.yaml')]).code).toBe(0);
  });
});
