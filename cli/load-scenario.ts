// Reads a scenario file from disk (at most MAX_SCENARIO_BYTES, strict UTF-8) and validates it through
// sim-core's `validate`; every problem becomes a CliError naming the file and the path, through the one
// formatter (scenarioErrorFor) every command uses for a refused scenario.

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { decodeScenarioBytes, formatFromName, issueLine, MAX_SCENARIO_BYTES, ScenarioError, validate, type Scenario, type WebStackScenario } from '../sim-core/index';
import { CliError } from './exit-codes';

/** The CLI's one-line-per-issue form of a refused scenario: `file: path: message`. */
export function scenarioErrorFor(file: string, e: ScenarioError): CliError {
  return new CliError(e.issues.map((i) => `${file}: ${issueLine(i)}`).join('\n'));
}

/** At most MAX_SCENARIO_BYTES + 1 bytes of the file: enough to know it is too large without reading it all. */
function readBounded(file: string): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: info.isDirectory() ? 'EISDIR' : 'ENOTFILE' });
    const buf = Buffer.alloc(Math.min(info.size, MAX_SCENARIO_BYTES) + 1);
    let n = 0;
    for (let got; n < buf.length && (got = readSync(fd, buf, n, buf.length - n, null)) > 0; ) n += got;
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

export function loadScenario(file: string): Scenario {
  let bytes: Uint8Array;
  try {
    bytes = readBounded(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder, not a file' : code === 'ENOTFILE' ? 'not a regular file' : code === 'EACCES' ? 'permission denied' : code ?? (e as Error).message;
    throw new CliError(`${file}: cannot read the scenario file (${why})`);
  }
  let text: string;
  try {
    text = decodeScenarioBytes(bytes);
  } catch (e) {
    if (e instanceof ScenarioError) throw scenarioErrorFor(file, e);
    throw e;
  }
  const v = validate({ text, format: formatFromName(file) });
  if (!v.ok) throw scenarioErrorFor(file, new ScenarioError(v.issues));
  return v.scenario;
}

/** A web-stack scenario, or bad input saying what the command needs it for. */
export function loadWebStack(file: string, purpose: string): WebStackScenario {
  const s = loadScenario(file);
  if (s.kind !== 'web-stack') throw new CliError(`${file}: kind: expected a "web-stack" scenario ${purpose}, got "${s.kind}"`);
  return s;
}
