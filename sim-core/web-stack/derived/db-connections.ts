// Database connections the app opens, per worker process and in total, by the driver's own rule:
// SQLAlchemy QueuePool holds at most pool_size + max_overflow, and pool_size 0 means "no size limit"
// (SQLAlchemy 1.4 QueuePool docs), so then one connection per concurrent request; Django keeps one
// connection per thread, or per greenlet under gevent (one per slot); the MongoDB driver holds maxPoolSize.
// `unlimited` marks a count bounded only by the concurrency, Infinity for an unbounded uvicorn.

import type { AppServerSpec } from '../schema/app-server';
import type { WebStackScenario } from '../schema/web-stack-schema';
import { appProcesses, slotsPerWorker } from './app-slots';

export interface DbConnections {
  /** Connections one worker process may hold at once (Infinity when nothing bounds them). */
  perProcess: number;
  /** Where perProcess comes from, e.g. "pool_size 5 + max_overflow 10". */
  formula: string;
}

/** undefined when the app reaches no database. */
export function dbConnectionsPerProcess(app: AppServerSpec): DbConnections | undefined {
  const slots = slotsPerWorker(app);
  const slotText = Number.isFinite(slots) ? `${slots}` : 'unbounded';
  if (app.db_access === 'sqlalchemy' && app.sqlalchemy) {
    const { pool_size, max_overflow } = app.sqlalchemy;
    if (pool_size === 0) return { perProcess: slots, formula: `pool_size 0 = no size limit: one per concurrent request (${slotText})` };
    return { perProcess: pool_size + max_overflow, formula: `pool_size ${pool_size} + max_overflow ${max_overflow}` };
  }
  if (app.db_access === 'django') return { perProcess: slots, formula: `one per ${app.worker_class === 'gevent' ? 'greenlet' : 'thread'} (${app.worker_class}: ${slotText})` };
  if (app.db_access === 'mongodb' && app.mongodb) return { perProcess: app.mongodb.maxPoolSize, formula: `maxPoolSize ${app.mongodb.maxPoolSize}` };
  return undefined;
}

/** The whole app tier: processes × per process; undefined when the app reaches no database. */
export function appDbConnections(s: WebStackScenario): (DbConnections & { total: number; totalFormula: string }) | undefined {
  const per = dbConnectionsPerProcess(s.app);
  if (!per) return undefined;
  const procs = appProcesses(s);
  return { ...per, total: procs * per.perProcess, totalFormula: `${s.app.instances.length} instances × ${s.app.workers} workers × ${Number.isFinite(per.perProcess) ? per.perProcess : '∞'} (${per.formula})` };
}
