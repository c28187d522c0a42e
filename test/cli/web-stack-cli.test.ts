// capsim run / sweep / claims on a web-stack scenario, as a user runs them.

import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const bin = join(root, 'cli/capsim.mjs');
const scenario = 'scenarios/gamesbazaar/basic-production.yaml';

function capsim(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 180_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('capsim on web-stack scenarios', () => {
  it('run --users --json keeps the contract keys and adds the web-stack figures', () => {
    const r = capsim(['run', scenario, '--users', '200', '--duration', '20', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    for (const key of ['throughput_rps', 'latency_ms', 'utilization', 'errors', 'ci95', 'events', 'wall_ms', 'classes', 'memory', 'bottleneck', 'slo', 'lint']) {
      expect(out).toHaveProperty(key);
    }
    expect(out.load).toEqual({ users: 200 });
    // Closed users with 5 s mean think time: throughput ≤ N / Z = 200 / 5 = 40 req/s (less the response time).
    expect(out.throughput_rps).toBeLessThanOrEqual(40 * 1.05);
    expect(out.throughput_rps).toBeGreaterThan(30);
  });

  it('sweep: one row per load, from worker threads, throughput rising with users', () => {
    const r = capsim(['sweep', scenario, '--users', '50,200', '--duration', '20', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.points.map((p: { users: number }) => p.users)).toEqual([50, 200]);
    expect(out.points[1].throughput_rps).toBeGreaterThan(out.points[0].throughput_rps * 2);
    for (const p of out.points) expect(Object.keys(p.utilization).length).toBeGreaterThan(2);
  });

  it('sweep with a bad list is bad input', () => {
    const r = capsim(['sweep', scenario, '--users', '10,ten']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--users: expected a comma-separated list of whole numbers ≥ 1, got "10,ten"/);
  });

  it('claims: every claim of the document gets a verdict', () => {
    const r = capsim(['claims', scenario, '--duration', '20', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.claims.length).toBeGreaterThan(2);
    for (const c of out.claims) expect(['holds', 'does_not_hold', 'partly', 'cannot_judge']).toContain(c.verdict);
  });
});
