// Line items a priced host brings: the instance or managed plan, the network volume or database storage it needs,
// per-host add-ons (a paid IPv4), an amortised setup fee, and backups by the provider's stated rule.

import type { CostLineItem } from './cost-breakdown';
import { round2 } from './cost-breakdown';
import { sourceOf } from './catalog-source';
import type { PricedHost } from './resolve-hosts';

function item(p: PricedHost, fields: Omit<CostLineItem, 'usd_per_month' | 'scales_with' | 'host'>): CostLineItem {
  return { ...fields, usd_per_month: round2(fields.quantity * fields.unit_usd), scales_with: 'capacity', host: p.host.name };
}

export function hostItems(p: PricedHost, opts: { backups: boolean }): CostLineItem[] {
  const c = p.catalog;
  const out: CostLineItem[] = [];
  const name = p.host.name;
  if (p.kind === 'compute') {
    const e = p.entry;
    out.push(item(p, {
      kind: 'host',
      item: `${name}: ${c.provider} ${e.type} (${e.vcpus} vCPU, ${e.ram_gb} GB${e.disk_gb > 0 ? `, ${e.disk_gb} GB ${e.disk_type}` : ''})`,
      quantity: 1, unit: 'month', unit_usd: e.usd_per_month,
      source: sourceOf(c, e.source),
      note: p.match ?? `hosts[${p.index}].instance`,
    }));
    if (e.disk_gb === 0 && c.block_storage) {
      const gb = p.host.disk.size_gb ?? c.block_storage.default_gb;
      out.push(item(p, {
        kind: 'storage', item: `${name}: ${c.block_storage.type} volume`, quantity: gb, unit: 'GB-month', unit_usd: c.block_storage.usd_per_gb_month,
        source: sourceOf(c, c.block_storage.source),
        note: p.host.disk.size_gb !== undefined ? `hosts[${p.index}].disk.size_gb` : `disk.size_gb not given: catalog default ${c.block_storage.default_gb} GB`,
      }));
    }
    for (const a of c.per_host_addons) {
      out.push(item(p, { kind: 'addon', item: `${name}: ${a.item}`, quantity: 1, unit: 'month', unit_usd: a.usd_per_month, source: sourceOf(c) }));
    }
    if (e.setup_fee_usd) {
      const months = c.setup_amortisation_months;
      out.push(item(p, {
        kind: 'setup', item: `${name}: setup fee ${e.setup_fee_usd.toFixed(2)} USD amortised over ${months} months`,
        quantity: 1 / months, unit: 'one-time fee', unit_usd: e.setup_fee_usd, source: sourceOf(c, e.source),
      }));
    }
    if (opts.backups && c.backups) {
      const b = c.backups;
      if (b.percent_of_price !== undefined) {
        out.push(item(p, {
          kind: 'backup', item: `${name}: backups (${b.percent_of_price}% of the ${e.type} price)`,
          quantity: e.usd_per_month, unit: 'USD of instance price', unit_usd: b.percent_of_price / 100, source: sourceOf(c, b.source), note: b.note,
        }));
      } else if (b.usd_per_gb_month !== undefined) {
        const gb = p.host.disk.size_gb ?? (e.disk_gb || c.block_storage?.default_gb || 0);
        out.push(item(p, {
          kind: 'backup', item: `${name}: backups (snapshots of ${gb} GB)`,
          quantity: gb, unit: 'GB-month', unit_usd: b.usd_per_gb_month, source: sourceOf(c, b.source), note: b.note,
        }));
      }
    }
    return out;
  }
  const e = p.entry;
  const page = e.source ?? (p.kind === 'managed_database' ? c.managed_databases_source : c.managed_caches_source);
  const what = p.kind === 'managed_database' ? `managed ${p.entry.engine}` : `managed ${p.entry.engine}`;
  out.push(item(p, {
    kind: 'host', item: `${name}: ${c.provider} ${what} ${e.type} (${e.vcpus} vCPU, ${e.ram_gb} GB${e.nodes > 1 ? `, ${e.nodes} nodes` : ''})`,
    quantity: 1, unit: 'month', unit_usd: e.usd_per_month, source: sourceOf(c, page), note: `hosts[${p.index}].instance`,
  }));
  if (p.kind === 'managed_database' && p.entry.storage_usd_per_gb_month !== undefined) {
    const gb = p.host.disk.size_gb ?? c.managed_databases_default_storage_gb;
    out.push(item(p, {
      kind: 'storage', item: `${name}: database storage`, quantity: gb, unit: 'GB-month', unit_usd: p.entry.storage_usd_per_gb_month,
      source: sourceOf(c, page),
      note: p.host.disk.size_gb !== undefined ? `hosts[${p.index}].disk.size_gb` : `disk.size_gb not given: catalog default ${c.managed_databases_default_storage_gb} GB`,
    }));
  }
  return out;
}

/** Where the simulated host asks for more than the priced entry gives. */
export function hostWarnings(p: PricedHost): string[] {
  const w: string[] = [];
  const e = p.entry;
  const label = `hosts[${p.index}] "${p.host.name}"`;
  if (p.host.vcpus > e.vcpus) w.push(`${label} is simulated with ${p.host.vcpus} vCPUs but priced as ${e.type} with ${e.vcpus}`);
  if (p.host.ram > e.ram_gb * 1024 + 1e-6) w.push(`${label} is simulated with ${+(p.host.ram / 1024).toFixed(2)} GB RAM but priced as ${e.type} with ${e.ram_gb} GB`);
  if (p.kind === 'compute' && p.entry.disk_gb > 0 && p.host.disk.size_gb !== undefined && p.host.disk.size_gb > p.entry.disk_gb) {
    w.push(`${label} is simulated with a ${p.host.disk.size_gb} GB disk but ${e.type} includes ${p.entry.disk_gb} GB (a volume would be extra)`);
  }
  return w;
}
