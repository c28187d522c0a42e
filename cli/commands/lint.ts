// capsim lint: the cross-tier consistency checks of a web-stack scenario (connections against PgBouncer and
// max_connections, host RAM, nginx's cap, worker counts, timeouts), as a readable list or --json.
// Exit 0 when no finding is an error, 1 when some is (the file is valid but inconsistent), 2 for bad input.

import { lint, type LintFinding } from '../../sim-core/index';
import { EXIT_FAILED, EXIT_OK } from '../exit-codes';
import { loadScenario } from '../load-scenario';

export function lintCommand(file: string, opts: { json?: boolean }): number {
  const scenario = loadScenario(file);
  if (scenario.kind !== 'web-stack') {
    console.log(opts.json ? '[]' : `${file}: nothing to lint (a ${scenario.kind} scenario has no tiers to cross-check)`);
    return EXIT_OK;
  }
  const findings = lint({ scenario });
  console.log(opts.json ? JSON.stringify(findings, null, 2) : `${file}: ${formatFindings(findings)}`);
  return findings.some((f) => f.severity === 'error') ? EXIT_FAILED : EXIT_OK;
}

/** Findings as a readable list: a summary line, then per finding its severity, path and id, message and fix. */
export function formatFindings(findings: readonly LintFinding[]): string {
  if (findings.length === 0) return 'lint: no findings';
  const count = (sev: LintFinding['severity']) => findings.filter((f) => f.severity === sev).length;
  const plural = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
  const summary = `lint: ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info`;
  const width = Math.max(...findings.map((f) => f.severity.length));
  const items = findings.map((f) =>
    [`${f.severity.padEnd(width)}  ${f.path}  [${f.id}]`, `${' '.repeat(width + 2)}${f.message}`, `${' '.repeat(width + 2)}fix: ${f.fix}`].join('\n'),
  );
  return [summary, '', items.join('\n\n')].join('\n');
}
