// Reads a scenario file from disk and validates it through sim-core's `validate`; every problem becomes a
// CliError naming the file and the path.

import { readFileSync } from 'node:fs';
import { formatFromName, issueLine, validate, type Scenario, type WebStackScenario } from '../sim-core/index';
import { CliError } from './exit-codes';

export function loadScenario(file: string): Scenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`${file}: cannot read the scenario file (${code === 'ENOENT' ? 'no such file' : code ?? (e as Error).message})`);
  }
  const v = validate({ text, format: formatFromName(file) });
  if (!v.ok) throw new CliError(v.issues.map((i) => `${file}: ${issueLine(i)}`).join('\n'));
  return v.scenario;
}

/** A web-stack scenario, or bad input saying what the command needs it for. */
export function loadWebStack(file: string, purpose: string): WebStackScenario {
  const s = loadScenario(file);
  if (s.kind !== 'web-stack') throw new CliError(`${file}: kind: expected a "web-stack" scenario ${purpose}, got "${s.kind}"`);
  return s;
}
