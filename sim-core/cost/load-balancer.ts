// The provider's load balancer, when the scenario needs one: more than one app instance and no nginx in front
// (nginx's upstream block already balances over the instances, so a cloud balancer would be paid twice). Priced at the front host's provider (a provider selling none adds no line: nginx or
// the app balances). AWS-style capacity units (LCU) are charged on the larger of processed GB per hour and new
// connections per second, with new connections = throughput / requests_per_connection (a stated assumption).

import type { WebStackScenario } from '../web-stack/schema';
import type { CostLineItem } from './cost-breakdown';
import { round2 } from './cost-breakdown';
import { sourceOf } from './catalog-source';
import { HOURS_PER_MONTH, type PricingCatalog } from './pricing-schema';

export type LoadBalancerMode = 'auto' | 'always' | 'never';

export function loadBalancerReason(s: WebStackScenario): string | undefined {
  const instances = s.app.instances.length;
  if (instances > 1 && !s.nginx) return `${instances} app instances and no nginx in front to balance them`;
  return undefined;
}

export function loadBalancerItems(
  s: WebStackScenario,
  catalog: PricingCatalog,
  usage: { throughput_rps?: number; egress_bytes_per_s?: number },
  mode: LoadBalancerMode,
  assumptions: string[],
): CostLineItem[] {
  const reason = mode === 'always' ? 'asked for' : mode === 'never' ? undefined : loadBalancerReason(s);
  if (!reason) return [];
  const lb = catalog.load_balancers[0];
  if (!lb) {
    assumptions.push(`load balancer: needed (${reason}) but ${catalog.provider} sells none; nginx/the app balances, no line added`);
    return [];
  }
  const items: CostLineItem[] = [
    {
      kind: 'load_balancer', item: `load balancer: ${catalog.provider} ${lb.type}`, quantity: 1, unit: 'month', unit_usd: lb.usd_per_month,
      usd_per_month: round2(lb.usd_per_month), source: sourceOf(catalog, lb.source), scales_with: 'capacity', note: reason,
    },
  ];
  if (lb.lcu) {
    const l = lb.lcu;
    let lcus = l.default_lcus;
    let note = `no traffic given: ${l.default_lcus} LCU assumed`;
    if (usage.throughput_rps !== undefined || usage.egress_bytes_per_s !== undefined) {
      const gbPerHour = ((usage.egress_bytes_per_s ?? 0) * 3600) / 1e9 / l.processed_gb_per_hour;
      const conns = (usage.throughput_rps ?? 0) / l.requests_per_connection / l.new_connections_per_s;
      lcus = Math.max(gbPerHour, conns);
      note = `max(${gbPerHour.toFixed(3)} LCU by processed bytes, ${conns.toFixed(3)} LCU by new connections at ${l.requests_per_connection} requests per connection)`;
    }
    const hours = lcus * HOURS_PER_MONTH;
    items.push({
      kind: 'load_balancer', item: `load balancer: ${lb.type} capacity units (${lcus.toFixed(3)} LCU)`, quantity: hours, unit: 'LCU-hour',
      unit_usd: l.usd_per_lcu_hour, usd_per_month: round2(hours * l.usd_per_lcu_hour), source: sourceOf(catalog, lb.source), scales_with: 'usage', note,
    });
  }
  return items;
}
