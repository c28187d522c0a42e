// Django's database connections: one per thread (or greenlet) that runs a request, opened at its first query.
// CONN_MAX_AGE 0: closed at the end of every request. > 0 or None: kept by the thread/greenlet and reused —
// modelled per process as idle connections reused up to the process's peak concurrency of requests that used
// the database (connections never time out within a run). A gevent worker with 1,000 greenlets may therefore
// hold up to 1,000 connections: how such a deployment runs into max_connections.

export class DjangoConnections {
  readonly open: Int32Array;
  readonly inUse: Int32Array;

  constructor(processes: number, readonly persistent: boolean) {
    this.open = new Int32Array(processes);
    this.inUse = new Int32Array(processes);
  }

  /** A request in process p needs a connection: true when it must open a new one. */
  take(p: number): boolean {
    this.inUse[p]++;
    return this.inUse[p] > this.open[p];
  }

  /** The new connection (after take() said so) was opened. */
  opened(p: number): void {
    this.open[p]++;
  }

  /** A request that took a connection but could not open it. */
  untake(p: number): void {
    this.inUse[p]--;
  }

  giveBack(p: number): void {
    this.inUse[p]--;
  }

  closeAll(p: number): number {
    const n = this.open[p];
    this.open[p] = 0;
    this.inUse[p] = 0;
    return n;
  }
}
