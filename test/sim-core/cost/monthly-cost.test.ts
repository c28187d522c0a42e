// Monthly cost of small scenarios against totals computed by hand from the catalog prices.

import { describe, expect, it } from 'vitest';
import { monthlyCost } from '../../../sim-core/cost/monthly-cost';
import { ScenarioError } from '../../../sim-core/schema/schema-errors';
import { catalogs } from './catalogs';
import { bytesPerSecondFor, host, stack } from './stack';

const DO = (type: string) => ({ provider: 'digitalocean', type });
const AWS = (type: string) => ({ provider: 'aws', type });

describe('monthlyCost: 2 × s-4vcpu-8gb + load balancer + 3 TB egress on DigitalOcean', () => {
  const s = stack([host('web-1', 4, 8, DO('s-4vcpu-8gb')), host('web-2', 4, 8, DO('s-4vcpu-8gb'))], ['web-1', 'web-2']);
  const b = monthlyCost(s, catalogs, { egress_bytes_per_s: bytesPerSecondFor(3), throughput_rps: 100 });
  const usdOf = (kind: string) => b.items.filter((i) => i.kind === kind).reduce((a, i) => a + i.usd_per_month, 0);

  it('prices each droplet, its 20% backups, one LB node, and no transfer (3 TB < 2 × 5 TB pooled)', () => {
    // 2 × $48 = $96; backups 20% × $96 = $19.20; LB $12; 3,000 GB − 10,000 GB included ⇒ $0.
    expect(usdOf('host')).toBeCloseTo(96, 2);
    expect(usdOf('backup')).toBeCloseTo(19.2, 2);
    expect(usdOf('load_balancer')).toBeCloseTo(12, 2);
    expect(usdOf('bandwidth')).toBe(0);
    expect(b.total_usd_per_month).toBeCloseTo(127.2, 2);
    expect(b.capacity_usd_per_month).toBeCloseTo(127.2, 2);
    expect(b.usage_usd_per_month).toBe(0);
  });

  it('every line names quantity, unit price and a dated source', () => {
    for (const i of b.items) {
      expect(i.usd_per_month).toBeCloseTo(i.quantity * i.unit_usd, 2);
      expect(i.source).toMatch(/^digitalocean 20\d\d-\d\d https:\/\//);
    }
    const bw = b.items.find((i) => i.kind === 'bandwidth')!;
    expect(bw.item).toMatch(/3000\.0 GB out − 10000 GB included = 0\.0 GB billable/);
    expect(b.catalogs).toEqual([{ provider: 'digitalocean', retrieved: expect.any(String), source: expect.stringMatching(/^https:/) }]);
  });

  it('without backups the total is $108; with 12 TB egress the 2 TB over the pool cost $20', () => {
    expect(monthlyCost(s, catalogs, { egress_bytes_per_s: bytesPerSecondFor(3) }, { backups: false }).total_usd_per_month).toBeCloseTo(108, 2);
    const big = monthlyCost(s, catalogs, { egress_bytes_per_s: bytesPerSecondFor(12) });
    expect(big.items.find((i) => i.kind === 'bandwidth')!.usd_per_month).toBeCloseTo(20, 2);
    expect(big.total_usd_per_month).toBeCloseTo(147.2, 2);
  });
});

describe('monthlyCost: load balancer rule', () => {
  it('no LB for one app instance with nginx on the same host', () => {
    const s = stack([host('one', 4, 8, DO('s-4vcpu-8gb'))], ['one'], { nginx: { host: 'one' } as never });
    const b = monthlyCost(s, catalogs);
    expect(b.items.some((i) => i.kind === 'load_balancer')).toBe(false);
    // $48 + 20% = $57.60
    expect(b.total_usd_per_month).toBeCloseTo(57.6, 2);
  });

  it('no LB when nginx balances the instances; none on bare metal, which sells none (said so)', () => {
    const s = stack([host('edge', 2, 2, DO('s-2vcpu-2gb')), host('a', 4, 8, DO('s-4vcpu-8gb')), host('b', 4, 8, DO('s-4vcpu-8gb'))], ['a', 'b'], { nginx: { host: 'edge' } as never });
    expect(monthlyCost(s, catalogs).items.some((i) => i.kind === 'load_balancer')).toBe(false);
    const bm = stack([host('a', 16, 64, { provider: 'baremetal', type: 'hetzner-ax42' }), host('b', 16, 64, { provider: 'baremetal', type: 'hetzner-ax42' })], ['a', 'b']);
    const b = monthlyCost(bm, catalogs);
    expect(b.items.some((i) => i.kind === 'load_balancer')).toBe(false);
    expect(b.assumptions.join('\n')).toMatch(/baremetal sells none/);
  });

  it('AWS ALB: hourly × 730 plus LCU-hours on the larger dimension', () => {
    const s = stack([host('a', 2, 4, AWS('c6i.large'), 20), host('b', 2, 4, AWS('c6i.large'), 20)], ['a', 'b']);
    // 100 rps / 10 requests per connection / 25 = 0.4 LCU; 1 TB/month = 1000 GB / 730 h = 1.37 GB/h ⇒ 1.37 LCU.
    const b = monthlyCost(s, catalogs, { throughput_rps: 100, egress_bytes_per_s: bytesPerSecondFor(1) }, { backups: false });
    const lb = b.items.filter((i) => i.kind === 'load_balancer');
    expect(lb[0].usd_per_month).toBeCloseTo(16.43, 2); // 0.0225 × 730
    const lcu = 1000 / 730;
    expect(lb[1].quantity).toBeCloseTo(lcu * 730, 6);
    expect(lb[1].usd_per_month).toBeCloseTo(1000 * 0.008, 2); // lcu × 730 h × $0.008 = $8.00
    // hosts 2 × 0.085 × 730 = 124.10; gp3 2 × 20 GB × 0.08 = 3.20; transfer (1000 − 100) × 0.09 = 81.00
    expect(b.total_usd_per_month).toBeCloseTo(124.1 + 3.2 + 16.43 + 8 + 81, 2);
  });
});

describe('monthlyCost: managed services', () => {
  it('a DigitalOcean managed PostgreSQL plan on the database host, backups included', () => {
    const s = stack([host('web', 4, 8, DO('s-4vcpu-8gb')), host('db', 2, 4, DO('db-s-2vcpu-4gb'))], ['web'], {
      database: { engine: 'postgresql', host: 'db', working_set: '1GB' } as never,
      app: { server: 'gunicorn', worker_class: 'sync', instances: [{ host: 'web' }], workers: 3, db_access: 'django', django: {} } as never,
    });
    const b = monthlyCost(s, catalogs);
    const db = b.items.filter((i) => i.host === 'db');
    expect(db).toHaveLength(1);
    expect(db[0].item).toMatch(/managed postgresql db-s-2vcpu-4gb/);
    expect(db[0].usd_per_month).toBe(60);
    expect(b.total_usd_per_month).toBeCloseTo(48 * 1.2 + 60, 2);
  });

  it('RDS db.m6g.large PostgreSQL: hourly × 730 plus storage per GB-month', () => {
    const s = stack([host('web', 2, 8, AWS('m6i.large'), 30), host('db', 2, 8, AWS('db.m6g.large'), 100)], ['web'], {
      database: { engine: 'postgresql', host: 'db', working_set: '1GB' } as never,
      app: { server: 'gunicorn', worker_class: 'sync', instances: [{ host: 'web' }], workers: 3, db_access: 'django', django: {} } as never,
    });
    const b = monthlyCost(s, catalogs, {}, { backups: false });
    const db = b.items.filter((i) => i.host === 'db');
    expect(db.map((i) => i.usd_per_month)).toEqual([116.07, 11.5]); // 0.159 × 730; 100 GB × 0.115
  });
});

describe('monthlyCost: bad input names the path', () => {
  it('an instance type not in the catalog lists the available types', () => {
    const s = stack([host('web', 4, 8, DO('s-4vcpu-9gb'))], ['web']);
    try {
      monthlyCost(s, catalogs);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      const [issue] = (e as ScenarioError).issues;
      expect(issue.path).toBe('hosts[0].instance.type');
      expect(issue.message).toMatch(/^expected one of the digitalocean types \(s-1vcpu-512mb-10gb, .*s-4vcpu-8gb.*\), got "s-4vcpu-9gb"$/);
    }
  });

  it('an unknown provider, and a managed database plan on a host without a database', () => {
    const s = stack([host('web', 4, 8, { provider: 'linode', type: 'g6-standard-4' }), host('w2', 2, 4, DO('db-s-2vcpu-4gb'))], ['web', 'w2']);
    try {
      monthlyCost(s, catalogs);
      expect.unreachable();
    } catch (e) {
      const issues = (e as ScenarioError).issues;
      expect(issues[0]).toMatchObject({ path: 'hosts[0].instance.provider' });
      expect(issues[0].message).toMatch(/aws, baremetal, digitalocean, hetzner/);
      expect(issues[1]).toMatchObject({ path: 'hosts[1].instance.type' });
      expect(issues[1].message).toMatch(/managed database plan; host "w2" holds no database/);
    }
  });

  it('warns when the simulated host is bigger than the priced instance', () => {
    const s = stack([host('web', 8, 8, DO('s-4vcpu-8gb'))], ['web']);
    expect(monthlyCost(s, catalogs).warnings).toEqual(['hosts[0] "web" is simulated with 8 vCPUs but priced as s-4vcpu-8gb with 4']);
  });
});
