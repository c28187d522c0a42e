// The shape of a monthly cost: line items that each name their quantity, unit price and source, and the totals.
// Items that scale with the capacity bought (hosts, volumes, backups, a load balancer's hourly fee) are kept apart
// from items that scale with traffic (bandwidth, CDN, load-balancer capacity units) so headroom can be priced.

export type CostKind = 'host' | 'storage' | 'addon' | 'setup' | 'backup' | 'load_balancer' | 'bandwidth' | 'cdn';

export interface CostLineItem {
  kind: CostKind;
  item: string;
  quantity: number;
  /** What one unit of quantity is: "month", "GB", "LCU-hour", "USD of host price", … */
  unit: string;
  unit_usd: number;
  usd_per_month: number;
  /** Catalog provider, date and page the price comes from. */
  source: string;
  /** 'capacity': buys the capacity the simulation uses (hosts, volumes, backups, LB hours); 'usage': grows with the
   *  traffic or is a flat fee that buys no capacity (bandwidth, CDN, LB capacity units). */
  scales_with: 'capacity' | 'usage';
  /** The host this item belongs to, when it belongs to one. */
  host?: string;
  /** How the entry was chosen or the quantity computed. */
  note?: string;
}

/** Client traffic the cost is computed for (a simulation result, or an offered load). */
export interface CostUsage {
  /** Requests per second clients make and get answered, including those the CDN answers. */
  throughput_rps?: number;
  /** Response bytes per second sent to clients, including those the CDN serves. */
  egress_bytes_per_s?: number;
  /** Share of those bytes served at the CDN edge; omitted = estimated from the request mix and the CDN hit ratio. */
  cdn_byte_share?: number;
  /** Where the figures come from, shown to the user (e.g. "simulated", "offered open load"). */
  basis?: string;
}

export interface CostBreakdown {
  scenario: string;
  items: CostLineItem[];
  subtotals: Partial<Record<CostKind, number>>;
  capacity_usd_per_month: number;
  usage_usd_per_month: number;
  total_usd_per_month: number;
  usage: CostUsage;
  /** The catalogs used, each with its date and source. */
  catalogs: { provider: string; retrieved: string; source: string }[];
  /** Rules and figures the numbers rest on. */
  assumptions: string[];
  /** Mismatches between the simulated hosts and what was priced. */
  warnings: string[];
}

export const round2 = (x: number): number => Math.round((x + Number.EPSILON) * 100) / 100;
