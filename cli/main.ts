// capsim command-line entry: dispatches sub-commands and maps errors to exit codes (2 for bad input).

import { parseArgs } from 'node:util';
import { benchCommand } from './commands/bench';
import { capacityCommand } from './commands/capacity';
import { claimsCommand } from './commands/claims';
import { costCommand } from './commands/cost';
import { exportCommand } from './commands/export';
import { lintCommand } from './commands/lint';
import { reportCommand } from './commands/report';
import { runCommand } from './commands/run';
import { schemaCommand } from './commands/schema';
import { selftestCommand } from './commands/selftest';
import { sizeCommand } from './commands/size';
import { sweepCommand } from './commands/sweep';
import { validateCommand } from './commands/validate';
import { CliError, EXIT_BAD_INPUT, EXIT_OK } from './exit-codes';
import { guardStdout } from './output/stdout-errors';

const USAGE = `capsim — capacity simulator for web stacks

usage:
  capsim run <scenario> [--users N | --rps R] [--duration S] [--seed K] [--json] [--max-events N] [--precision F]
  capsim sweep <scenario> --users 100,1000,10000 | --rps 50,100 [--json]   one row per load, on all cores
  capsim capacity <scenario> --slo-p95 MS [--max-error-rate F] [--rps] [--json]   most users (or req/s) within the SLO
  capsim size --users N | --daily-users D --slo-p95 MS --provider P [--like scenario] [--headroom F] [--out rec.yaml [--mkdir]] [--json]
  capsim claims <scenario> [--json]         the document's claims beside the simulated values, with verdicts
  capsim validate <scenario>
  capsim export <scenario> --out DIR [--mkdir] [--target bare|compose|k8s] [--duration S]   deployment configs sized as simulated
  capsim report <scenario> --out report.pdf|report.html|report.md [--mkdir] [--users N]   the sizing report
  capsim cost <scenario> [--json]           monthly cost from the pricing catalogs in scenarios/pricing/
  capsim lint <scenario> [--json]           cross-tier checks before simulating (connections, RAM, caps)
  capsim selftest [--json]
  capsim bench [--json] [--customers N] [--users N]
  capsim schema web-stack|queueing          print the JSON Schema of a scenario kind

<scenario> is a .json, .yaml or .yml file (see scenarios/ and README.md). --out is checked before anything runs
and written all or nothing; --mkdir creates its missing folders.
Exit codes: 0 success, 1 a check failed (selftest FAIL, lint errors), 2 bad input.`;

export type Options = Record<string, string | boolean | undefined>;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  guardStdout();
  try {
    if (!command || command === 'help' || command === '--help' || command === '-h') {
      console.log(USAGE);
      return EXIT_OK;
    }
    // `capacity --rps` is a flag (search the rate instead of users); elsewhere --rps takes a value.
    const args = command === 'capacity' ? rest.map((a, i) => (a === '--rps' && (i + 1 >= rest.length || rest[i + 1].startsWith('--')) ? '--rps=true' : a)) : rest;
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean' },
        seed: { type: 'string' },
        duration: { type: 'string' },
        'max-events': { type: 'string' },
        precision: { type: 'string' },
        customers: { type: 'string' },
        users: { type: 'string' },
        part: { type: 'string' },
        out: { type: 'string' },
        target: { type: 'string' },
        'slo-p95': { type: 'string' },
        'max-error-rate': { type: 'string' },
        'daily-users': { type: 'string' },
        provider: { type: 'string' },
        like: { type: 'string' },
        headroom: { type: 'string' },
        rps: { type: 'string' },
        mkdir: { type: 'boolean' },
      },
    });
    const opts = values as Options;
    switch (command) {
      case 'run':
        return runCommand(requireScenario(positionals, 'run'), opts);
      case 'sweep':
        return await sweepCommand(requireScenario(positionals, 'sweep'), opts);
      case 'capacity':
        return capacityCommand(requireScenario(positionals, 'capacity'), opts);
      case 'size':
        if (positionals.length) throw new CliError(`size: takes no scenario file (use --like <scenario>), got ${positionals.join(' ')}`);
        return sizeCommand(opts);
      case 'claims':
        return claimsCommand(requireScenario(positionals, 'claims'), opts);
      case 'validate':
        return validateCommand(requireScenario(positionals, 'validate'));
      case 'selftest':
        return selftestCommand(opts);
      case 'bench':
        return benchCommand(opts);
      case 'cost':
        return costCommand(requireScenario(positionals, 'cost'), { json: opts.json === true });
      case 'export':
        return exportCommand(requireScenario(positionals, 'export'), {
          out: opts.out as string | undefined,
          target: opts.target as string | undefined,
          duration: numberOption(opts, 'duration', 'a number of seconds ≥ 0 (0 skips the sizing run)', (x) => x >= 0),
          mkdir: opts.mkdir === true,
        });
      case 'report':
        return await reportCommand(requireScenario(positionals, 'report'), opts);
      case 'lint':
        return lintCommand(requireScenario(positionals, 'lint'), { json: opts.json === true });
      case 'schema':
        return schemaCommand(positionals[0]);
      default:
        throw new CliError(`unknown command "${command}": expected one of run, sweep, capacity, size, claims, validate, lint, cost, export, report, selftest, bench, schema (capsim help)`);
    }
  } catch (e) {
    if (e instanceof CliError) {
      console.error(`capsim: ${e.message.split('\n').join('\ncapsim: ')}`);
      return e.exitCode;
    }
    if (e instanceof TypeError && (e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`capsim: ${e.message} (capsim help)`);
      return EXIT_BAD_INPUT;
    }
    throw e;
  }
}

function requireScenario(positionals: string[], command: string): string {
  if (positionals.length !== 1) throw new CliError(`${command}: expected exactly one scenario file, got ${positionals.length}`);
  return positionals[0];
}

/** A numeric option: a finite number satisfying `ok`, or a CliError naming the option and what was expected. */
export function numberOption(opts: Options, name: string, expected: string, ok: (x: number) => boolean): number | undefined {
  const raw = opts[name];
  if (raw === undefined) return undefined;
  const x = Number(raw);
  if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(x) || !ok(x)) {
    throw new CliError(`--${name}: expected ${expected}, got ${JSON.stringify(raw)}`);
  }
  return x;
}
