// The most users a scenario serves with its p95 within the SLO, by bisection over a latency estimate that
// grows with load (the analytic preview, or a simulation). Users as whole numbers.

export function maxUsersWithinSlo(p95At: (users: number) => number, sloP95Ms: number, ceiling = 2_000_000): number | undefined {
  const fits = (u: number) => {
    const p = p95At(u);
    return Number.isFinite(p) && p <= sloP95Ms;
  };
  if (!fits(1)) return 0;
  let lo = 1;
  let hi = 2;
  while (fits(hi)) {
    lo = hi;
    hi *= 2;
    if (hi > ceiling) return undefined;
  }
  while (hi - lo > Math.max(1, lo * 0.005)) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}
