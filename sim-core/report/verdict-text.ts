// Words for claim verdicts and lint severities, shared by the HTML and Markdown renderers.

import type { Verdict } from '../web-stack/claims/claim-verdict';

export const VERDICT_TEXT: Record<Verdict, string> = {
  holds: 'holds',
  does_not_hold: 'does not hold',
  partly: 'partly',
  cannot_judge: 'cannot be judged',
};

export const VERDICT_ORDER: readonly Verdict[] = ['does_not_hold', 'partly', 'cannot_judge', 'holds'];

export function verdictSummary(counts: Record<Verdict, number>): string {
  const parts = VERDICT_ORDER.filter((v) => counts[v] > 0).map((v) => `${counts[v]} ${VERDICT_TEXT[v]}`);
  return parts.length ? parts.join(', ') : 'no claims';
}
