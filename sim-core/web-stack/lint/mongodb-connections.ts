// The MongoDB driver keeps one connection pool per process (per MongoClient), so the tier may open
// instances × workers × maxPoolSize connections. mongod accepts up to net.maxIncomingConnections (65536 by
// default, further capped by the file-descriptor limit); past it connections are refused. Each connection also
// costs mongod about 1 MB (its thread stack and buffers) on the database host, which the RAM check counts.
// The schema's database.max_connections is PostgreSQL's setting (default 100), so it is not used as mongod's bound.

import { appDbConnections } from '../derived/db-connections';
import { appProcesses, slotsPerWorker } from '../derived/app-slots';
import { n, type LintFinding } from './finding';
import type { WebStackScenario } from '../schema/web-stack-schema';

/** mongod net.maxIncomingConnections default. */
export const MONGOD_MAX_INCOMING_CONNECTIONS = 65536;
/** mongod memory per open connection, MB (about 1 MB of thread stack and buffers). */
export const MONGOD_MB_PER_CONNECTION = 1;

export function checkMongodbConnections(s: WebStackScenario): LintFinding[] {
  const app = s.app;
  if (app.db_access !== 'mongodb' || !app.mongodb || !s.database || s.database.engine !== 'mongodb') return [];
  const conns = appDbConnections(s);
  if (!conns) return [];
  const instances = app.instances.length;
  const formula = `${instances} instance${instances === 1 ? '' : 's'} × ${app.workers} workers × ${app.mongodb.maxPoolSize} maxPoolSize = ${n(conns.total)} connections`;
  const numbers = {
    instances,
    workers: app.workers,
    max_pool_size: app.mongodb.maxPoolSize,
    connections: conns.total,
    limit: MONGOD_MAX_INCOMING_CONNECTIONS,
    memory_mb: conns.total * MONGOD_MB_PER_CONNECTION,
  };
  if (conns.total > MONGOD_MAX_INCOMING_CONNECTIONS) {
    const fit = Math.floor(MONGOD_MAX_INCOMING_CONNECTIONS / appProcesses(s));
    return [
      {
        id: 'mongodb-connections-exceed-max',
        severity: 'error',
        path: 'app.mongodb.maxPoolSize',
        message: `${formula} > mongod's default net.maxIncomingConnections ${n(MONGOD_MAX_INCOMING_CONNECTIONS)}.`,
        numbers,
        fix: `Set maxPoolSize ≤ ${n(fit)} per process (the pool is per process, not per app).`,
      },
    ];
  }
  const slots = slotsPerWorker(app);
  const tighter = Number.isFinite(slots) && slots < app.mongodb.maxPoolSize;
  return [
    {
      id: 'mongodb-connection-memory',
      severity: 'info',
      path: 'app.mongodb.maxPoolSize',
      message: `${formula} at most (≤ ${n(MONGOD_MAX_INCOMING_CONNECTIONS)}), costing mongod about ${n(numbers.memory_mb)} MB (~${MONGOD_MB_PER_CONNECTION} MB each) on host "${s.database.host}" when all are open.`,
      numbers,
      fix: tighter
        ? `None needed; maxPoolSize ${slots} (the requests one process holds at once) would cap it at ${n(appProcesses(s) * slots)} connections.`
        : 'None needed; keep the database host\'s RAM budget above it.',
    },
  ];
}
