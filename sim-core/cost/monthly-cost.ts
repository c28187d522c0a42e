// Monthly cost of a web-stack scenario from pricing catalogs (passed in as data): every host, the load balancer
// it needs, outbound transfer and the CDN at the given client traffic, backups; line items and totals.

import type { WebStackScenario } from '../web-stack/schema';
import { bandwidthItem } from './bandwidth';
import { cdnItems, pickCdnCatalog } from './cdn-cost';
import { cdnShare } from './cdn-share';
import { round2, type CostBreakdown, type CostKind, type CostLineItem, type CostUsage } from './cost-breakdown';
import { hostItems, hostWarnings } from './host-items';
import { loadBalancerItems, type LoadBalancerMode } from './load-balancer';
import { SECONDS_PER_MONTH, type PricingCatalog } from './pricing-schema';
import { resolveHosts, scenarioProvider } from './resolve-hosts';

export interface CostOptions {
  /** Add the provider's backups for servers (default true: production stacks keep backups). */
  backups?: boolean;
  /** 'auto' (default): a load balancer when there is more than one app instance or nginx sits on its own host. */
  load_balancer?: LoadBalancerMode;
}

export function monthlyCost(s: WebStackScenario, catalogs: PricingCatalog[], usage: CostUsage = {}, options: CostOptions = {}): CostBreakdown {
  const backups = options.backups ?? true;
  const assumptions: string[] = [`a month is 730 h = ${SECONDS_PER_MONTH} s; GB = 10^9 bytes, TB = 1000 GB`];
  const priced = resolveHosts(s, catalogs);
  const home = scenarioProvider(s);
  assumptions.push(home ? `hosts without an instance are matched in the ${home} catalog (the provider the scenario's instances name)` : 'hosts without an instance are matched across all catalogs');

  const items: CostLineItem[] = priced.flatMap((p) => hostItems(p, { backups }));
  const warnings = priced.flatMap(hostWarnings);
  if (backups) assumptions.push('backups on for servers, by each provider\'s rule; managed databases include their backups');

  // Responses leave from nginx's host, else from the app instances' hosts; that host's provider bills transfer.
  const front = new Set(s.nginx ? [s.nginx.host] : s.app.instances.map((i) => i.host));
  const frontHost = priced.find((p) => front.has(p.host.name))!;
  const frontCatalog = frontHost.catalog;

  // What the CDN answers never reaches the origin: the load balancer and the origin's transfer see the rest.
  const share = cdnShare(s);
  const edgeByteShare = s.cdn ? (usage.cdn_byte_share ?? share.bytes) : 0;
  const egress = usage.egress_bytes_per_s;
  const origin = {
    egress_bytes_per_s: egress === undefined ? undefined : egress * (1 - edgeByteShare),
    throughput_rps: usage.throughput_rps === undefined ? undefined : usage.throughput_rps * (1 - share.requests),
  };
  const lbMode = options.load_balancer ?? 'auto';
  items.push(...loadBalancerItems(s, frontCatalog, origin, lbMode, assumptions));
  if (lbMode === 'auto') assumptions.push('load balancer: the provider\'s, when there is more than one app instance or nginx has a host of its own (even though nginx could balance; options.load_balancer = "never" drops it)');
  items.push(bandwidthItem({ catalog: frontCatalog, origin_bytes_per_s: origin.egress_bytes_per_s, hosts: priced, front }));

  if (s.cdn) {
    const cdnCatalog = pickCdnCatalog(frontCatalog, catalogs);
    const how = usage.cdn_byte_share !== undefined ? `cdn_byte_share ${usage.cdn_byte_share} given` : `${(share.bytes * 100).toFixed(1)}% of bytes, ${(share.requests * 100).toFixed(1)}% of requests at the edge (cdn.hit_ratio × the covered classes' share and response size)`;
    if (!cdnCatalog) assumptions.push('cdn: no catalog sells a CDN; not priced');
    else {
      if (cdnCatalog !== frontCatalog) assumptions.push(`cdn: ${frontCatalog.provider} sells none, priced at ${cdnCatalog.provider}`);
      const edgeRps = usage.throughput_rps === undefined ? undefined : usage.throughput_rps * share.requests;
      items.push(...cdnItems(cdnCatalog, egress === undefined ? undefined : egress * edgeByteShare, edgeRps, how));
    }
  }

  const subtotals: Partial<Record<CostKind, number>> = {};
  for (const it of items) subtotals[it.kind] = round2((subtotals[it.kind] ?? 0) + it.usd_per_month);
  const sum = (pred: (i: CostLineItem) => boolean) => round2(items.filter(pred).reduce((a, i) => a + i.usd_per_month, 0));
  const used = new Set(priced.map((p) => p.catalog.provider));
  for (const it of items) used.add(it.source.split(' ')[0]);
  return {
    scenario: s.name,
    items,
    subtotals,
    capacity_usd_per_month: sum((i) => i.scales_with === 'capacity'),
    usage_usd_per_month: sum((i) => i.scales_with === 'usage'),
    total_usd_per_month: sum(() => true),
    usage: { ...usage, basis: usage.basis ?? (egress === undefined && usage.throughput_rps === undefined ? 'no traffic given' : 'given') },
    catalogs: catalogs.filter((c) => used.has(c.provider)).map((c) => ({ provider: c.provider, retrieved: c.retrieved, source: c.source })),
    assumptions,
    warnings,
  };
}
