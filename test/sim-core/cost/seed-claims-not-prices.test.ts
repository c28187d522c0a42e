// The source documents' cost figures are claims to check, not prices: none of them is entered in a catalog.
// Each claim below names the product it prices; the catalogs must not hold that product at the claimed price, and
// no catalog text may come from a document (its file name, its user tiers, its price ranges).

import { describe, expect, it } from 'vitest';
import { catalogs, rawCatalogs } from './catalogs';

interface SeedClaim {
  document: string;
  quote: string;
  usd: number[];
  /** Catalog entries the claim would price, if it had been copied in. */
  entries: (c: (typeof catalogs)[number]) => { type: string; usd_per_month: number }[];
}

const claims: SeedClaim[] = [
  { document: 'fastapi-10k-concurrent-users.md', quote: 'RDS PostgreSQL: $500/month', usd: [500], entries: (c) => (c.provider === 'aws' ? c.managed_databases : []) },
  { document: 'fastapi-10k-concurrent-users.md', quote: 'ElastiCache Redis: $200/month', usd: [200], entries: (c) => (c.provider === 'aws' ? c.managed_caches : []) },
  { document: 'fastapi-10k-concurrent-users.md', quote: 'Load Balancer: $100/month', usd: [100], entries: (c) => (c.provider === 'aws' ? c.load_balancers : []) },
  { document: 'fastapi-10k-concurrent-users.md', quote: 'ECS/AKS: $1,000/month', usd: [1000], entries: (c) => (c.provider === 'aws' ? c.compute : []) },
  { document: 'fastapi-10k-concurrent-users.md', quote: 'Single Server Option … 16 cores, 32GB … ~$500-800/month (DigitalOcean/AWS)', usd: [500, 800], entries: (c) => c.compute },
  { document: 'fastapi-10k-concurrent-users.md', quote: 'Server: $500-800/month; Backups: $50/month', usd: [500, 800], entries: (c) => c.compute },
  { document: 'gamesbazaar-traffic-capacity.md', quote: 'Server: 8-16 CPU, 16-32GB RAM, Cloud/Dedicated ($200-500/month)', usd: [200, 500], entries: (c) => c.compute.filter((e) => e.vcpus >= 8 && e.vcpus <= 16) },
  { document: 'gamesbazaar-traffic-capacity.md', quote: 'Server: 2-4 CPU, 4-8GB RAM, VPS/Cloud ($50-100/month)', usd: [50, 100], entries: (c) => c.compute.filter((e) => e.vcpus >= 2 && e.vcpus <= 4) },
  { document: 'gamesbazaar-traffic-capacity.md', quote: '100,000+ daily users: Server $800+, Database $400+, CDN $300', usd: [800, 400, 300], entries: (c) => [...c.compute, ...c.managed_databases] },
];

const documents = ['darra-scalability', 'exam-portal', 'fastapi-10k', 'gamesbazaar', 'ultra-scalability'];

describe('seed documents\' cost figures are claims, not catalog data', () => {
  for (const claim of claims) {
    it(`${claim.document}: "${claim.quote}" is not a catalog price`, () => {
      for (const c of catalogs) {
        for (const e of claim.entries(c)) expect(claim.usd, `${c.provider} ${e.type}`).not.toContain(e.usd_per_month);
      }
    });
  }

  it('no catalog text cites a document, a user tier or a price range', () => {
    for (const [file, raw] of Object.entries(rawCatalogs)) {
      const text = JSON.stringify(raw).toLowerCase();
      for (const d of documents) expect(text, file).not.toContain(d);
      expect(text, file).not.toMatch(/seed|claim|\busers?\b|\$\d+\s*-\s*\$?\d+/);
    }
  });
});
