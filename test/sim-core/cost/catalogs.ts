// The pricing catalogs as shipped in scenarios/pricing/, read and validated for the tests.

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCatalog } from '../../../sim-core/cost/parse-catalog';
import type { PricingCatalog } from '../../../sim-core/cost/pricing-schema';

export const pricingDir = resolve(__dirname, '../../../scenarios/pricing');
export const catalogFiles = readdirSync(pricingDir).filter((f) => f.endsWith('.json')).sort();
export const rawCatalogs: Record<string, unknown> = Object.fromEntries(catalogFiles.map((f) => [f, JSON.parse(readFileSync(join(pricingDir, f), 'utf8'))]));
export const catalogs: PricingCatalog[] = catalogFiles.map((f) => parseCatalog(rawCatalogs[f]));
export const catalog = (provider: string) => catalogs.find((c) => c.provider === provider)!;
