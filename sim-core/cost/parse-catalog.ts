// Validates one pricing catalog (parsed JSON) and returns it typed with defaults filled, or throws ScenarioError
// listing every issue with its path, as scenario files do.

import { formatIssues, ScenarioError } from '../schema/schema-errors';
import { pricingCatalogSchema, type PricingCatalog } from './pricing-schema';

export function parseCatalog(input: unknown): PricingCatalog {
  const parsed = pricingCatalogSchema.safeParse(input);
  if (!parsed.success) throw new ScenarioError(formatIssues(parsed.error, input));
  return parsed.data;
}
