// Lint's own helpers over the scenario: where a host sits in the list (for finding paths), and how to split a
// per-process connection budget into a pool. The numbers settings imply live in derived/.

import type { WebStackScenario } from '../schema/web-stack-schema';

export function hostIndex(s: WebStackScenario, name: string): number {
  return s.hosts.findIndex((h) => h.name === name);
}

/** Split a per-process connection budget into pool_size + max_overflow, keeping the scenario's proportion. */
export function splitPool(budget: number, poolSize: number, maxOverflow: number): { pool_size: number; max_overflow: number } {
  const total = poolSize + maxOverflow;
  const pool = total === 0 ? budget : Math.min(budget, Math.max(budget > 0 ? 1 : 0, Math.round((budget * poolSize) / total)));
  return { pool_size: pool, max_overflow: budget - pool };
}
