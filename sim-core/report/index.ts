// The sizing report: buildReport turns simulated results, cost, claims, lint and exported configs into one model;
// renderReportHtml (print-ready, self-contained) and renderReportMarkdown lay it out. Pure: the CLI and the app's
// Report button both call it.
export { buildReport } from './build-report';

export type { CapacityInput, ConfigsInput, ReportInput } from './report-input';
export type * from './report-model';
export { renderReportHtml, type HtmlOptions } from './render-html';
export { renderReportMarkdown } from './render-markdown';
export { loadValue, sweepLoads, SWEEP_SHARES, type TargetLoad } from './sweep-loads';
