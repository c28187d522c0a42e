// capsim cost <scenario> [--json]: the breakdown as a table or JSON; bad input (a queueing scenario, an unknown
// instance type) is a CliError with exit code 2 naming the path and what is available.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { costCommand } from '../../../cli/commands/cost';
import { loadCatalogs } from '../../../cli/catalogs';
import { CliError } from '../../../cli/exit-codes';

const root = resolve(__dirname, '../../..');

function scenarioFile(instanceType: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'capsim-cost-'));
  const file = join(dir, 'two-droplets.json');
  writeFileSync(
    file,
    JSON.stringify({
      kind: 'web-stack',
      schema_version: 1,
      name: 'two droplets',
      hosts: [
        { name: 'web-1', vcpus: 4, ram: '8GB', instance: { provider: 'digitalocean', type: instanceType } },
        { name: 'web-2', vcpus: 4, ram: '8GB', instance: { provider: 'digitalocean', type: 's-4vcpu-8gb' } },
      ],
      app: { server: 'gunicorn', worker_class: 'sync', instances: [{ host: 'web-1' }, { host: 'web-2' }], workers: 3, db_access: 'none' },
      workload: {
        load: { type: 'open', rate_per_s: 100 },
        classes: [{ name: 'api', share: 1, app_cpu_ms: { dist: 'exponential', mean: 10 }, response_kb: 10 }],
      },
    }),
  );
  return file;
}

function capture(fn: () => number): { code: number; out: string } {
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  try {
    return { code: fn(), out: lines.join('\n') };
  } finally {
    spy.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('capsim cost', () => {
  it('loads every catalog from scenarios/pricing/', () => {
    expect(loadCatalogs().map((c) => c.provider).sort()).toEqual(['aws', 'baremetal', 'digitalocean', 'hetzner']);
  });

  it('prints the breakdown table with sources and the monthly-traffic basis', () => {
    const { code, out } = capture(() => costCommand(scenarioFile('s-4vcpu-8gb'), {}));
    expect(code).toBe(0);
    expect(out).toMatch(/web-1: digitalocean s-4vcpu-8gb/);
    expect(out).toMatch(/load balancer: digitalocean regional-lb-1-node/);
    // 100 req/s × 10 KB for 8 h a day (the default peak hours) ⇒ 1,024,000 B/s × 730 h × 3,600 s × 8/24 = 897 GB/month,
    // inside the 10 TB pool.
    expect(out).toMatch(/total 127\.20 USD\/month/);
    expect(out).toMatch(/peak the offered rate 100 req\/s × mean response 10 KB for 8 h a day/);
    expect(out).toMatch(/refresh before quoting/);
  });

  it('--json prints the CostBreakdown with cost per million requests', () => {
    const { code, out } = capture(() => costCommand(scenarioFile('s-4vcpu-8gb'), { json: true }));
    expect(code).toBe(0);
    const b = JSON.parse(out);
    expect(b.total_usd_per_month).toBeCloseTo(127.2, 2);
    // 100 req/s × 8 h a day over 730 h a month = 100 × 3,600 × 730 × 8/24 = 87.6 million requests.
    expect(b.usd_per_million_requests).toBeCloseTo(127.2 / 87.6, 6);
    expect(b.items[0]).toMatchObject({ item: expect.any(String), quantity: 1, unit_usd: 48, usd_per_month: 48, source: expect.stringMatching(/^digitalocean /) });
  });

  it('an unknown instance type is bad input (exit 2) naming hosts[0].instance.type and the available types', () => {
    const file = scenarioFile('s-4vcpu-9gb');
    try {
      costCommand(file, {});
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CliError);
      expect((e as CliError).exitCode).toBe(2);
      expect((e as CliError).message).toMatch(/two-droplets\.json: hosts\[0\]\.instance\.type: expected one of the digitalocean types \(.*s-4vcpu-8gb.*\), got "s-4vcpu-9gb"/);
    }
  });

  it('refuses a queueing scenario with exit 2', () => {
    try {
      costCommand(join(root, 'scenarios/queueing/mm1-rho-0.8.yaml'), {});
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CliError);
      expect((e as CliError).exitCode).toBe(2);
      expect((e as CliError).message).toMatch(/expected a "web-stack" scenario/);
    }
  });
});
