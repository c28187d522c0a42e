// The loads of the report's load curve: from 10 % to 150 % of the target load (the target itself included), so
// the chart shows where the SLO is met, where the knee is and what happens past the target. Closed loads are
// whole numbers of users; open loads are rates rounded to three significant figures.

export const SWEEP_SHARES: readonly number[] = [0.1, 0.25, 0.5, 0.75, 1, 1.25, 1.5];

export interface TargetLoad {
  users?: number;
  rate_per_s?: number;
}

export function sweepLoads(target: TargetLoad, shares: readonly number[] = SWEEP_SHARES): TargetLoad[] {
  if (target.users !== undefined) {
    const users = [...new Set(shares.map((f) => Math.max(1, Math.round(target.users! * f))))].sort((a, b) => a - b);
    return users.map((u) => ({ users: u }));
  }
  if (target.rate_per_s !== undefined && target.rate_per_s > 0) {
    const rates = [...new Set(shares.map((f) => (f === 1 ? target.rate_per_s! : +(target.rate_per_s! * f).toPrecision(3))))].sort((a, b) => a - b);
    return rates.map((r) => ({ rate_per_s: r }));
  }
  throw new RangeError('sweepLoads: expected a target load of users or rate_per_s > 0');
}

/** The one number a load is plotted at. */
export function loadValue(l: TargetLoad): number {
  return l.users ?? l.rate_per_s ?? 0;
}
