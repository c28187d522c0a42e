// The recommended deployment as the scenario states it: each host (size, disk, network, the instance priced for
// it) with the processes placed on it, and one line per component with the settings that decide capacity.

import type { CostBreakdown } from '../cost/cost-breakdown';
import type { WebStackScenario } from '../web-stack/schema/web-stack-schema';
import { count, mb, num } from './format';
import type { DeploymentComponent, DeploymentHost } from './report-model';

const DISK = { nvme: 'NVMe', ssd: 'SSD', hdd: 'HDD', network: 'network volume' } as const;

export function deploymentComponents(s: WebStackScenario): DeploymentComponent[] {
  const out: DeploymentComponent[] = [];
  if (s.cdn) out.push({ component: 'CDN', host: 'edge', settings: `hit ratio ${num(s.cdn.hit_ratio * 100)} % for ${s.cdn.classes.join(', ')}` });
  const n = s.nginx;
  if (n) {
    const parts = [`worker_processes ${n.worker_processes}`, `worker_connections ${count(n.worker_connections)}`, `upstream ${n.upstream_method}`];
    if (n.upstream_keepalive) parts.push(`keepalive ${n.upstream_keepalive}`);
    for (const l of n.limit_req) parts.push(`limit_req ${l.zone} ${num(l.rate_per_s)} r/s burst ${l.burst}`);
    if (n.proxy_cache) parts.push(`proxy_cache ${n.proxy_cache.classes.join(', ')} (hit ${num(n.proxy_cache.hit_ratio * 100)} %)`);
    out.push({ component: 'nginx', host: n.host, settings: parts.join(', ') });
  }
  const a = s.app;
  const per =
    a.worker_class === 'gevent' ? `${count(a.workers)} gevent workers × ${count(a.worker_connections)} connections`
    : a.worker_class === 'gthread' ? `${count(a.workers)} gthread workers × ${count(a.threads)} threads`
    : a.server === 'uvicorn' ? `${count(a.workers)} workers${a.limit_concurrency ? `, --limit-concurrency ${count(a.limit_concurrency)}` : ''}`
    : `${count(a.workers)} ${a.worker_class} workers`;
  const db =
    a.db_access === 'sqlalchemy' && a.sqlalchemy ? `SQLAlchemy pool_size ${a.sqlalchemy.pool_size} + max_overflow ${a.sqlalchemy.max_overflow}`
    : a.db_access === 'django' && a.django ? `Django CONN_MAX_AGE ${a.django.conn_max_age ?? 'None'}`
    : a.db_access === 'mongodb' && a.mongodb ? `MongoDB maxPoolSize ${a.mongodb.maxPoolSize}`
    : 'no database';
  const hosts = [...new Set(a.instances.map((i) => i.host))];
  out.push({
    component: `${a.server === 'uvicorn' ? 'Uvicorn' : 'Gunicorn'} × ${a.instances.length} instance${a.instances.length > 1 ? 's' : ''}`,
    host: hosts.join(', '),
    settings: `${per}, timeout ${num(a.timeout)} s, ${mb(a.memory_per_worker)} per worker; ${db}`,
  });
  if (s.pgbouncer) {
    const p = s.pgbouncer;
    out.push({ component: 'PgBouncer', host: p.host, settings: `${p.pool_mode} mode, default_pool_size ${p.default_pool_size}, max_client_conn ${count(p.max_client_conn)}` });
  }
  if (s.database) {
    const d = s.database;
    const engine = { postgresql: 'PostgreSQL', mysql: 'MySQL', mongodb: 'MongoDB' }[d.engine as 'postgresql'] ?? d.engine;
    const parts = [`max_connections ${count(d.max_connections)}`, `shared_buffers ${mb(d.shared_buffers)}`, `work_mem ${mb(d.work_mem)}`, `working set ${mb(d.working_set)}`];
    if (d.replicas.length) parts.push(`${d.replicas.length} read replica(s) on ${d.replicas.map((r) => r.host).join(', ')}`);
    out.push({ component: `${engine}${d.version ? ` ${d.version}` : ''}`, host: d.host, settings: parts.join(', ') });
  }
  if (s.redis) {
    const r = s.redis;
    const parts = [r.maxmemory !== undefined ? `maxmemory ${mb(r.maxmemory)} ${r.maxmemory_policy}` : 'no maxmemory', `maxclients ${count(r.maxclients)}`];
    if (r.shards > 1) parts.unshift(`${r.shards} shards`);
    out.push({ component: 'Redis', host: r.host, settings: parts.join(', ') });
  }
  if (s.celery) out.push({ component: 'Celery', host: s.celery.host, settings: `${s.celery.workers} workers × concurrency ${s.celery.concurrency}, ${mb(s.celery.memory_per_worker)} each` });
  return out;
}

export function deploymentHosts(s: WebStackScenario, cost: CostBreakdown): DeploymentHost[] {
  const components = deploymentComponents(s);
  return s.hosts.map((h) => {
    const items = cost.items.filter((i) => i.host === h.name);
    const hostItem = items.find((i) => i.kind === 'host');
    const instance = h.instance ? `${h.instance.provider} ${h.instance.type}` : hostItem ? `${hostItem.item} (matched by the catalog)` : '–';
    const runs = components.filter((c) => c.host.split(', ').includes(h.name)).map((c) => c.component);
    return {
      name: h.name,
      vcpus: h.vcpus,
      ram: mb(h.ram),
      disk: `${h.disk.size_gb !== undefined ? `${count(h.disk.size_gb)} GB ` : ''}${DISK[h.disk.type]}`,
      nic: `${num(h.nic_gbps)} Gbit/s`,
      instance,
      usd_per_month: items.reduce((sum, i) => sum + i.usd_per_month, 0),
      runs,
    };
  });
}
