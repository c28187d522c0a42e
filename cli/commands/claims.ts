// capsim claims <scenario>: each claim of the source document beside what the simulation gives, with a
// verdict (holds / does not hold / partly / cannot be judged) and the reason. Claims are judged by simulating
// the load they are made at.

import { judgeClaims } from '../../sim-core/web-stack/claims/judge-claims';
import type { Verdict } from '../../sim-core/web-stack/claims/claim-verdict';
import { runWebStack } from '../../sim-core/web-stack/runtime/run-web-stack';
import { CliError, EXIT_OK } from '../exit-codes';
import { table } from '../format-table';
import { loadScenario } from '../load-scenario';
import { numberOption, type Options } from '../main';
import { monthlyCost } from '../../sim-core/cost/monthly-cost';
import { loadCatalogs } from './cost';

const VERDICT_TEXT: Record<Verdict, string> = {
  holds: 'holds',
  does_not_hold: 'DOES NOT HOLD',
  partly: 'partly',
  cannot_judge: 'cannot be judged',
};

export function claimsCommand(file: string, opts: Options): number {
  const scenario = loadScenario(file);
  if (scenario.kind !== 'web-stack') throw new CliError(`${file}: claims apply to web-stack scenarios; this is a ${scenario.kind} model`);
  const seed = numberOption(opts, 'seed', 'a whole number ≥ 0', (x) => Number.isInteger(x) && x >= 0);
  const duration = numberOption(opts, 'duration', 'a number of seconds > 0', (x) => x > 0);
  const verdicts = judgeClaims(scenario, {
    simulate: (load) => runWebStack(scenario, { ...load, seed, duration_s: duration, clock: () => performance.now() }),
    monthlyCost: () => monthlyCost(scenario, loadCatalogs()).total_usd_per_month,
  });
  if (opts.json) {
    console.log(JSON.stringify({ scenario: scenario.name, claims: verdicts }, null, 2));
    return EXIT_OK;
  }
  console.log(`${scenario.name}  (${file})`);
  if (verdicts.length === 0) {
    console.log('the scenario lists no claims');
    return EXIT_OK;
  }
  for (const v of verdicts) {
    console.log(`\n${VERDICT_TEXT[v.verdict].padEnd(16)} ${v.id} (${v.metric})`);
    console.log(table(['', ''], [['document', `“${v.quote}”`], ['claimed', v.claimed], ['simulated', v.simulated], ['why', v.reason]]).split('\n').slice(2).join('\n'));
  }
  const counts = verdicts.reduce<Record<string, number>>((acc, v) => ((acc[v.verdict] = (acc[v.verdict] ?? 0) + 1), acc), {});
  console.log(`\n${Object.entries(counts).map(([k, n]) => `${n} ${VERDICT_TEXT[k as Verdict]}`).join(', ')}`);
  return EXIT_OK;
}
