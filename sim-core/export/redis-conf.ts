// redis.conf: maxmemory and its policy, maxclients, bind, port and persistence as the scenario implies (a pure
// cache with an allkeys-* policy keeps nothing on disk; data that must not be evicted is persisted).
// Redis takes no trailing comments: each comment sits on the line above.

import type { ExportContext } from './context';
import { FILE, header, memText, num } from './format';
import { formatMemory } from '../web-stack/schema/memory-size';

export function redisIsCache(ctx: ExportContext): boolean {
  return ctx.s.redis!.maxmemory_policy.startsWith('allkeys-');
}

export function redisConf(ctx: ExportContext): string {
  const r = ctx.s.redis!;
  const app = ctx.s.app;
  const out: string[] = [];
  const set = (line: string, ...why: string[]) => out.push(...why.map((w) => `# ${w}`), line);
  const clientHosts = [...app.instances.map((i) => i.host), ...(ctx.s.celery ? [ctx.s.celery.host] : [])];
  const local = ctx.target === 'bare' && clientHosts.every((h) => h === r.host);

  set(`bind ${local ? '127.0.0.1 -::1' : '0.0.0.0'}`, local ? 'every client is on this host' : 'clients on other hosts/containers: firewall the port; set requirepass or ACLs outside this export (no secrets here)');
  set('protected-mode yes', 'Redis default');
  set('port 6379', 'Redis default');
  set('tcp-backlog 511', 'Redis default (capped by net.core.somaxconn)');
  set('timeout 0', 'Redis default: idle clients are kept (the app pools its connections)');
  set('tcp-keepalive 300', 'Redis default');
  out.push('');
  const clients = app.instances.length * app.workers * app.redis_max_connections;
  set(`maxclients ${r.maxclients}`, `scenario redis.maxclients; the app tier may open ${num(clients)} (${app.instances.length} instances × ${app.workers} workers × redis_max_connections ${app.redis_max_connections})`);
  if (r.maxmemory !== undefined) {
    set(`maxmemory ${formatMemory(r.maxmemory, 'redis')}`, `scenario redis.maxmemory, per shard (simulated hit ratio${r.cache_working_set ? ` against a cache working set of ${memText(r.cache_working_set)}` : ''})`);
  } else {
    out.push('# maxmemory: not set in the scenario (no limit, as simulated)');
  }
  set(`maxmemory-policy ${r.maxmemory_policy}`, 'scenario redis.maxmemory_policy');
  set('maxmemory-samples 5', 'Redis default');
  out.push('');
  if (redisIsCache(ctx)) {
    set('save ""', `policy ${r.maxmemory_policy}: a cache that may lose any key, so no RDB snapshots`);
    set('appendonly no', 'idem: no append-only file');
  } else {
    set('save 3600 1 300 100 60 10000', `policy ${r.maxmemory_policy}: keys must not be lost (sessions, locks, queues): Redis 7 default snapshots`);
    set('appendonly yes', 'idem: append-only file, fsync every second');
    set('appendfsync everysec', 'Redis default for AOF');
  }
  set(`dir ${ctx.target === 'bare' ? '/var/lib/redis' : '/data'}`, ctx.target === 'bare' ? 'Debian default' : 'the official image\'s volume');
  if (r.shards > 1) {
    out.push('');
    set('cluster-enabled yes', `scenario redis.shards = ${r.shards}: each shard runs this file; create the cluster with redis-cli --cluster create`);
    set('cluster-config-file nodes.conf', 'written by Redis itself');
    set('cluster-node-timeout 15000', 'Redis default');
  }
  out.push('');
  return [...header(ctx, FILE.redis, 'redis.conf'), ...out].join('\n');
}
