// A daily curve turned into peak concurrency: users present at the peak = DAU × sessions per user × session
// length / the day's 1,440 minutes × the peak factor, rounded up (never below 1). One rule for the runtime,
// the preview, the lint, the claims judge and the app.

export interface DailyCurve {
  daily_active_users: number;
  sessions_per_user: number;
  session_minutes: number;
  peak_factor: number;
}

export function dailyPeakUsers(l: DailyCurve): number {
  // The small epsilon keeps an exact product (e.g. 1,000.0000000000001 from rounding) from counting one more user.
  return Math.max(1, Math.ceil((l.daily_active_users * l.sessions_per_user * l.session_minutes * l.peak_factor) / 1440 - 1e-9));
}
