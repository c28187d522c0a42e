// capsim selftest: run the conformance models and print, for each, the exact value, the simulated value with
// its 95 % interval, and PASS/FAIL. Exit code 1 if any check fails.

import { conformanceCases, runConformanceCase, type CaseResult } from '../../sim-core/index';
import { EXIT_FAILED, EXIT_OK } from '../exit-codes';
import { count, num, pct, table } from '../format-table';
import type { Options } from '../main';

const MEASURE_TEXT: Record<string, string> = {
  mean_response_ms: 'mean response, ms',
  p95_response_ms: 'p95 response, ms',
  loss_rate: 'loss rate',
  littles_law: "Little's law L vs λW",
};

export function selftestCommand(opts: Options): number {
  const results: CaseResult[] = [];
  const started = performance.now();
  for (const c of conformanceCases()) {
    const r = runConformanceCase(c, { clock: () => performance.now() });
    results.push(r);
    if (!opts.json) {
      console.log(`\n${r.pass ? 'PASS' : 'FAIL'}  ${r.title}  (${count(r.run.observations)} requests, ${num(r.run.wall_ms / 1000)} s)`);
      console.log(
        table(
          ['measure', 'exact', 'simulated', '95 % interval', 'error', 'allowed', 'verdict'],
          r.checks.map((k) => [
            MEASURE_TEXT[k.measure],
            num(k.exact),
            num(k.simulated),
            k.lo !== undefined ? `${num(k.lo)} – ${num(k.hi!)}` : '',
            pct(k.relError, 2),
            pct(k.tolerance, 1),
            k.pass ? 'PASS' : 'FAIL',
          ]),
        ),
      );
    }
  }
  const failed = results.filter((r) => !r.pass).length;
  if (opts.json) {
    console.log(JSON.stringify({ pass: failed === 0, cases: results.map(({ run, ...rest }) => ({ ...rest, events: run.events, wall_ms: run.wall_ms })) }, null, 2));
  } else {
    console.log(`\n${results.length - failed} passed, ${failed} failed (${num((performance.now() - started) / 1000)} s)`);
  }
  return failed === 0 ? EXIT_OK : EXIT_FAILED;
}
