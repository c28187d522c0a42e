// What each process placed on a host keeps resident, MB, item by item with its formula. The RAM budget and
// work_mem checks read it. Footprints at full concurrency (every greenlet or task alive, every connection open)
// because that is the moment the OOM killer chooses.

import { appDbConnections, instancesPerHost, nginxWorkerProcesses, slotsPerWorker } from './stack-numbers';
import { MONGOD_MB_PER_CONNECTION } from './mongodb-connections';
import { n } from './finding';
import type { WebStackScenario } from '../schema/web-stack-schema';

export interface FootprintItem {
  /** Key in the finding's numbers, e.g. 'app_mb'. */
  key: string;
  mb: number;
  /** How it was computed, e.g. "4 instances × 8 workers × 300 MB" ('' when it is the setting itself). */
  formula: string;
}

export interface HostFootprint {
  host: string;
  index: number;
  ram: number;
  items: FootprintItem[];
  total: number;
  /** max_connections × work_mem of a PostgreSQL/MySQL server on the host (0 when none): not in total. */
  workMemWorst: number;
}

export function hostFootprints(s: WebStackScenario): HostFootprint[] {
  const out = s.hosts.map((h, index) => ({ host: h.name, index, ram: h.ram, items: [] as FootprintItem[], total: 0, workMemWorst: 0 }));
  const on = (name: string) => out.find((f) => f.host === name)!;
  const add = (hostName: string, item: FootprintItem) => {
    const f = on(hostName);
    const same = f.items.find((i) => i.key === item.key);
    if (same) {
      same.mb += item.mb;
      same.formula += ` + ${item.formula}`;
    } else f.items.push(item);
  };

  if (s.nginx) {
    const wp = nginxWorkerProcesses(s);
    add(s.nginx.host, { key: 'nginx_mb', mb: wp * s.nginx.memory_per_worker, formula: `${wp} worker_processes × ${n(s.nginx.memory_per_worker)} MB` });
  }

  const app = s.app;
  for (const [hostName, count] of instancesPerHost(s)) {
    const inst = `${count} instance${count === 1 ? '' : 's'} × ${app.workers} workers`;
    add(hostName, { key: 'app_mb', mb: count * app.workers * app.memory_per_worker, formula: `${inst} × ${n(app.memory_per_worker)} MB` });
    // gevent greenlets and uvicorn tasks each keep a stack and buffers; bounded only by worker_connections or
    // limit_concurrency (an unbounded uvicorn is not counted here: the proxy-cap check reports it).
    const slots = slotsPerWorker(app);
    if ((app.worker_class === 'gevent' || app.worker_class === 'uvicorn') && Number.isFinite(slots)) {
      const what = app.worker_class === 'gevent' ? 'worker_connections' : 'limit_concurrency';
      add(hostName, {
        key: 'app_connections_mb',
        mb: count * app.workers * slots * app.memory_per_connection,
        formula: `${inst} × ${n(slots)} ${what} × ${n(app.memory_per_connection)} MB`,
      });
    }
  }

  const db = s.database;
  if (db) {
    for (const hostName of [db.host, ...db.replicas.map((r) => r.host)]) {
      const role = hostName === db.host ? 'database_mb' : 'database_replica_mb';
      if (db.engine === 'mongodb') {
        const conns = Math.min(appDbConnections(s)?.total ?? 0, 65536);
        add(hostName, {
          key: role,
          mb: db.shared_buffers + conns * MONGOD_MB_PER_CONNECTION,
          formula: `${n(db.shared_buffers)} MB cache + ${n(conns)} connections × ${MONGOD_MB_PER_CONNECTION} MB`,
        });
      } else {
        add(hostName, {
          key: role,
          mb: db.shared_buffers + db.max_connections * db.memory_per_connection,
          formula: `${n(db.shared_buffers)} MB shared_buffers + ${n(db.max_connections)} max_connections × ${n(db.memory_per_connection)} MB`,
        });
        on(hostName).workMemWorst += db.max_connections * db.work_mem;
      }
    }
  }

  const redis = s.redis;
  if (redis) {
    if (redis.maxmemory !== undefined) {
      add(redis.host, { key: 'redis_mb', mb: redis.maxmemory * redis.shards, formula: `${n(redis.maxmemory)} MB maxmemory × ${redis.shards} shard${redis.shards === 1 ? '' : 's'}` });
    } else if (redis.cache_working_set !== undefined) {
      add(redis.host, { key: 'redis_mb', mb: redis.cache_working_set, formula: `${n(redis.cache_working_set)} MB cache_working_set (no maxmemory)` });
    }
  }

  const celery = s.celery;
  if (celery) {
    add(celery.host, {
      key: 'celery_mb',
      mb: celery.workers * celery.concurrency * celery.memory_per_worker,
      formula: `${celery.workers} workers × ${celery.concurrency} concurrency × ${n(celery.memory_per_worker)} MB`,
    });
  }

  for (const f of out) {
    const h = s.hosts[f.index];
    f.items.push({ key: 'os_reserved_mb', mb: h.os_reserved, formula: '' });
    f.total = f.items.reduce((a, i) => a + i.mb, 0);
  }
  return out;
}
