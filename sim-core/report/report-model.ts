// Every number and sentence a sizing report shows, computed once by buildReport; the HTML and Markdown renderers
// only lay it out. Latencies in ms, throughput in req/s, utilisation as fractions 0..1, money in USD per month.

import type { CostKind } from '../cost/cost-breakdown';
import type { HeadroomCost } from '../cost/headroom-cost';
import type { Assumption } from '../web-stack/schema/claims';
import type { ClaimVerdict, Verdict } from '../web-stack/claims/claim-verdict';
import type { LintFinding } from '../web-stack/lint/finding';

export type LoadUnit = 'users' | 'req/s';

export interface ReportQuestion {
  /** "10,000 concurrent users" or "500 req/s". */
  load_text: string;
  load: number;
  unit: LoadUnit;
  basis: string;
  slo: { p95_ms: number; max_error_rate: number };
  /** The question in one sentence. */
  text: string;
}

export interface ReportAnswer {
  meets_slo: boolean;
  p95_ms: number;
  p99_ms: number;
  user_error_rate: number;
  throughput_rps: number;
  binding: { resource: string; utilization: number };
  monthly_usd: number;
  usd_per_million_requests: number;
  capacity: {
    max_load: number;
    unit: LoadUnit;
    lo: number;
    hi: number;
    binding_resource: string;
    method: string;
    note: string;
    /** max_load over the target load (≥ 1: the target fits with this margin). */
    headroom_factor: number;
  };
  /** The answer in a few plain sentences, for the summary box. */
  sentences: string[];
}

export interface DeploymentHost {
  name: string;
  vcpus: number;
  ram: string;
  disk: string;
  nic: string;
  /** "hetzner ccx33", or "matched: …" when the catalog picked it. */
  instance: string;
  usd_per_month: number;
  /** The processes placed on it, with their key settings. */
  runs: string[];
}

export interface DeploymentComponent {
  component: string;
  host: string;
  settings: string;
}

export interface CurvePoint {
  load: number;
  throughput_rps: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  user_error_rate: number;
  slo_met: boolean;
  bottleneck: string;
  bottleneck_utilization: number;
  is_target: boolean;
}

export interface SaturationRow {
  resource: string;
  /** Plain words: "CPU of host server", "database connections". */
  label: string;
  utilization: number;
  binding: boolean;
}

export interface CostRow {
  item: string;
  kind: CostKind;
  quantity: number;
  unit: string;
  unit_usd: number;
  usd_per_month: number;
  source: string;
  note?: string;
}

export interface ReportCost {
  rows: CostRow[];
  /** Sum of the rows' usd_per_month (equals total_usd_per_month). */
  items_sum_usd: number;
  total_usd_per_month: number;
  capacity_usd_per_month: number;
  usage_usd_per_month: number;
  usd_per_million_requests: number;
  throughput_rps: number;
  headroom: HeadroomCost;
  basis: string;
  catalogs: { provider: string; retrieved: string; source: string }[];
  assumptions: string[];
  warnings: string[];
}

export interface ReportClaims {
  rows: ClaimVerdict[];
  counts: Record<Verdict, number>;
}

export interface ReportAppendix {
  target?: string;
  files: { name: string; text: string }[];
  warnings: string[];
  /** Why some or all files are not shown. */
  note?: string;
}

export interface ReportModel {
  title: string;
  scenario: { name: string; description?: string; file?: string; document?: string; tier?: string; group?: string };
  generated_at: string;
  /** generated_at as a date for the header: "2025-11-02". */
  date: string;
  generator: string;
  question: ReportQuestion;
  answer: ReportAnswer;
  deployment: { hosts: DeploymentHost[]; components: DeploymentComponent[] };
  curve: { unit: LoadUnit; points: CurvePoint[]; slo_p95_ms: number; target_load: number };
  saturation: SaturationRow[];
  cost: ReportCost;
  claims: ReportClaims;
  assumptions: Assumption[];
  lint: LintFinding[];
  appendix: ReportAppendix;
  method: { duration_s: number; seed: number; points: number; warmup_rule: string; warnings: string[] };
}
