// Plain words for the simulator's resource keys ("server.cpu" → "CPU of host server"), for readers who do not
// know the model. Unknown keys are shown as they are.

export function resourceLabel(key: string): string {
  let m: RegExpMatchArray | null;
  if ((m = key.match(/^(.+)\.(cpu|disk|nic)$/)) && !key.startsWith('app[') && !key.startsWith('database')) {
    const what = { cpu: 'CPU', disk: 'disk I/O', nic: 'network card' }[m[2] as 'cpu' | 'disk' | 'nic'];
    return `${what} of host ${m[1]}`;
  }
  if ((m = key.match(/^app\[(\d+)\]\.(slots|gil|pool|workers|connections)$/))) {
    const n = Number(m[1]) + 1;
    const what = { slots: 'worker slots', gil: 'Python CPU (GIL)', pool: 'DB connection pool', workers: 'workers', connections: 'connections' }[m[2] as 'slots'];
    return `app ${n}: ${what}`;
  }
  if (key === 'nginx.connections') return 'nginx worker connections';
  if (key === 'pgbouncer.server_conns') return 'PgBouncer server connections';
  if (key === 'database.connections') return 'database max_connections';
  if ((m = key.match(/^database(?:\.replica\[(\d+)\])?\.tickets$/))) return m[1] === undefined ? 'database concurrent operations' : `replica ${Number(m[1]) + 1}: concurrent operations`;
  if ((m = key.match(/^redis\[(\d+)\]$/))) return `Redis command thread${m[1] === '0' ? '' : ` (shard ${Number(m[1]) + 1})`}`;
  if (key === 'celery.workers') return 'Celery workers';
  return key;
}
