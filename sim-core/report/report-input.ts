// What the caller hands buildReport: the scenario and everything already simulated or computed for it. Simulation
// is the caller's (CLI in worker threads, the app in its Web Worker), so the report itself stays pure and fast.

import type { CapacityEstimate } from '../capacity/analytic-capacity';
import type { CostBreakdown } from '../cost/cost-breakdown';
import type { ClaimVerdict } from '../web-stack/claims/claim-verdict';
import type { LintFinding } from '../web-stack/lint/finding';
import type { WebStackScenario } from '../web-stack/schema/web-stack-schema';
import type { WebStackResult } from '../web-stack/runtime/web-stack-result';

/** "Max load within the SLO" as the report shows it (from the simulated capacity search). */
export type { CapacityEstimate as CapacityInput } from '../capacity/analytic-capacity';

export interface ConfigsInput {
  target: string;
  files: Record<string, string>;
  warnings: string[];
}

export interface ReportInput {
  scenario: WebStackScenario;
  /** The scenario file as the user named it, shown in the header. */
  file?: string;
  /** When the report was generated (ISO 8601); injected, sim-core has no clock. */
  generated_at: string;
  /** The load the question is about; with neither field, the scenario's own. */
  target_load: { users?: number; rate_per_s?: number };
  /** Where the target load comes from, in words ("--users 2,000", "the scenario's own load"). */
  target_basis: string;
  /** The simulation at the target load. */
  target: WebStackResult;
  /** Simulated points of the load curve, any order (sorted by load in the model). */
  sweep: WebStackResult[];
  claims: ClaimVerdict[];
  /** Monthly cost priced at the target result's traffic. */
  cost: CostBreakdown;
  lint: LintFinding[];
  capacity: CapacityEstimate;
  /** Exported configs for the appendix; a string says why there is none. */
  configs?: ConfigsInput | string;
  /** How the points were simulated: duration per point (simulated seconds) and seed. */
  run: { duration_s: number; seed: number };
  /** Producer shown in the footer, e.g. "capsim 0.1.0". */
  generator?: string;
}
