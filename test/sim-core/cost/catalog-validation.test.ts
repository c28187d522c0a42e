// Every shipped pricing catalog validates, is dated and sourced, and says it was entered by hand and must be
// refreshed; the schema catches the mistakes hand entry makes.

import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../../sim-core/cost/parse-catalog';
import { HOURS_PER_MONTH } from '../../../sim-core/cost/pricing-schema';
import { ScenarioError } from '../../../sim-core/schema/schema-errors';
import { catalogFiles, catalogs, rawCatalogs } from './catalogs';

const providerDomain: Record<string, RegExp> = {
  digitalocean: /^https:\/\/(www\.|docs\.)?digitalocean\.com\//,
  aws: /^https:\/\/aws\.amazon\.com\//,
  hetzner: /^https:\/\/(www\.|docs\.)?hetzner\.com\//,
  baremetal: /^https:\/\/(www\.|docs\.)?hetzner\.com\//,
};

function sources(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => sources(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if ((k === 'source' || k.endsWith('_source')) && typeof v === 'string') out.push(v);
      else sources(v, out);
    }
  }
  return out;
}

describe('pricing catalogs in scenarios/pricing/', () => {
  it('holds the four providers', () => {
    expect(catalogFiles).toEqual(['aws.json', 'baremetal.json', 'digitalocean.json', 'hetzner.json']);
  });

  for (const file of catalogFiles) {
    it(`${file} validates against the catalog schema`, () => {
      expect(() => parseCatalog(rawCatalogs[file])).not.toThrow();
    });
  }

  it('each is dated, in USD, and says the prices were entered by hand and must be refreshed', () => {
    for (const c of catalogs) {
      expect(c.currency).toBe('USD');
      expect(c.retrieved).toMatch(/^20\d\d-\d\d/);
      expect(c.note).toMatch(/by hand/);
      expect(c.note).toMatch(/refresh/i);
      expect(`${c.provider}.json`).toBe(catalogFiles.find((f) => f === `${c.provider}.json`));
    }
  });

  it('every source is a public price page of the provider itself', () => {
    for (const c of catalogs) {
      const all = sources(rawCatalogs[`${c.provider}.json`]);
      expect(all.length).toBeGreaterThan(0);
      for (const s of all) expect(s, `${c.provider}: ${s}`).toMatch(providerDomain[c.provider]);
    }
  });

  it('EUR prices follow from the stated rate, hourly prices from × 730', () => {
    for (const c of catalogs) {
      for (const e of c.compute) {
        if (e.list_price?.currency === 'EUR') expect(e.usd_per_month).toBeCloseTo(e.list_price.amount * c.exchange_rate!.usd_per_unit, 2);
        if (e.hourly_usd !== undefined) expect(e.usd_per_month).toBeCloseTo(e.hourly_usd * HOURS_PER_MONTH, 2);
      }
    }
    const hetzner = catalogs.find((c) => c.provider === 'hetzner')!;
    expect(hetzner.exchange_rate).toMatchObject({ currency: 'EUR', usd_per_unit: 1.08 });
    expect(hetzner.compute.every((e) => e.list_price?.currency === 'EUR')).toBe(true);
  });

  it('names the requested product lines', () => {
    const types = (p: string) => catalogs.find((c) => c.provider === p)!;
    const doc = types('digitalocean');
    expect(doc.compute.map((e) => e.family)).toEqual(expect.arrayContaining(['Basic (Regular SSD)', 'General Purpose', 'CPU-Optimized']));
    expect(new Set(doc.managed_databases.map((e) => e.engine))).toEqual(new Set(['postgresql', 'mysql', 'mongodb']));
    expect(doc.managed_caches.length).toBeGreaterThan(0);
    expect(doc.load_balancers.length).toBe(1);
    expect(doc.cdn?.type).toBe('spaces-cdn');
    const aws = types('aws');
    for (const fam of ['t3.', 'm6i.', 'c6i.', 'r6i.']) expect(aws.compute.some((e) => e.type.startsWith(fam))).toBe(true);
    for (const fam of ['db.t4g.', 'db.m6g.']) expect(aws.managed_databases.some((e) => e.type.startsWith(fam))).toBe(true);
    expect(aws.managed_caches.some((e) => e.type.startsWith('cache.t4g.'))).toBe(true);
    expect(aws.load_balancers[0].lcu).toBeDefined();
    expect(aws.cdn?.type).toBe('cloudfront');
    const hz = types('hetzner');
    for (const fam of ['cx', 'cpx', 'ccx']) expect(hz.compute.some((e) => new RegExp(`^${fam}\\d`).test(e.type))).toBe(true);
    expect(hz.load_balancers[0].type).toBe('lb11');
    expect(types('baremetal').compute.every((e) => (e.setup_fee_usd ?? 0) > 0 && e.unmetered_egress)).toBe(true);
  });
});

describe('catalog schema', () => {
  const good = () => structuredClone(rawCatalogs['aws.json']) as Record<string, any>;

  it('rejects a monthly price that does not follow from the hourly one, naming the path', () => {
    const bad = good();
    bad.compute[0].usd_per_month = 9.99;
    try {
      parseCatalog(bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      expect((e as ScenarioError).issues[0]).toMatchObject({ path: 'compute[0].usd_per_month' });
      expect((e as ScenarioError).issues[0].message).toMatch(/hourly_usd × 730 = 7\.59, got 9\.99/);
    }
  });

  it('rejects undated catalogs, non-https sources, duplicate types and unknown fields', () => {
    const bad = good();
    bad.retrieved = 'recently';
    bad.source = 'see the seed document';
    bad.compute[1].type = bad.compute[0].type;
    bad.compute[2].price = 1;
    const paths = (() => {
      try {
        parseCatalog(bad);
        return [];
      } catch (e) {
        return (e as ScenarioError).issues.map((i) => i.path);
      }
    })();
    expect(paths).toEqual(expect.arrayContaining(['retrieved', 'source', 'compute[1].type', 'compute[2].price']));
  });

  it('rejects a EUR price with no exchange rate', () => {
    const bad = structuredClone(rawCatalogs['hetzner.json']) as Record<string, any>;
    delete bad.exchange_rate;
    expect(() => parseCatalog(bad)).toThrow(/exchange_rate for EUR/);
  });
});
