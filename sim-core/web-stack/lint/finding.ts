// What a lint check reports: a finding with the scenario path it concerns, a one-sentence message carrying the
// numbers, the numbers themselves (for --json and tests) and a concrete fix with the number to use.

import type { WebStackScenario } from '../schema/web-stack-schema';

export type LintSeverity = 'error' | 'warning' | 'info';

export interface LintFinding {
  /** Stable kebab-case id, e.g. 'db-connections-exceed-max'. */
  id: string;
  severity: LintSeverity;
  /** Scenario path the finding concerns, e.g. 'app.sqlalchemy' or 'hosts[2]'. */
  path: string;
  /** One sentence with the numbers. */
  message: string;
  numbers: Record<string, number>;
  /** A concrete change with the number to use. */
  fix: string;
}

/** A check reads the parsed scenario and returns its findings (none when consistent). */
export type LintCheck = (s: WebStackScenario) => LintFinding[];

/** Whole numbers with thousands separators (12,000), others with up to two decimals. */
export function n(x: number): string {
  if (x === Infinity) return 'unbounded';
  return x.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** Megabytes as a reader writes them: "9,600 MB" or "12 GB" when whole gigabytes. */
export function mb(x: number): string {
  if (x >= 1024 && Number.isInteger(x / 1024)) return `${n(x / 1024)} GB`;
  return `${n(x)} MB`;
}
