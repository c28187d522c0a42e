// The database: a primary and its read replicas, each a node on a host (its CPU and disk shared with whatever
// else runs there). Connections are counted at the primary against max_connections − superuser_reserved
// (a new one beyond that is refused); opening one costs connect_ms of database CPU (PostgreSQL forks a
// backend). Buffer hit ratio per node from shared_buffers + the OS page cache (buffer-cache.ts).
// MongoDB: concurrent_operations storage-engine tickets per node.

import type { Simulator } from '../../kernel/simulator';
import { CappedCounter } from '../../resources/capped-counter';
import { TimeAverage } from '../../metrics/time-average';
import type { ResourceClient } from '../../resources/drop-cause';
import { Semaphore } from '../../resources/semaphore';
import type { DatabaseSpec } from '../schema';
import { bufferHitRatio, databaseCacheMb } from '../derived/buffer-hit-ratio';
import { usableConnections } from '../derived/server-connections';
import type { Host } from './host';

export interface DbNode {
  host: Host;
  hitRatio: number;
  /** MongoDB tickets; undefined for SQL engines. */
  tickets?: Semaphore;
}

export class Database {
  readonly nodes: DbNode[];
  readonly usable: number;
  readonly connectMs: number;
  readonly isMongo: boolean;
  readonly connections: CappedCounter;
  readonly readNodes: number;

  constructor(
    private readonly sim: Simulator,
    readonly spec: DatabaseSpec,
    hosts: Host[],
    /** Committed memory per host before the run (process baselines), for the OS page cache. */
    committedMb: (host: Host) => number,
    ticketClient: ResourceClient,
  ) {
    this.isMongo = spec.engine === 'mongodb';
    this.usable = usableConnections(spec);
    this.connections = new CappedCounter(this.usable);
    this.connectMs = spec.connect_ms;
    const byName = (n: string) => hosts.find((h) => h.spec.name === n)!;
    this.nodes = [spec.host, ...spec.replicas.map((r) => r.host)].map((name, k) => {
      const host = byName(name);
      const cache = databaseCacheMb(spec.shared_buffers, host.spec.ram, committedMb(host));
      const node: DbNode = { host, hitRatio: bufferHitRatio(cache, spec.working_set) };
      if (this.isMongo) node.tickets = new Semaphore(sim, k, ticketClient, { capacity: spec.concurrent_operations });
      return node;
    });
    this.readNodes = this.nodes.length;
  }

  /** Open a server connection (backend); false when max_connections is reached. */
  open(): boolean {
    return this.connections.tryTake(this.sim.now);
  }

  close(n = 1): void {
    this.connections.give(this.sim.now, n);
  }

  levels(): TimeAverage[] {
    const out = [this.connections.level];
    for (const n of this.nodes) if (n.tickets) out.push(n.tickets.useLevel, n.tickets.queueLevel);
    return out;
  }
}
