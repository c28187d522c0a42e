// How a line item names where its price comes from: provider, the date the catalog was read, the page.

import type { PricingCatalog } from './pricing-schema';

export function sourceOf(catalog: PricingCatalog, page?: string): string {
  return `${catalog.provider} ${catalog.retrieved} ${page ?? catalog.source}`;
}
