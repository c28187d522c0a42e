// Pricing catalogs (scenarios/pricing/*.json): one provider per file, dated and sourced, list prices in USD per
// month. Entries converted from another currency keep their list price and the catalog states the rate; hourly
// prices keep the hourly figure (monthly = hourly × 730). Units: GB = 10⁹ bytes, TB = 1000 GB.

import { z } from 'zod';

export const HOURS_PER_MONTH = 730;
/** 730 h × 3600 s: the month every monthly figure in the cost model is for. */
export const SECONDS_PER_MONTH = 2.628e6;

const usd = (what = 'a price in USD') => z.number({ error: `expected ${what} ≥ 0` }).gte(0, { error: `expected ${what} ≥ 0` });
const positiveNumber = (what: string) => z.number({ error: `expected ${what} > 0` }).gt(0, { error: `expected ${what} > 0` });
const url = z.string().regex(/^https:\/\/\S+$/, { error: 'expected an https:// URL of the public price page' });

const listPriceSchema = z.strictObject({
  amount: usd('a list price'),
  currency: z.string().regex(/^[A-Z]{3}$/, { error: 'expected an ISO currency code such as "EUR"' }),
  period: z.enum(['month', 'hour', 'once']),
});

/** Fields every priced entry may carry: where it comes from, what it says beside the price. */
const provenance = {
  source: url.optional(),
  note: z.string().optional(),
  hourly_usd: usd('an hourly price in USD').optional(),
  list_price: listPriceSchema.optional(),
};

export const diskTypesPriced = ['nvme', 'ssd', 'hdd', 'network'] as const;

export const computeEntrySchema = z.strictObject({
  type: z.string().min(1),
  family: z.string().optional(),
  vcpus: positiveNumber('a number of vCPUs'),
  ram_gb: positiveNumber('a RAM size in GB'),
  /** Local disk included in the price; 0 when storage is a separately billed network volume. */
  disk_gb: usd('a disk size in GB'),
  disk_type: z.enum(diskTypesPriced),
  usd_per_month: usd(),
  /** Outbound transfer included per month. */
  included_egress_tb: usd('a transfer allowance in TB').optional(),
  /** Outbound transfer not metered (bare metal at its port speed). */
  unmetered_egress: z.boolean().optional(),
  cpu: z.enum(['shared', 'dedicated', 'burstable']).optional(),
  /** One-time fee, amortised over the catalog's setup_amortisation_months. */
  setup_fee_usd: usd('a setup fee in USD').optional(),
  setup_list_price: listPriceSchema.optional(),
  ...provenance,
});

export const managedDatabaseEntrySchema = z.strictObject({
  type: z.string().min(1),
  engine: z.enum(['postgresql', 'mysql', 'mongodb']),
  vcpus: positiveNumber('a number of vCPUs'),
  ram_gb: positiveNumber('a RAM size in GB'),
  /** Storage included in the price. */
  storage_gb: usd('a storage size in GB'),
  /** Storage billed per GB-month on top (RDS); the host's disk.size_gb or the catalog default is charged. */
  storage_usd_per_gb_month: usd('a price per GB-month').optional(),
  usd_per_month: usd(),
  nodes: z.number().int().gte(1).default(1),
  backups_included: z.boolean().default(true),
  ...provenance,
});

export const managedCacheEntrySchema = z.strictObject({
  type: z.string().min(1),
  engine: z.enum(['redis', 'memcached']),
  vcpus: positiveNumber('a number of vCPUs'),
  ram_gb: positiveNumber('a RAM size in GB'),
  usd_per_month: usd(),
  nodes: z.number().int().gte(1).default(1),
  ...provenance,
});

export const lcuSchema = z.strictObject({
  usd_per_lcu_hour: usd('a price per LCU-hour'),
  processed_gb_per_hour: positiveNumber('GB per hour per LCU'),
  new_connections_per_s: positiveNumber('new connections per second per LCU'),
  /** Modelling assumption: requests carried by one client connection (keep-alive). */
  requests_per_connection: positiveNumber('requests per connection'),
  /** LCUs charged when no traffic is given. */
  default_lcus: usd('a number of LCUs'),
  note: z.string().optional(),
});

export const loadBalancerEntrySchema = z.strictObject({
  type: z.string().min(1),
  usd_per_month: usd(),
  lcu: lcuSchema.optional(),
  ...provenance,
});

export const priceTierSchema = z.strictObject({
  /** Cumulative monthly volume where this tier ends; null = no end. */
  up_to_tb: z.union([positiveNumber('a volume in TB'), z.null()]),
  usd_per_gb: usd('a price per GB'),
});

const tiers = z
  .array(priceTierSchema)
  .min(1)
  .refine((ts) => ts[ts.length - 1].up_to_tb === null, { error: 'expected the last tier to have up_to_tb: null' })
  .refine((ts) => ts.every((t, i) => i === 0 || t.up_to_tb === null || (ts[i - 1].up_to_tb ?? Infinity) < t.up_to_tb), {
    error: 'expected tiers in increasing up_to_tb order',
  });

export const egressSchema = z.strictObject({
  /** true: allowances of all the provider's hosts add up (DigitalOcean); false: only the hosts that send count. */
  pooled_allowance: z.boolean(),
  /** Free outbound GB per month for the whole account (AWS 100 GB). */
  free_gb: usd('a volume in GB').default(0),
  tiers,
  note: z.string().optional(),
  source: url.optional(),
});

export const cdnEntrySchema = z.strictObject({
  type: z.string().min(1),
  base_usd_per_month: usd(),
  included_gb: usd('a volume in GB').default(0),
  tiers,
  usd_per_10k_requests: usd('a price per 10,000 requests').optional(),
  free_requests_per_month: usd('a number of requests').optional(),
  note: z.string().optional(),
  source: url.optional(),
});

export const backupPolicySchema = z
  .strictObject({
    percent_of_price: z.number().gte(0).lte(100).optional(),
    usd_per_gb_month: usd('a price per GB-month').optional(),
    applies_to: z.literal('compute'),
    note: z.string(),
    source: url.optional(),
  })
  .refine((b) => (b.percent_of_price === undefined) !== (b.usd_per_gb_month === undefined), {
    error: 'expected exactly one of percent_of_price or usd_per_gb_month',
  });

export const blockStorageSchema = z.strictObject({
  type: z.string().min(1),
  usd_per_gb_month: usd('a price per GB-month'),
  default_gb: positiveNumber('a volume size in GB'),
  note: z.string().optional(),
  source: url.optional(),
});

export const hostAddonSchema = z.strictObject({
  item: z.string().min(1),
  usd_per_month: usd(),
  list_price: listPriceSchema.optional(),
  applies_to: z.literal('compute'),
});

const CENT = 0.005 + 1e-9;

export const pricingCatalogSchema = z
  .strictObject({
    provider: z.string().regex(/^[a-z0-9-]+$/, { error: 'expected a lower-case provider id' }),
    currency: z.literal('USD'),
    /** When the prices were read: "YYYY-MM" or "YYYY-MM-DD". */
    retrieved: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, { error: 'expected a date "YYYY-MM" or "YYYY-MM-DD"' }),
    source: url,
    note: z.string().min(20, { error: 'expected a note on how the prices were entered and when to refresh them' }),
    region: z.string().optional(),
    exchange_rate: z
      .strictObject({ currency: z.string().regex(/^[A-Z]{3}$/), usd_per_unit: positiveNumber('a rate'), date: z.string(), note: z.string().optional() })
      .optional(),
    setup_amortisation_months: z.number().int().gte(1).default(12),
    compute: z.array(computeEntrySchema).min(1),
    managed_databases: z.array(managedDatabaseEntrySchema).default([]),
    managed_databases_source: url.optional(),
    managed_databases_default_storage_gb: positiveNumber('a storage size in GB').default(20),
    managed_caches: z.array(managedCacheEntrySchema).default([]),
    managed_caches_source: url.optional(),
    load_balancers: z.array(loadBalancerEntrySchema).default([]),
    egress: egressSchema,
    cdn: cdnEntrySchema.optional(),
    backups: backupPolicySchema.optional(),
    block_storage: blockStorageSchema.optional(),
    per_host_addons: z.array(hostAddonSchema).default([]),
  })
  .superRefine((c, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const unique = (section: string, keys: string[]) => {
      const seen = new Set<string>();
      keys.forEach((k, i) => {
        if (seen.has(k)) issue([section, i, 'type'], `expected a unique type, "${k}" appears twice`);
        seen.add(k);
      });
    };
    unique('compute', c.compute.map((e) => e.type));
    unique('managed_databases', c.managed_databases.map((e) => `${e.type} (${e.engine})`));
    unique('managed_caches', c.managed_caches.map((e) => e.type));
    unique('load_balancers', c.load_balancers.map((e) => e.type));
    // The stated monthly price must follow from the stated hourly or foreign list price.
    const consistent = (section: string, entries: { usd_per_month: number; hourly_usd?: number; list_price?: z.infer<typeof listPriceSchema> }[]) =>
      entries.forEach((e, i) => {
        if (e.hourly_usd !== undefined && Math.abs(e.hourly_usd * HOURS_PER_MONTH - e.usd_per_month) > CENT) {
          issue([section, i, 'usd_per_month'], `expected hourly_usd × ${HOURS_PER_MONTH} = ${(e.hourly_usd * HOURS_PER_MONTH).toFixed(2)}, got ${e.usd_per_month}`);
        }
        if (e.list_price && e.list_price.currency !== 'USD') {
          const rate = c.exchange_rate;
          if (!rate || rate.currency !== e.list_price.currency) issue([section, i, 'list_price'], `expected an exchange_rate for ${e.list_price.currency} at the top of the catalog`);
          else if (Math.abs(e.list_price.amount * rate.usd_per_unit - e.usd_per_month) > CENT) {
            issue([section, i, 'usd_per_month'], `expected ${e.list_price.amount} ${e.list_price.currency} × ${rate.usd_per_unit} = ${(e.list_price.amount * rate.usd_per_unit).toFixed(2)}, got ${e.usd_per_month}`);
          }
        }
      });
    consistent('compute', c.compute);
    consistent('managed_databases', c.managed_databases);
    consistent('managed_caches', c.managed_caches);
    consistent('load_balancers', c.load_balancers);
    consistent('per_host_addons', c.per_host_addons);
  });

export type PricingCatalog = z.infer<typeof pricingCatalogSchema>;
export type PricingCatalogInput = z.input<typeof pricingCatalogSchema>;
export type ComputeEntry = z.infer<typeof computeEntrySchema>;
export type ManagedDatabaseEntry = z.infer<typeof managedDatabaseEntrySchema>;
export type ManagedCacheEntry = z.infer<typeof managedCacheEntrySchema>;
export type LoadBalancerEntry = z.infer<typeof loadBalancerEntrySchema>;
export type PriceTier = z.infer<typeof priceTierSchema>;
export type CdnEntry = z.infer<typeof cdnEntrySchema>;
