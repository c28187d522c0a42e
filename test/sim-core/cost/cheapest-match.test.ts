// Hosts without an instance get the cheapest entry with at least their vCPUs and RAM, in the scenario's provider
// or across all catalogs, and the line says how it was matched.

import { describe, expect, it } from 'vitest';
import { monthlyCost } from '../../../sim-core/cost/monthly-cost';
import { parseCatalog } from '../../../sim-core/cost/parse-catalog';
import { resolveHosts } from '../../../sim-core/cost/resolve-hosts';
import { ScenarioError } from '../../../sim-core/schema/schema-errors';
import { catalogs } from './catalogs';
import { host, stack } from './stack';

const toy = parseCatalog({
  provider: 'toy',
  currency: 'USD',
  retrieved: '2025-01',
  source: 'https://example.com/pricing',
  note: 'synthetic catalog for the matching rule, not real prices',
  compute: [
    { type: 'a-2-8', vcpus: 2, ram_gb: 8, disk_gb: 50, disk_type: 'ssd', usd_per_month: 10 },
    { type: 'b-4-4', vcpus: 4, ram_gb: 4, disk_gb: 50, disk_type: 'ssd', usd_per_month: 8 },
    { type: 'c-4-8', vcpus: 4, ram_gb: 8, disk_gb: 50, disk_type: 'ssd', usd_per_month: 20 },
    { type: 'd-4-16', vcpus: 4, ram_gb: 16, disk_gb: 50, disk_type: 'ssd', usd_per_month: 20 },
    { type: 'e-4-8-burst', vcpus: 4, ram_gb: 8, disk_gb: 50, disk_type: 'ssd', usd_per_month: 5, cpu: 'burstable' },
    { type: 'f-8-32', vcpus: 8, ram_gb: 32, disk_gb: 50, disk_type: 'ssd', usd_per_month: 19, setup_fee_usd: 120 },
  ],
  egress: { pooled_allowance: true, tiers: [{ up_to_tb: null, usd_per_gb: 0.01 }] },
});

describe('cheapest match', () => {
  it('skips entries short of vCPUs or RAM and burstable ones; a tie goes to more RAM', () => {
    // a-2-8 has too few vCPUs, b-4-4 too little RAM, e is burstable; f costs 19 + 120/12 = 29 effective;
    // c-4-8 and d-4-16 tie at $20: d has more RAM.
    const [p] = resolveHosts(stack([host('h', 4, 8)], ['h']), [toy]);
    expect(p.entry.type).toBe('d-4-16');
    expect(p.kind === 'compute' && p.match).toBe('cheapest in the toy catalog with ≥ 4 vCPUs and ≥ 8 GB RAM (burstable excluded): toy d-4-16 (4 vCPU, 16 GB, $20.00/month effective)');
  });

  it('counts the amortised setup fee', () => {
    // 8 vCPU / 32 GB: only f fits, at 19 + 10.
    const b = monthlyCost(stack([host('h', 8, 32)], ['h']), [toy]);
    expect(b.items.map((i) => [i.kind, i.usd_per_month])).toEqual([
      ['host', 19],
      ['setup', 10],
      ['bandwidth', 0],
    ]);
  });

  it('stays in the provider the other hosts name', () => {
    const s = stack([host('named', 2, 4, { provider: 'digitalocean', type: 's-2vcpu-4gb' }), host('free', 3, 6)], ['named', 'free']);
    const p = resolveHosts(s, catalogs)[1];
    // DigitalOcean entries with ≥ 3 vCPU and ≥ 6 GB: s-4vcpu-8gb $48 is the cheapest (amd $56, c-4 $84, g-4vcpu-16gb $126).
    expect(p.catalog.provider).toBe('digitalocean');
    expect(p.entry.type).toBe('s-4vcpu-8gb');
  });

  it('with no provider named, searches every catalog (network volume and IPv4 add-on counted)', () => {
    const p = resolveHosts(stack([host('h', 4, 8)], ['h']), catalogs)[0];
    // Hetzner cx32 €6.80 × 1.08 = $7.34 + IPv4 €0.50 × 1.08 = $0.54 ⇒ $7.88, below any DigitalOcean, AWS or bare-metal fit.
    expect(`${p.catalog.provider} ${p.entry.type}`).toBe('hetzner cx32');
    expect(p.kind === 'compute' && p.match).toMatch(/cheapest in all catalogs \(aws, baremetal, digitalocean, hetzner\).*\$7\.88\/month effective/);
  });

  it('a host no catalog can hold is bad input naming the host', () => {
    try {
      resolveHosts(stack([host('huge', 64, 1024)], ['huge']), catalogs);
      expect.unreachable();
    } catch (e) {
      expect((e as ScenarioError).issues[0]).toMatchObject({ path: 'hosts[0]' });
      expect((e as ScenarioError).issues[0].message).toMatch(/≥ 64 vCPUs and ≥ 1024 GB RAM/);
    }
  });
});
