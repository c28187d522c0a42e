// The pricing catalogs the CLI hands to sim-core: every *.json in scenarios/pricing/, validated; a bad catalog
// is bad input naming its file and path.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoPath } from './repo-paths';
import { issueLine, parseCatalog, ScenarioError, type ApiContext, type PricingCatalog } from '../sim-core/index';
import { CliError } from './exit-codes';

export const PRICING_DIR = repoPath('scenarios', 'pricing');

export function loadCatalogs(dir = PRICING_DIR): PricingCatalog[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  } catch {
    throw new CliError(`${dir}: cannot read the pricing catalogs folder`);
  }
  if (files.length === 0) throw new CliError(`${dir}: expected at least one pricing catalog (*.json)`);
  return files.map((f) => {
    const path = join(dir, f);
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      throw new CliError(`${path}: expected valid JSON (${(e as Error).message})`);
    }
    try {
      return parseCatalog(data);
    } catch (e) {
      if (e instanceof ScenarioError) throw new CliError(e.issues.map((i) => `${path}: ${issueLine(i)}`).join('\n'));
      throw e;
    }
  });
}

let cached: PricingCatalog[] | undefined;

/** The context of an api call from the CLI: the catalogs (read once), the process clock, an optional progress line. */
export function cliContext(onProgress?: ApiContext['onProgress']): ApiContext {
  cached ??= loadCatalogs();
  return { catalogs: cached, clock: () => performance.now(), ...(onProgress && { onProgress }) };
}
