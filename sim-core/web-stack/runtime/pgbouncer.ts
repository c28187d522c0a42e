// PgBouncer between the app and PostgreSQL. Client connections (what the app's pools open) are capped at
// max_client_conn (refused beyond). Server connections: pools × default_pool_size (+ reserve_pool_size),
// opened lazily and kept (server_idle_timeout is long against a run), each one a backend that counts against
// the database's max_connections. A client waits FIFO for a server connection up to query_wait_timeout.
// Held, per pool_mode: transaction — from the request's first to its last query; session — from the first
// query to the end of the request (the app holds its client connection that long); statement — one query.

import type { Simulator } from '../../kernel/simulator';
import { TimeAverage } from '../../metrics/time-average';
import type { ResourceClient } from '../../resources/drop-cause';
import { Semaphore } from '../../resources/semaphore';
import type { PgbouncerSpec } from '../schema';
import type { Host } from './host';

export class PgBouncer {
  readonly servers: Semaphore;
  readonly maxClients: number;
  clients = 0;
  /** Server connections opened so far (they stay open). */
  opened = 0;
  readonly clientLevel = new TimeAverage();
  readonly mode: PgbouncerSpec['pool_mode'];

  constructor(private readonly sim: Simulator, readonly spec: PgbouncerSpec, readonly host: Host, client: ResourceClient) {
    this.maxClients = spec.max_client_conn;
    this.mode = spec.pool_mode;
    this.servers = new Semaphore(sim, 0, client, {
      capacity: spec.pools * spec.default_pool_size + spec.reserve_pool_size,
      timeoutMs: spec.query_wait_timeout * 1000,
    });
  }

  openClient(): boolean {
    if (this.clients >= this.maxClients) return false;
    this.clients++;
    this.clientLevel.update(this.sim.now, this.clients);
    return true;
  }

  closeClient(n = 1): void {
    this.clients -= n;
    this.clientLevel.update(this.sim.now, this.clients);
  }

  levels(): TimeAverage[] {
    return [this.clientLevel, this.servers.useLevel, this.servers.queueLevel];
  }
}
