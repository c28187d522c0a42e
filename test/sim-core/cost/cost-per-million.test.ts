// Cost per million requests and the cost of headroom, by hand arithmetic on the DigitalOcean example
// (2 × s-4vcpu-8gb + LB + backups = $127.20 a month).

import { describe, expect, it } from 'vitest';
import { costPerMillionRequests } from '../../../sim-core/cost/cost-per-million';
import { headroomCost } from '../../../sim-core/cost/headroom-cost';
import { monthlyCost } from '../../../sim-core/cost/monthly-cost';
import { catalogs } from './catalogs';
import { bytesPerSecondFor, host, stack } from './stack';

const s = stack([host('a', 4, 8, { provider: 'digitalocean', type: 's-4vcpu-8gb' }), host('b', 4, 8, { provider: 'digitalocean', type: 's-4vcpu-8gb' })], ['a', 'b']);

describe('costPerMillionRequests', () => {
  const b = monthlyCost(s, catalogs, { egress_bytes_per_s: bytesPerSecondFor(3), throughput_rps: 100 });
  it('total over throughput × 2.628 M s / 1 M', () => {
    // 100 req/s × 2,628,000 s = 262.8 M requests; $127.20 / 262.8 = $0.48402 per million.
    expect(b.total_usd_per_month).toBeCloseTo(127.2, 2);
    expect(costPerMillionRequests(b, 100)).toBeCloseTo(127.2 / 262.8, 10);
    expect(costPerMillionRequests(b, 1000)).toBeCloseTo(0.048402, 6);
  });
  it('no throughput: infinite; a negative one is an error', () => {
    expect(costPerMillionRequests(b, 0)).toBe(Infinity);
    expect(() => costPerMillionRequests(b, -1)).toThrow(RangeError);
  });
});

describe('headroomCost', () => {
  it('the capacity cost not used at the binding resource\'s utilisation', () => {
    const b = monthlyCost(s, catalogs, { egress_bytes_per_s: bytesPerSecondFor(12) });
    // capacity $127.20 (hosts, backups, LB); usage $20 (2 TB over the pool) buys no headroom.
    expect(b.capacity_usd_per_month).toBeCloseTo(127.2, 2);
    expect(b.usage_usd_per_month).toBeCloseTo(20, 2);
    const h = headroomCost(b, 0.6);
    expect(h.headroom_usd_per_month).toBeCloseTo(127.2 * 0.4, 6); // $50.88
    expect(h.share_of_total).toBeCloseTo(50.88 / 147.2, 6);
    expect(headroomCost(b, 1.3).headroom_usd_per_month).toBe(0);
    expect(headroomCost(b, 0).headroom_usd_per_month).toBeCloseTo(127.2, 6);
  });
});
