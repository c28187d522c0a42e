// The load a run simulates: closed users or an open rate, after the caller's overrides. A daily curve becomes
// a closed population: users present at the peak = DAU × sessions × session length / day × peak factor.

import type { WebStackScenario } from '../schema';

export interface EffectiveLoad {
  type: 'closed' | 'open';
  users?: number;
  rate_per_s?: number;
}

export function dailyPeakUsers(l: { daily_active_users: number; sessions_per_user: number; session_minutes: number; peak_factor: number }): number {
  return Math.max(1, Math.ceil((l.daily_active_users * l.sessions_per_user * l.session_minutes * l.peak_factor) / 1440 - 1e-9));
}

export function effectiveLoad(s: WebStackScenario, overrides: { users?: number; rate_per_s?: number } = {}): EffectiveLoad {
  const l = s.workload.load;
  if (l.type === 'open') {
    return { type: 'open', rate_per_s: overrides.rate_per_s ?? l.rate_per_s };
  }
  const users = overrides.users ?? (l.type === 'closed' ? l.users : dailyPeakUsers(l));
  if (!(Number.isInteger(users) && users >= 1)) throw new RangeError(`users: expected a whole number ≥ 1, got ${users}`);
  return { type: 'closed', users };
}
