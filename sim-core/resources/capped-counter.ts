// A count with a hard cap and no waiting line: connections that are refused, not queued, past the limit
// (nginx worker connections, max_connections, PgBouncer max_client_conn, Redis maxclients). Its level over
// time is kept for utilisation and peaks. Time in ms.

import { TimeAverage } from '../metrics/time-average';

export class CappedCounter {
  count = 0;
  refused = 0;
  readonly level = new TimeAverage();

  constructor(readonly capacity: number) {}

  /** Take `n` units at `now`; false (and counted as refused) when that would pass the cap. */
  tryTake(now: number, n = 1): boolean {
    if (this.count + n > this.capacity) {
      this.refused++;
      return false;
    }
    this.count += n;
    this.level.update(now, this.count);
    return true;
  }

  give(now: number, n = 1): void {
    this.count -= n;
    this.level.update(now, this.count);
  }
}
