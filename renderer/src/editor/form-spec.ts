// The editor's form as data: for a scenario draft, the sections and fields to show (path, label, unit, kind).
// Built from the draft so every host, instance, class and station gets its fields; the same list decides which
// validation issue is shown at which field.

import type { Scenario } from '../../../sim-core/index';
import { getAt, type PathKey } from '../scenarios/paths';

export type FieldKind = 'int' | 'number' | 'fraction' | 'text' | 'enum' | 'bool' | 'memory' | 'int-or-auto';

export interface FieldSpec {
  path: PathKey;
  label: string;
  kind: FieldKind;
  unit?: string;
  options?: readonly string[];
  hint?: string;
}

export interface FieldGroup {
  title?: string;
  fields: FieldSpec[];
}

export interface Section {
  id: string;
  title: string;
  /** Issues under this path prefix that match no field are shown at the section. */
  prefix: PathKey[];
  groups: FieldGroup[];
}

const f = (path: PathKey, label: string, kind: FieldKind, unit?: string, options?: readonly string[]): FieldSpec => ({ path, label, kind, unit, options });
const has = (draft: unknown, path: PathKey) => getAt(draft, path) !== undefined;
const arr = (draft: unknown, path: PathKey): unknown[] => {
  const v = getAt(draft, path);
  return Array.isArray(v) ? v : [];
};

/** A distribution's mean when the draft states one. */
function dist(draft: unknown, path: PathKey, label: string): FieldSpec[] {
  return has(draft, [...path, 'mean']) ? [f([...path, 'mean'], label, 'number', 'ms')] : [];
}

function webStackSections(draft: unknown, s: Scenario | null): Section[] {
  const hostNames = arr(draft, ['hosts']).map((h) => String((h as { name?: unknown }).name ?? ''));
  const hostField = (path: PathKey, label = 'Host') => f(path, label, 'enum', undefined, hostNames);
  const sections: Section[] = [];

  sections.push({
    id: 'hardware',
    title: 'Hardware',
    prefix: [['hosts']],
    groups: arr(draft, ['hosts']).map((_, i) => ({
      title: hostNames[i] || `Host ${i + 1}`,
      fields: [
        f(['hosts', i, 'name'], 'Name', 'text'),
        f(['hosts', i, 'vcpus'], 'vCPUs', 'int', 'vCPU'),
        f(['hosts', i, 'ram'], 'RAM', 'memory', 'MB or "8GB"'),
        f(['hosts', i, 'cpu_speed'], 'CPU speed', 'number', '× ref core'),
        f(['hosts', i, 'disk', 'type'], 'Disk', 'enum', undefined, ['nvme', 'ssd', 'hdd', 'network']),
        f(['hosts', i, 'nic_gbps'], 'NIC', 'number', 'Gbit/s'),
        f(['hosts', i, 'os_reserved'], 'OS reserved', 'memory', 'MB'),
        ...(has(draft, ['hosts', i, 'instance']) ? [f(['hosts', i, 'instance', 'provider'], 'Provider', 'text'), f(['hosts', i, 'instance', 'type'], 'Instance type', 'text')] : []),
      ],
    })),
  });

  if (has(draft, ['cdn'])) {
    sections.push({ id: 'cdn', title: 'CDN', prefix: [['cdn']], groups: [{ fields: [f(['cdn', 'hit_ratio'], 'Hit ratio', 'fraction', '0–1'), f(['cdn', 'edge_ms'], 'Edge latency', 'number', 'ms')] }] });
  }

  if (has(draft, ['nginx'])) {
    const groups: FieldGroup[] = [
      {
        fields: [
          hostField(['nginx', 'host']),
          f(['nginx', 'worker_processes'], 'worker_processes', 'int-or-auto'),
          f(['nginx', 'worker_connections'], 'worker_connections', 'int'),
          f(['nginx', 'keepalive_timeout_s'], 'keepalive_timeout', 'number', 's'),
          f(['nginx', 'upstream_method'], 'Upstream balancing', 'enum', undefined, ['round_robin', 'least_conn']),
          f(['nginx', 'upstream_keepalive'], 'Upstream keepalive', 'int', 'conns'),
          f(['nginx', 'proxy_read_timeout_s'], 'proxy_read_timeout', 'number', 's'),
          f(['nginx', 'gzip'], 'gzip', 'bool'),
          f(['nginx', 'cpu_ms_per_request'], 'CPU per request', 'number', 'ms'),
        ],
      },
      ...arr(draft, ['nginx', 'limit_req']).map((_, i) => ({
        title: `limit_req ${i + 1}`,
        fields: [f(['nginx', 'limit_req', i, 'rate_per_s'], 'Rate', 'number', 'req/s'), f(['nginx', 'limit_req', i, 'burst'], 'Burst', 'int', 'req')],
      })),
    ];
    if (has(draft, ['nginx', 'proxy_cache'])) groups.push({ title: 'proxy_cache', fields: [f(['nginx', 'proxy_cache', 'hit_ratio'], 'Hit ratio', 'fraction', '0–1')] });
    sections.push({ id: 'nginx', title: 'nginx', prefix: [['nginx']], groups });
  }

  const wc = String(getAt(draft, ['app', 'worker_class']) ?? '');
  const dbAccess = String(getAt(draft, ['app', 'db_access']) ?? '');
  sections.push({
    id: 'app',
    title: 'App server',
    prefix: [['app']],
    groups: [
      {
        fields: [
          f(['app', 'server'], 'Server', 'enum', undefined, ['gunicorn', 'uvicorn']),
          f(['app', 'worker_class'], 'Worker class', 'enum', undefined, ['sync', 'gthread', 'gevent', 'uvicorn']),
          f(['app', 'workers'], 'Workers per instance', 'int', 'processes'),
          ...(wc === 'gthread' ? [f(['app', 'threads'], 'Threads', 'int', 'per worker')] : []),
          ...(wc === 'gevent' ? [f(['app', 'worker_connections'], 'worker_connections', 'int', 'greenlets')] : []),
          ...(wc === 'uvicorn' ? [f(['app', 'limit_concurrency'], '--limit-concurrency', 'int', 'per worker')] : []),
          f(['app', 'backlog'], 'Backlog', 'int', 'conns'),
          f(['app', 'timeout'], 'Worker timeout', 'number', 's'),
          f(['app', 'memory_per_worker'], 'Memory per worker', 'memory', 'MB'),
          f(['app', 'db_access'], 'Database access', 'enum', undefined, ['sqlalchemy', 'django', 'mongodb', 'none']),
          f(['app', 'redis_max_connections'], 'Redis connections', 'int', 'per worker'),
        ],
      },
      { title: 'Placement', fields: arr(draft, ['app', 'instances']).map((_, i) => hostField(['app', 'instances', i, 'host'], `Instance ${i + 1}`)) },
      ...(dbAccess === 'sqlalchemy'
        ? [{ title: 'SQLAlchemy pool', fields: [f(['app', 'sqlalchemy', 'pool_size'], 'pool_size', 'int', 'conns'), f(['app', 'sqlalchemy', 'max_overflow'], 'max_overflow', 'int', 'conns'), f(['app', 'sqlalchemy', 'pool_timeout'], 'pool_timeout', 'number', 's')] }]
        : []),
      ...(dbAccess === 'django' ? [{ title: 'Django DATABASES', fields: [f(['app', 'django', 'conn_max_age'], 'CONN_MAX_AGE', 'number', 's')] }] : []),
      ...(dbAccess === 'mongodb' ? [{ title: 'MongoDB driver', fields: [f(['app', 'mongodb', 'maxPoolSize'], 'maxPoolSize', 'int', 'conns'), f(['app', 'mongodb', 'waitQueueTimeoutMS'], 'waitQueueTimeoutMS', 'number', 'ms')] }] : []),
    ],
  });

  if (has(draft, ['pgbouncer'])) {
    sections.push({
      id: 'pgbouncer',
      title: 'PgBouncer',
      prefix: [['pgbouncer']],
      groups: [{
        fields: [
          hostField(['pgbouncer', 'host']),
          f(['pgbouncer', 'pool_mode'], 'pool_mode', 'enum', undefined, ['session', 'transaction', 'statement']),
          f(['pgbouncer', 'default_pool_size'], 'default_pool_size', 'int', 'conns'),
          f(['pgbouncer', 'max_client_conn'], 'max_client_conn', 'int', 'conns'),
          f(['pgbouncer', 'reserve_pool_size'], 'reserve_pool_size', 'int', 'conns'),
          f(['pgbouncer', 'query_wait_timeout'], 'query_wait_timeout', 'number', 's'),
        ],
      }],
    });
  }

  if (has(draft, ['database'])) {
    sections.push({
      id: 'database',
      title: 'Database',
      prefix: [['database']],
      groups: [{
        fields: [
          f(['database', 'engine'], 'Engine', 'enum', undefined, ['postgresql', 'mysql', 'mongodb']),
          hostField(['database', 'host']),
          f(['database', 'max_connections'], 'max_connections', 'int', 'conns'),
          f(['database', 'shared_buffers'], 'shared_buffers', 'memory', 'MB'),
          f(['database', 'work_mem'], 'work_mem', 'memory', 'MB'),
          f(['database', 'working_set'], 'Working set', 'memory', 'MB'),
          f(['database', 'memory_per_connection'], 'Memory per connection', 'memory', 'MB'),
        ],
      }, ...arr(draft, ['database', 'replicas']).map((_, i) => ({ title: `Replica ${i + 1}`, fields: [hostField(['database', 'replicas', i, 'host'])] }))],
    });
  }

  if (has(draft, ['redis'])) {
    sections.push({
      id: 'redis',
      title: 'Redis',
      prefix: [['redis']],
      groups: [{
        fields: [
          hostField(['redis', 'host']),
          f(['redis', 'shards'], 'Shards', 'int'),
          f(['redis', 'maxmemory'], 'maxmemory', 'memory', 'MB'),
          f(['redis', 'maxmemory_policy'], 'maxmemory-policy', 'enum', undefined, ['noeviction', 'allkeys-lru', 'allkeys-lfu', 'volatile-lru', 'volatile-lfu', 'allkeys-random', 'volatile-random', 'volatile-ttl']),
          f(['redis', 'maxclients'], 'maxclients', 'int', 'conns'),
          f(['redis', 'command_ms'], 'Command time', 'number', 'ms'),
        ],
      }],
    });
  }

  if (has(draft, ['celery'])) {
    sections.push({ id: 'celery', title: 'Celery', prefix: [['celery']], groups: [{ fields: [hostField(['celery', 'host']), f(['celery', 'workers'], 'Workers', 'int'), f(['celery', 'concurrency'], 'Concurrency', 'int')] }] });
  }

  const loadType = String(getAt(draft, ['workload', 'load', 'type']) ?? '');
  const loadFields: FieldSpec[] =
    loadType === 'closed'
      ? [f(['workload', 'load', 'users'], 'Concurrent users', 'int', 'users'), ...dist(draft, ['workload', 'load', 'think_ms'], 'Think time (mean)')]
      : loadType === 'open'
        ? [f(['workload', 'load', 'rate_per_s'], 'Arrival rate', 'number', 'req/s'), f(['workload', 'load', 'clients'], 'Clients', 'int')]
        : [
            f(['workload', 'load', 'daily_active_users'], 'Daily active users', 'int', 'users'),
            f(['workload', 'load', 'sessions_per_user'], 'Sessions per user', 'number'),
            f(['workload', 'load', 'session_minutes'], 'Session length', 'number', 'min'),
            f(['workload', 'load', 'peak_factor'], 'Peak factor', 'number', '×'),
            ...dist(draft, ['workload', 'load', 'think_ms'], 'Think time (mean)'),
          ];
  sections.push({
    id: 'workload',
    title: 'Workload',
    prefix: [['workload']],
    groups: [
      { title: `Load (${loadType || '?'})`, fields: loadFields },
      ...arr(draft, ['workload', 'classes']).map((c, i) => ({
        title: `Class “${String((c as { name?: unknown }).name ?? i + 1)}”`,
        fields: [
          f(['workload', 'classes', i, 'share'], 'Share', 'fraction', '0–1'),
          ...dist(draft, ['workload', 'classes', i, 'app_cpu_ms'], 'App CPU (mean)'),
          f(['workload', 'classes', i, 'db_queries'], 'DB queries', 'number', 'per request'),
          ...dist(draft, ['workload', 'classes', i, 'db_query_ms'], 'Query time (mean)'),
          ...(s?.kind === 'web-stack' && s.redis ? [f(['workload', 'classes', i, 'cacheable_share'], 'Cacheable share', 'fraction', '0–1'), f(['workload', 'classes', i, 'cache_hit_ratio'], 'Cache hit ratio', 'fraction', '0–1')] : []),
          f(['workload', 'classes', i, 'response_kb'], 'Response size', 'number', 'KB'),
        ],
      })),
    ],
  });

  sections.push({ id: 'slo', title: 'SLO', prefix: [['slo']], groups: [{ fields: [f(['slo', 'p95_ms'], 'p95 at most', 'number', 'ms'), f(['slo', 'max_error_rate'], 'Errors at most', 'fraction', '0–1')] }] });
  return sections;
}

function queueingSections(draft: unknown): Section[] {
  const type = String(getAt(draft, ['workload', 'type']) ?? '');
  return [
    {
      id: 'workload',
      title: 'Workload',
      prefix: [['workload']],
      groups: [{
        fields: type === 'closed'
          ? [f(['workload', 'users'], 'Users', 'int', 'users'), ...dist(draft, ['workload', 'think_ms'], 'Think time (mean)')]
          : [f(['workload', 'rate_per_s'], 'Arrival rate', 'number', 'req/s')],
      }],
    },
    {
      id: 'stations',
      title: 'Stations',
      prefix: [['stations']],
      groups: arr(draft, ['stations']).map((st, i) => ({
        title: String((st as { name?: unknown }).name ?? `Station ${i + 1}`),
        fields: [
          f(['stations', i, 'servers'], 'Servers', 'int-or-auto'),
          f(['stations', i, 'discipline'], 'Discipline', 'enum', undefined, ['fcfs', 'ps']),
          ...dist(draft, ['stations', i, 'service_ms'], 'Service time (mean)'),
        ],
      })),
    },
  ];
}

export function formSections(draft: unknown, s: Scenario | null): Section[] {
  const kind = getAt(draft, ['kind']);
  const head: Section = { id: 'general', title: 'Scenario', prefix: [['name'], ['kind'], ['schema_version'], ['(root)'], ['(file)']], groups: [{ fields: [f(['name'], 'Name', 'text')] }] };
  if (kind === 'web-stack') return [head, ...webStackSections(draft, s)];
  if (kind === 'queueing') return [head, ...queueingSections(draft)];
  return [head];
}
