// Which catalog entry prices each host. A host naming `instance: { provider, type }` gets that entry (a droplet or
// EC2 size, or a managed database / cache plan when the host holds only the database / Redis). A host without one
// gets the cheapest compute entry with at least its vCPUs and RAM, in the scenario's provider when all hosts that
// name an instance name the same provider, else in every catalog; burstable instances are never picked for it
// (sustained load would run out of CPU credits). "Cheapest" compares the effective monthly price: instance +
// amortised setup fee + the network volume it needs + per-host add-ons such as a paid IPv4 address.

import type { HostSpec, WebStackScenario } from '../web-stack/schema';
import { ScenarioError, type ScenarioIssue } from '../schema/schema-errors';
import type { ComputeEntry, ManagedCacheEntry, ManagedDatabaseEntry, PricingCatalog } from './pricing-schema';

export type HostRole = 'nginx' | 'app' | 'pgbouncer' | 'database' | 'redis' | 'celery';

export type PricedHost =
  | { host: HostSpec; index: number; roles: HostRole[]; catalog: PricingCatalog; kind: 'compute'; entry: ComputeEntry; match?: string }
  | { host: HostSpec; index: number; roles: HostRole[]; catalog: PricingCatalog; kind: 'managed_database'; entry: ManagedDatabaseEntry }
  | { host: HostSpec; index: number; roles: HostRole[]; catalog: PricingCatalog; kind: 'managed_cache'; entry: ManagedCacheEntry };

export function hostRoles(s: WebStackScenario, name: string): HostRole[] {
  const roles: HostRole[] = [];
  if (s.nginx?.host === name) roles.push('nginx');
  if (s.app.instances.some((i) => i.host === name)) roles.push('app');
  if (s.pgbouncer?.host === name) roles.push('pgbouncer');
  if (s.database && (s.database.host === name || s.database.replicas.some((r) => r.host === name))) roles.push('database');
  if (s.redis?.host === name) roles.push('redis');
  if (s.celery?.host === name) roles.push('celery');
  return roles;
}

/** The one provider every host naming an instance names, or undefined (none name one, or they differ). */
export function scenarioProvider(s: WebStackScenario): string | undefined {
  const providers = new Set(s.hosts.flatMap((h) => (h.instance ? [h.instance.provider] : [])));
  return providers.size === 1 ? [...providers][0] : undefined;
}

/** A compute entry's monthly price with what a host of that type cannot do without. */
export function effectiveComputeUsd(entry: ComputeEntry, catalog: PricingCatalog, host: HostSpec): number {
  const setup = (entry.setup_fee_usd ?? 0) / catalog.setup_amortisation_months;
  const volume = entry.disk_gb === 0 && catalog.block_storage ? catalog.block_storage.usd_per_gb_month * (host.disk.size_gb ?? catalog.block_storage.default_gb) : 0;
  const addons = catalog.per_host_addons.reduce((sum, a) => sum + a.usd_per_month, 0);
  return entry.usd_per_month + setup + volume + addons;
}

function list(items: string[], max = 40): string {
  return items.length > max ? `${items.slice(0, max).join(', ')}, … (${items.length} in all)` : items.join(', ');
}

export function resolveHosts(s: WebStackScenario, catalogs: readonly PricingCatalog[]): PricedHost[] {
  const issues: ScenarioIssue[] = [];
  const byProvider = new Map(catalogs.map((c) => [c.provider, c]));
  const home = scenarioProvider(s);
  const out: PricedHost[] = [];

  s.hosts.forEach((host, index) => {
    const roles = hostRoles(s, host.name);
    const path = `hosts[${index}].instance`;
    if (host.instance) {
      const catalog = byProvider.get(host.instance.provider);
      if (!catalog) {
        issues.push({ path: `${path}.provider`, message: `expected one of the pricing catalogs (${[...byProvider.keys()].join(', ')}), got "${host.instance.provider}"` });
        return;
      }
      const type = host.instance.type;
      const onlyRole = (r: HostRole) => roles.length === 1 && roles[0] === r;
      const engine = s.database?.engine;
      const db = catalog.managed_databases.find((e) => e.type === type && e.engine === engine);
      const cache = catalog.managed_caches.find((e) => e.type === type);
      const compute = catalog.compute.find((e) => e.type === type);
      if (roles.includes('database') && db) {
        if (!onlyRole('database')) issues.push({ path: `${path}.type`, message: `expected a server type: "${type}" is a managed ${engine} plan, but host "${host.name}" also runs ${roles.filter((r) => r !== 'database').join(', ')}` });
        else out.push({ host, index, roles, catalog, kind: 'managed_database', entry: db });
        return;
      }
      if (roles.includes('redis') && cache) {
        if (!onlyRole('redis')) issues.push({ path: `${path}.type`, message: `expected a server type: "${type}" is a managed cache plan, but host "${host.name}" also runs ${roles.filter((r) => r !== 'redis').join(', ')}` });
        else out.push({ host, index, roles, catalog, kind: 'managed_cache', entry: cache });
        return;
      }
      if (compute) {
        out.push({ host, index, roles, catalog, kind: 'compute', entry: compute });
        return;
      }
      const otherEngine = catalog.managed_databases.find((e) => e.type === type);
      const why = otherEngine
        ? roles.includes('database')
          ? ` ("${type}" is priced for ${catalog.managed_databases.filter((e) => e.type === type).map((e) => e.engine).join('/')}, the scenario's database is ${engine})`
          : ` ("${type}" is a managed database plan; host "${host.name}" holds no database)`
        : cache
          ? ` ("${type}" is a managed cache plan; host "${host.name}" holds no Redis)`
          : '';
      const available = [
        ...catalog.compute.map((e) => e.type),
        ...(roles.includes('database') && onlyRole('database') ? catalog.managed_databases.filter((e) => e.engine === engine).map((e) => e.type) : []),
        ...(onlyRole('redis') ? catalog.managed_caches.map((e) => e.type) : []),
      ];
      issues.push({ path: `${path}.type`, message: `expected one of the ${catalog.provider} types (${list(available)}), got "${type}"${why}` });
      return;
    }
    // No instance named: the cheapest fit.
    const pool = home && byProvider.has(home) ? [byProvider.get(home)!] : [...catalogs];
    let best: { catalog: PricingCatalog; entry: ComputeEntry; usd: number } | undefined;
    for (const catalog of pool) {
      for (const entry of catalog.compute) {
        if (entry.cpu === 'burstable' || entry.vcpus < host.vcpus || entry.ram_gb * 1024 < host.ram) continue;
        const usd = effectiveComputeUsd(entry, catalog, host);
        const better =
          !best || usd < best.usd - 1e-9 || (Math.abs(usd - best.usd) <= 1e-9 && (entry.ram_gb > best.entry.ram_gb || (entry.ram_gb === best.entry.ram_gb && entry.type < best.entry.type)));
        if (better) best = { catalog, entry, usd };
      }
    }
    const where = pool.length === 1 ? `the ${pool[0].provider} catalog` : `all catalogs (${pool.map((c) => c.provider).join(', ')})`;
    if (!best) {
      issues.push({ path: `hosts[${index}]`, message: `expected a host that some catalog sells: no non-burstable entry in ${where} has ≥ ${host.vcpus} vCPUs and ≥ ${+(host.ram / 1024).toFixed(2)} GB RAM` });
      return;
    }
    const match =
      `cheapest in ${where} with ≥ ${host.vcpus} vCPUs and ≥ ${+(host.ram / 1024).toFixed(2)} GB RAM (burstable excluded): ` +
      `${best.catalog.provider} ${best.entry.type} (${best.entry.vcpus} vCPU, ${best.entry.ram_gb} GB, $${best.usd.toFixed(2)}/month effective)`;
    out.push({ host, index, roles, catalog: best.catalog, kind: 'compute', entry: best.entry, match });
  });
  if (issues.length > 0) throw new ScenarioError(issues);
  return out;
}
