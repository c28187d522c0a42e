// The load a run simulates: closed users or an open rate, after the caller's overrides. A daily curve becomes
// a closed population: users present at the peak = DAU × sessions × session length / day × peak factor.

import { dailyPeakUsers } from '../derived/daily-peak-users';
import type { WebStackScenario } from '../schema';

export interface EffectiveLoad {
  type: 'closed' | 'open';
  users?: number;
  rate_per_s?: number;
  /** Open loads: distinct clients the arrivals come from (per-client rate limits). */
  clients?: number;
}

export { dailyPeakUsers };

export function effectiveLoad(s: WebStackScenario, overrides: { users?: number; rate_per_s?: number } = {}): EffectiveLoad {
  const l = s.workload.load;
  if (overrides.users !== undefined && overrides.rate_per_s !== undefined) throw new RangeError('expected a number of users or a rate, not both');
  if (l.type === 'open') {
    // An open workload has no think time to turn a number of users into traffic.
    if (overrides.users !== undefined) throw new RangeError(`users: the scenario's workload is open (requests per second); give a rate instead of ${overrides.users} users`);
    return { type: 'open', rate_per_s: overrides.rate_per_s ?? l.rate_per_s, clients: l.clients };
  }
  const ownUsers = l.type === 'closed' ? l.users : dailyPeakUsers(l);
  // A rate on a closed workload asks what the stack does under that arrival rate: Poisson arrivals from as
  // many clients as the scenario has users.
  if (overrides.rate_per_s !== undefined) return { type: 'open', rate_per_s: overrides.rate_per_s, clients: ownUsers };
  const users = overrides.users ?? ownUsers;
  if (!(Number.isInteger(users) && users >= 1)) throw new RangeError(`users: expected a whole number ≥ 1, got ${users}`);
  return { type: 'closed', users };
}
