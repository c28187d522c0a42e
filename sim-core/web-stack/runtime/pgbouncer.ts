// PgBouncer between the app and PostgreSQL. Client connections (what the app's pools open) are capped at
// max_client_conn (refused beyond). Server connections: pools × (default_pool_size + reserve_pool_size) (derived/),
// opened lazily and kept (server_idle_timeout is long against a run), each one a backend that counts against
// the database's max_connections. A client waits FIFO for a server connection up to query_wait_timeout.
// Held, per pool_mode: transaction — from the request's first to its last query; session — from the first
// query to the end of the request (the app holds its client connection that long); statement — one query.

import { pgbouncerServerConnections } from '../derived/server-connections';
import type { Simulator } from '../../kernel/simulator';
import { CappedCounter } from '../../resources/capped-counter';
import { TimeAverage } from '../../metrics/time-average';
import type { ResourceClient } from '../../resources/drop-cause';
import { Semaphore } from '../../resources/semaphore';
import type { PgbouncerSpec } from '../schema';
import type { Host } from './host';

export class PgBouncer {
  readonly servers: Semaphore;
  readonly clients: CappedCounter;
  /** Server connections opened so far (they stay open). */
  opened = 0;
  readonly mode: PgbouncerSpec['pool_mode'];

  constructor(private readonly sim: Simulator, readonly spec: PgbouncerSpec, readonly host: Host, client: ResourceClient) {
    this.clients = new CappedCounter(spec.max_client_conn);
    this.mode = spec.pool_mode;
    this.servers = new Semaphore(sim, 0, client, {
      capacity: pgbouncerServerConnections(spec),
      timeoutMs: spec.query_wait_timeout * 1000,
    });
  }

  openClient(): boolean {
    return this.clients.tryTake(this.sim.now);
  }

  closeClient(n = 1): void {
    this.clients.give(this.sim.now, n);
  }

  levels(): TimeAverage[] {
    return [this.clients.level, this.servers.useLevel, this.servers.queueLevel];
  }
}
