// capsim size --users N | --daily-users D | --rps R --slo-p95 X --provider P [--like scenario.yaml] [--headroom 0.3]
// [--max-error-rate 0.01] [--out recommended.yaml] [--json]: the cheapest deployment of the profile (the --like
// scenario, else scenarios/reference/django-web-app.yaml) that meets the SLO at the target × (1 + headroom), with
// its monthly cost, what binds next, the next tier up and why cheaper candidates failed. --out writes the
// recommended scenario as YAML (refused, exit 2, when the file exists). Progress goes to stderr.

import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { stringify } from 'yaml';
import { DEFAULT_HEADROOM, size, type SizingResult, type WebStackScenario } from '../../sim-core/index';
import { cliContext } from '../catalogs';
import { repoPath } from '../repo-paths';
import { CliError, EXIT_FAILED, EXIT_OK } from '../exit-codes';
import { count, num, pct, table } from '../format-table';
import { inFile } from '../in-file';
import { loadWebStack } from '../load-scenario';
import { writeFileAtomic } from '../output/atomic-file';
import { checkOutputTarget, type OutputTarget } from '../output/output-target';
import { numberOption, type Options } from '../main';
import { progressLine } from '../progress-line';
import { runLengthOptions } from '../run-length';
import { formatBreakdown } from './cost';

export const REFERENCE_PROFILE = repoPath('scenarios', 'reference', 'django-web-app.yaml');

/** The scenario as a YAML document a user can open, run and export (no undefined keys, JSON numbers only). */
export function scenarioYaml(s: WebStackScenario, header: string[]): string {
  const plain = JSON.parse(JSON.stringify(s));
  return `${header.map((l) => `# ${l}`).join('\n')}\n${stringify(plain, { lineWidth: 0 })}`;
}

const usd = (x: number) => `$${x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

export function formatSizing(r: SizingResult, profileFile: string, wallMs: number): string {
  const out: string[] = [];
  out.push(`capsim size: ${r.target.note}; SLO p95 ≤ ${num(r.slo.p95_ms)} ms, errors ≤ ${pct(r.slo.max_error_rate, 2)}; headroom ${pct(r.headroom, 0)}; ${r.provider}`);
  out.push(`profile: ${profileFile} ("${r.profile}")`);
  out.push(`checked at: ${r.checked_load.users !== undefined ? `${count(r.checked_load.users)} concurrent users` : `${num(r.checked_load.rate_per_s ?? 0)} req/s`} (target × ${1 + r.headroom})`);
  out.push('');
  const rec = r.recommended;
  if (rec) {
    out.push(`recommended: ${rec.description}`);
    out.push(`monthly cost: ${usd(rec.cost.total_usd_per_month)}`);
    out.push('');
    out.push(
      table(
        ['check', 'load', 'p95 ms', 'p95 95% CI', 'user errors', 'bottleneck'],
        [
          ['with headroom', r.checked_load.users !== undefined ? count(r.checked_load.users) : num(r.checked_load.rate_per_s ?? 0), num(rec.at_headroom.p95_ms), `${num(rec.at_headroom.p95_lo)}–${num(rec.at_headroom.p95_hi)}`, pct(rec.at_headroom.user_error_rate, 2), `${rec.at_headroom.bottleneck.resource} ${pct(rec.at_headroom.bottleneck.utilization, 0)}`],
          ['target', r.target.concurrent_users !== undefined ? count(r.target.concurrent_users) : num(r.target.rps ?? 0), num(rec.at_target.p95_ms), '', pct(rec.at_target.user_error_rate, 2), `${rec.at_target.bottleneck.resource} ${pct(rec.at_target.bottleneck.utilization, 0)}`],
        ],
      ),
    );
    out.push('');
    out.push(formatBreakdown('recommended', rec.cost, undefined));
  } else {
    out.push('no deployment found within the search space');
  }
  out.push('', 'why:', ...r.explanation.lines.map((l) => `  ${l}`));
  out.push('', `search: ${r.search.candidates} candidates; ${r.search.checked} checked in cost order — ${r.search.config_rejected} not configurable, ${r.search.capacity_rejected} under the capacity bound, ${r.search.lint_rejected} with lint errors, ${r.search.analytic_rejected} over the SLO analytically, ${r.search.simulated} simulated`);
  out.push(`  ${r.search.note}`);
  out.push('', 'sizing assumptions:', ...r.assumptions.map((a) => `  - ${a}`));
  out.push('', `wall time ${num(wallMs / 1000)} s`);
  return out.join('\n');
}

export function sizeCommand(opts: Options): number {
  const users = numberOption(opts, 'users', 'a whole number ≥ 1', (x) => Number.isInteger(x) && x >= 1);
  const daily = numberOption(opts, 'daily-users', 'a whole number ≥ 1', (x) => Number.isInteger(x) && x >= 1);
  const rps = numberOption(opts, 'rps', 'a rate > 0', (x) => x > 0);
  const given = [users, daily, rps].filter((x) => x !== undefined).length;
  if (given !== 1) throw new CliError('size: expected exactly one of --users, --daily-users or --rps');
  const profileFile = typeof opts.like === 'string' ? opts.like : REFERENCE_PROFILE;
  const profile = loadWebStack(profileFile, 'as the profile');
  // Without --slo-p95 the --like scenario's own SLO applies; the reference profile has none worth assuming.
  const p95 = numberOption(opts, 'slo-p95', 'a time in ms > 0', (x) => x > 0) ?? (typeof opts.like === 'string' ? profile.slo.p95_ms : undefined);
  if (p95 === undefined) throw new CliError('size: expected --slo-p95 (the p95 latency bound in ms), or --like a scenario whose SLO to keep');
  const maxErr = numberOption(opts, 'max-error-rate', 'a fraction within 0..1', (x) => x >= 0 && x <= 1) ?? (typeof opts.like === 'string' ? profile.slo.max_error_rate : 0.01);
  const headroom = numberOption(opts, 'headroom', 'a fraction ≥ 0 (0.3 = 30 %)', (x) => x >= 0 && x <= 10) ?? DEFAULT_HEADROOM;
  const length = runLengthOptions(opts);
  const provider = opts.provider;
  if (typeof provider !== 'string' || provider === '') throw new CliError('size: expected --provider (a pricing catalog: see scenarios/pricing/)');
  const out = typeof opts.out === 'string' ? opts.out : undefined;
  const outFile: OutputTarget | undefined = out === undefined ? undefined : { flag: '--out', path: out, kind: 'file', what: 'the recommended scenario', mkdir: opts.mkdir === true };
  if (out !== undefined && existsSync(out)) throw new CliError(`--out ${out}: exists; refusing to overwrite it (choose another name or remove it)`);
  if (outFile) checkOutputTarget(outFile);
  const ctx = cliContext();
  if (!ctx.catalogs.some((c) => c.provider === provider)) throw new CliError(`--provider: expected one of ${ctx.catalogs.map((c) => c.provider).join(', ')}, got ${JSON.stringify(provider)}`);
  const started = performance.now();
  const line = progressLine('size');
  let r: SizingResult;
  try {
    r = inFile(profileFile, () =>
      size(
        { profile, target: { ...(users !== undefined && { users }), ...(daily !== undefined && { daily_users: daily }), ...(rps !== undefined && { rps }) }, slo: { p95_ms: p95, max_error_rate: maxErr }, provider, headroom, ...length },
        { ...ctx, onProgress: line.update },
      ),
    );
  } finally {
    line.done();
  }
  const wall = performance.now() - started;
  if (outFile && r.recommended) {
    writeFileAtomic(
      outFile,
      scenarioYaml(r.recommended.scenario, [
        `Written by capsim size on profile ${basename(profileFile)}: ${r.recommended.description}`,
        `Target: ${r.target.note}; SLO p95 <= ${r.slo.p95_ms} ms, errors <= ${r.slo.max_error_rate}; checked at target x ${1 + r.headroom}.`,
        `Monthly cost ${usd(r.recommended.cost.total_usd_per_month)} (${r.provider} list prices; refresh before quoting).`,
      ]),
      { overwrite: false },
    );
  }
  if (opts.json) {
    console.log(JSON.stringify({ ...r, profile_file: profileFile, wall_ms: wall, ...(out && r.recommended && { written: out }) }, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2));
  } else {
    console.log(formatSizing(r, profileFile, wall));
    if (out !== undefined && r.recommended) console.log(`\nwrote ${out} (capsim run ${out}; capsim export ${out})`);
  }
  return r.recommended ? EXIT_OK : EXIT_FAILED;
}
