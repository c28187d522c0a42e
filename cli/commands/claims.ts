// capsim claims <scenario>: each claim of the source document beside what the simulation gives, with a
// verdict (holds / does not hold / partly / cannot be judged) and the reason. Claims are judged by simulating
// the load they are made at.

import { claims, type Verdict } from '../../sim-core/index';
import { cliContext } from '../catalogs';
import { EXIT_OK } from '../exit-codes';
import { table } from '../format-table';
import { inFile } from '../in-file';
import { loadWebStack } from '../load-scenario';
import type { Options } from '../main';
import { progressLine } from '../progress-line';
import { runLengthOptions } from '../run-length';

const VERDICT_TEXT: Record<Verdict, string> = {
  holds: 'holds',
  does_not_hold: 'DOES NOT HOLD',
  partly: 'partly',
  cannot_judge: 'cannot be judged',
};

export function claimsCommand(file: string, opts: Options): number {
  const scenario = loadWebStack(file, 'whose claims to judge');
  const length = runLengthOptions(opts);
  const line = progressLine('claims');
  let verdicts;
  try {
    verdicts = inFile(file, () => claims({ scenario, ...length }, cliContext(opts.json ? undefined : line.update)));
  } finally {
    line.done();
  }
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
