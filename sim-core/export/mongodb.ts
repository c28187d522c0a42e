// mongod.conf and the PyMongo client settings for the MongoDB variant.

import type { ExportContext } from './context';
import { FILE, header, memText, num } from './format';

export function mongodConf(ctx: ExportContext): string {
  const d = ctx.s.database!;
  const gb = Math.round((d.shared_buffers / 1024) * 100) / 100;
  const out = [
    'storage:',
    `  dbPath: ${ctx.target === 'bare' ? '/var/lib/mongodb' : '/data/db'}`,
    '  wiredTiger:',
    '    engineConfig:',
    `      cacheSizeGB: ${gb}  # scenario database.shared_buffers ${memText(d.shared_buffers)} (the WiredTiger cache, simulated hit ratio)`,
    'net:',
    '  port: 27017',
    '  bindIp: 0.0.0.0  # clients on other hosts/containers; enable authorization below',
    `  maxIncomingConnections: ${d.max_connections}  # scenario database.max_connections`,
    'security:',
    '  authorization: enabled',
    'setParameter:',
    `  wiredTigerConcurrentReadTransactions: ${d.concurrent_operations}  # scenario database.concurrent_operations (tickets; MongoDB < 7.0 reads it, 7.0+ tunes it itself)`,
    `  wiredTigerConcurrentWriteTransactions: ${d.concurrent_operations}  # idem`,
    '',
  ];
  return [...header(ctx, FILE.mongod, `mongod.conf (MongoDB ${d.version ?? '7.0'})`), ...out].join('\n');
}

export function pymongoClient(ctx: ExportContext): string {
  const app = ctx.s.app;
  const m = app.mongodb!;
  const out = [
    'import os',
    '',
    'from pymongo import MongoClient',
    '',
    '# One client per worker process (create it after the fork). The URI comes from the environment: no secret here.',
    'client = MongoClient(',
    '    os.environ["MONGODB_URI"],',
    `    maxPoolSize=${m.maxPoolSize},  # scenario app.mongodb.maxPoolSize: per process, × ${app.workers} workers × ${app.instances.length} instances = ${num(m.maxPoolSize * app.workers * app.instances.length)}`,
    `    minPoolSize=${m.minPoolSize},  # scenario app.mongodb.minPoolSize`,
    `    waitQueueTimeoutMS=${m.waitQueueTimeoutMS === 0 ? 'None' : m.waitQueueTimeoutMS},  # scenario app.mongodb.waitQueueTimeoutMS${m.waitQueueTimeoutMS === 0 ? ' 0 = wait forever (None)' : ''}`,
    ')',
    '',
  ];
  return [...header(ctx, FILE.pymongo, 'PyMongo client settings'), ...out].join('\n');
}
