// sim-core's front door: the only module the renderer and the CLI import (with the request map of protocol.ts).
// The api functions, one per request, and the types and pure helpers their callers need to build arguments
// and show results. Everything behind it may move; what is exported here is the contract.

export type * from './protocol';

// The api: one function per request, the routing table and the message handler every transport wraps.
export { validate } from './api/validate';
export { run } from './api/run';
export { sweep } from './api/sweep';
export { preview } from './api/preview';
export { claims } from './api/claims';
export { capacity } from './api/capacity';
export { headline } from './api/headline';
export { lint } from './api/lint';
export { cost } from './api/cost';
export { exportConfigs } from './api/export';
export { report, reportPlan, loadKey, type ReportPlan } from './api/report';
export { providers } from './api/providers';
export { size, DEFAULT_HEADROOM } from './api/size';
export { call, handlers, handleMessage, toWorkerError, type Handler, type Transport } from './api/dispatch';
export { Cancelled, quietContext, type ApiContext } from './api/context';

// Scenario files: text → value → typed scenario, with path-naming errors.
export { parseScenario, scenarioKinds, type Scenario } from './scenario/parse-scenario';
export { checkLoadOverride, type AnyRunResult } from './scenario/run-scenario';
export { jsonSchemaKinds, scenarioJsonSchema, type JsonSchemaKind } from './scenario/scenario-json-schema';
export { formatFromName, parseScenarioText, type ScenarioFormat } from './schema/scenario-text';
export { decodeScenarioBytes } from './schema/decode-text';
export { MAX_SCENARIO_BYTES } from './schema/text-limits';
export { estimateRun, formatBytes, type RunEstimate } from './scenario/run-limits';
export { issueLine, ScenarioError, type ScenarioIssue } from './schema/schema-errors';
export { checkStability } from './queueing/run-queueing-model';
export type { QueueingModel } from './queueing/queueing-model-schema';
export type { WebStackScenario, Assumption, Claim } from './web-stack/schema';

// Results.
export { latencyKeys, type IntervalJson, type LatencyKey, type LatencySummary, type RunResult, type StopReasonJson } from './run/run-result';
export type { RunControl } from './run/run-control';
export type { WebStackResult, ClassResult, HostMemory } from './web-stack/runtime/web-stack-result';
export type { WebStackPreview } from './web-stack/preview/preview-web-stack';
export type { ClaimVerdict, Verdict } from './web-stack/claims/claim-verdict';
export type { LintFinding, LintSeverity } from './web-stack/lint/finding';
export type { CapacityMetric, CapacityResult, CapacityEvaluation } from './capacity/capacity-search';
export type { SloBound } from './capacity/judge';
export type { SizingResult, SizingTarget } from './capacity/sizing-search';

// What settings imply, for views that show it.
export { dailyPeakUsers } from './web-stack/derived/daily-peak-users';

// Cost.
export { parseCatalog } from './cost/parse-catalog';
export { costPerMillionRequests } from './cost/cost-per-million';
export type { PricingCatalog } from './cost/pricing-schema';
export type { CostBreakdown, CostLineItem } from './cost/cost-breakdown';

// Export.
export { DEFAULT_VERSIONS, exportTargets, versionChoices, type ExportResult, type ExportTarget, type SimulatedResult, type TargetVersions } from './export/context';

// Report rendering (the model comes from `report`).
export { renderReportHtml, renderReportMarkdown, sweepLoads, loadValue, type ReportModel } from './report';

// The engine checked against exact results, and the figures the bench compares with.
export { conformanceCases, type ConformanceCase } from './selftest/conformance-cases';
export { runConformanceCase, selftest, type CaseResult, type CheckResult } from './selftest/selftest';
export { mmc } from './analytic/erlang-c';
