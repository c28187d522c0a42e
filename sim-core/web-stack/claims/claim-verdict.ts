// The verdict on one claim of a source document: the claimed value beside the simulated one, and why.

import type { Claim } from '../schema/claims';

export type Verdict = 'holds' | 'does_not_hold' | 'partly' | 'cannot_judge';

export interface ClaimVerdict {
  id: string;
  metric: Claim['metric'];
  quote: string;
  /** The claim in words ("1,000–2,000", "≤ 200 ms at 1,000 users"). */
  claimed: string;
  /** What the simulation gives, in words with units ("p95 2,310 ms at 1,000 users"). */
  simulated: string;
  verdict: Verdict;
  reason: string;
}

export function describeRange(c: Pick<Claim, 'min' | 'max'>, unit = '', scale = 1): string {
  const n = (x: number) => (x * scale).toLocaleString('en-US', { maximumFractionDigits: 2 });
  if (c.min !== undefined && c.max !== undefined) return c.min === c.max ? `${n(c.min)}${unit}` : `${n(c.min)}–${n(c.max)}${unit}`;
  if (c.min !== undefined) return `≥ ${n(c.min)}${unit}`;
  return `≤ ${n(c.max!)}${unit}`;
}
