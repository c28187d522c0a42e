// Transfer allowances and tiered prices, computed by hand: pooled (DigitalOcean), per front host (Hetzner),
// account-wide free volume and tiers (AWS), unmetered (bare metal), and the CDN's share of the bytes.

import { describe, expect, it } from 'vitest';
import { monthlyCost } from '../../../sim-core/cost/monthly-cost';
import { tieredUsd } from '../../../sim-core/cost/tiered-price';
import { catalog, catalogs } from './catalogs';
import { bytesPerSecondFor, host, stack } from './stack';

const bandwidth = (b: ReturnType<typeof monthlyCost>) => b.items.find((i) => i.kind === 'bandwidth')!;

describe('tieredUsd', () => {
  const tiers = [
    { up_to_tb: 10, usd_per_gb: 0.09 },
    { up_to_tb: 50, usd_per_gb: 0.085 },
    { up_to_tb: null, usd_per_gb: 0.05 },
  ];
  it('charges each part of the volume at its own tier', () => {
    expect(tieredUsd(0, tiers)).toBe(0);
    expect(tieredUsd(5000, tiers)).toBeCloseTo(450, 9);
    expect(tieredUsd(14_900, tiers)).toBeCloseTo(10_000 * 0.09 + 4_900 * 0.085, 9); // 1316.50
    expect(tieredUsd(60_000, tiers)).toBeCloseTo(900 + 40_000 * 0.085 + 10_000 * 0.05, 9); // 4800
  });
});

describe('bandwidth allowance arithmetic', () => {
  it('DigitalOcean pools every droplet\'s allowance: 2 × 5 TB + 2 TB = 12 TB free, 3 TB over at $0.01/GB', () => {
    const s = stack([host('a', 4, 8, { provider: 'digitalocean', type: 's-4vcpu-8gb' }), host('b', 4, 8, { provider: 'digitalocean', type: 's-4vcpu-8gb' }), host('c', 1, 2, { provider: 'digitalocean', type: 's-1vcpu-2gb' })], ['a']);
    const bw = bandwidth(monthlyCost(s, catalogs, { egress_bytes_per_s: bytesPerSecondFor(15) }));
    expect(bw.quantity).toBeCloseTo(3000, 6);
    expect(bw.usd_per_month).toBeCloseTo(30, 2);
    expect(bw.note).toMatch(/a 5 TB \+ b 5 TB \+ c 2 TB \(pooled\)/);
  });

  it('Hetzner counts only the hosts that answer clients: nginx\'s 20 TB of 60 TB', () => {
    const hz = (t: string) => ({ provider: 'hetzner', type: t });
    const s = stack([host('lb', 2, 4, hz('cx22')), host('a', 4, 8, hz('cx32')), host('b', 4, 8, hz('cx32'))], ['a', 'b'], { nginx: { host: 'lb' } });
    const b = monthlyCost(s, catalogs, { egress_bytes_per_s: bytesPerSecondFor(25) });
    const bw = bandwidth(b);
    // 25,000 GB − 20,000 GB = 5,000 GB at €1.00/TB × 1.08 = $0.00108/GB ⇒ $5.40
    expect(bw.quantity).toBeCloseTo(5000, 6);
    expect(bw.usd_per_month).toBeCloseTo(5.4, 2);
    expect(catalog('hetzner').egress.pooled_allowance).toBe(false);
  });

  it('AWS: 100 GB free, then $0.09/GB to 10 TB and $0.085/GB beyond', () => {
    const s = stack([host('a', 2, 8, { provider: 'aws', type: 'm6i.large' })], ['a']);
    const bw = bandwidth(monthlyCost(s, catalogs, { egress_bytes_per_s: bytesPerSecondFor(15) }));
    expect(bw.quantity).toBeCloseTo(14_900, 6);
    expect(bw.usd_per_month).toBeCloseTo(1316.5, 2);
  });

  it('bare metal traffic is unmetered', () => {
    const s = stack([host('a', 16, 64, { provider: 'baremetal', type: 'hetzner-ax42' })], ['a']);
    const b = monthlyCost(s, catalogs, { egress_bytes_per_s: bytesPerSecondFor(100) });
    expect(bandwidth(b).usd_per_month).toBe(0);
    // €46 × 1.08 = $49.68 and the €39 setup × 1.08 = $42.12 over 12 months = $3.51; no backups offered.
    expect(b.total_usd_per_month).toBeCloseTo(49.68 + 3.51, 2);
  });

  it('no traffic given: a zero bandwidth line that says so', () => {
    const s = stack([host('a', 2, 8, { provider: 'aws', type: 'm6i.large' })], ['a']);
    expect(bandwidth(monthlyCost(s, catalogs)).item).toBe('bandwidth: no traffic given');
  });
});

describe('CDN', () => {
  // Two classes: static 50% of requests × 100 KB, api 50% × 10 KB; the CDN answers 80% of static requests.
  // Edge share of bytes = 0.5 × 0.8 × 100 / (0.5 × 100 + 0.5 × 10) = 40 / 55.
  const classes = [
    { name: 'static', share: 0.5, static: true, response_kb: 100 },
    { name: 'api', share: 0.5, app_cpu_ms: { dist: 'exponential' as const, mean: 10 }, response_kb: 10 },
  ];
  const workload = { load: { type: 'open' as const, rate_per_s: 100 }, classes };

  it('DigitalOcean Spaces CDN: $5 with 1 TB included, origin transfer reduced by the edge share', () => {
    const s = stack([host('a', 4, 8, { provider: 'digitalocean', type: 's-4vcpu-8gb' })], ['a'], { nginx: { host: 'a' }, cdn: { hit_ratio: 0.8, classes: ['static'] }, workload });
    const b = monthlyCost(s, catalogs, { egress_bytes_per_s: bytesPerSecondFor(11), throughput_rps: 100 });
    const edgeGb = 11_000 * (40 / 55); // 8000 GB
    const cdn = b.items.filter((i) => i.kind === 'cdn');
    expect(cdn[0].usd_per_month).toBe(5);
    expect(cdn[1].quantity).toBeCloseTo(edgeGb - 1000, 6);
    expect(cdn[1].usd_per_month).toBeCloseTo(70, 2);
    // origin 3000 GB < 5 TB allowance
    expect(bandwidth(b).usd_per_month).toBe(0);
  });

  it('Hetzner sells no CDN: priced at the first catalog that does (aws CloudFront), and said so', () => {
    const s = stack([host('a', 4, 8, { provider: 'hetzner', type: 'cx32' })], ['a'], { nginx: { host: 'a' }, cdn: { hit_ratio: 0.8, classes: ['static'] }, workload });
    const b = monthlyCost(s, catalogs, { egress_bytes_per_s: bytesPerSecondFor(11), throughput_rps: 100 });
    expect(b.assumptions.join('\n')).toMatch(/cdn: hetzner sells none, priced at aws/);
    const cdn = b.items.filter((i) => i.kind === 'cdn');
    // 8000 GB − 1000 free = 7000 GB × $0.085 = $595; requests 100 × 0.4 × 2.628e6 = 105.12 M − 10 M free = 95.12 M × $0.01/10k = $95.12
    expect(cdn[0].usd_per_month).toBeCloseTo(595, 2);
    expect(cdn[1].usd_per_month).toBeCloseTo(95.12, 2);
  });
});
