// Cross-tier lint of a web-stack scenario: the consistency checks people get wrong before anything is simulated
// (connections against PgBouncer and max_connections, each host's RAM, nginx's cap, worker counts, timeouts).
// Each check is one file with its formula; every finding carries its numbers and a concrete fix.

import type { WebStackScenario } from '../schema/web-stack-schema';
import { checkConcurrencyVsPool } from './concurrency-vs-pool';
import { checkDjangoConnections } from './django-connections';
import type { LintCheck, LintFinding } from './finding';
import { checkHostRam } from './host-ram';
import { checkMongodbConnections } from './mongodb-connections';
import { checkPgbouncerServerPool } from './pgbouncer-server-pool';
import { checkPgbouncerSessionMode } from './pgbouncer-session-mode';
import { checkProxyCap } from './proxy-cap';
import { checkRedisConnections } from './redis-connections';
import { checkRedisMaxmemory } from './redis-maxmemory';
import { checkSqlalchemyConnections } from './sqlalchemy-connections';
import { checkTimeouts } from './timeouts';
import { checkWorkMem } from './work-mem';
import { checkWorkersVsCores } from './workers-vs-cores';

export type { LintCheck, LintFinding, LintSeverity } from './finding';
export { hostFootprints, type FootprintItem, type HostFootprint } from './host-footprint';

/** Every check, in the order findings of equal severity are listed. */
export const lintChecks: readonly LintCheck[] = [
  checkSqlalchemyConnections,
  checkDjangoConnections,
  checkPgbouncerServerPool,
  checkPgbouncerSessionMode,
  checkMongodbConnections,
  checkRedisConnections,
  checkHostRam,
  checkWorkMem,
  checkRedisMaxmemory,
  checkProxyCap,
  checkWorkersVsCores,
  checkConcurrencyVsPool,
  checkTimeouts,
];

const RANK = { error: 0, warning: 1, info: 2 } as const;

/** All findings for a parsed scenario: errors first, then warnings, then info; [] when consistent. */
export function lintScenario(s: WebStackScenario): LintFinding[] {
  const findings = lintChecks.flatMap((check) => check(s));
  for (const f of findings) {
    // JSON has no Infinity: an unbounded quantity is said in the message and left out of numbers.
    for (const [k, v] of Object.entries(f.numbers)) if (!Number.isFinite(v)) delete f.numbers[k];
  }
  return findings.map((f, i) => ({ f, i })).sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || a.i - b.i).map((x) => x.f);
}
