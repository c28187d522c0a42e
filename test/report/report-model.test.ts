// The sizing report's model carries the inputs' numbers unchanged, and both renderers show all of it: one row per
// claim, every assumption with its source, the cost items summing to the total, no NaN or undefined anywhere.

import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport, renderReportHtml, renderReportMarkdown, sweepLoads, type ReportInput, type ReportModel } from '../../sim-core/report';
import { lineChartSvg } from '../../sim-core/report/svg-line-chart';
import { htmlNestingProblems, htmlText, reportInputFor } from './helpers';

describe('buildReport on exam-portal/after (short simulations)', () => {
  let input: ReportInput;
  let model: ReportModel;
  let html: string;
  let md: string;
  beforeAll(() => {
    input = reportInputFor('scenarios/exam-portal/after.yaml');
    model = buildReport(input);
    html = renderReportHtml(model);
    md = renderReportMarkdown(model);
  });

  it('takes the question from the target load and the SLO', () => {
    expect(model.question.load).toBe(10_000);
    expect(model.question.unit).toBe('users');
    expect(model.question.slo).toEqual({ p95_ms: input.scenario.slo.p95_ms, max_error_rate: input.scenario.slo.max_error_rate });
    expect(model.answer.p95_ms).toBe(input.target.latency_ms.p95);
    expect(model.answer.meets_slo).toBe(input.target.slo.met);
    expect(model.answer.binding).toEqual(input.target.bottleneck);
  });

  it('cost: the total is the sum of the items, per million and headroom follow from it', () => {
    const sum = input.cost.items.reduce((s, i) => s + i.usd_per_month, 0);
    expect(model.cost.rows).toHaveLength(input.cost.items.length);
    expect(model.cost.items_sum_usd).toBeCloseTo(sum, 6);
    expect(model.cost.total_usd_per_month).toBeCloseTo(sum, 1);
    expect(model.answer.monthly_usd).toBe(input.cost.total_usd_per_month);
    const millions = (input.target.throughput_rps * 2_628_000) / 1e6;
    expect(model.cost.usd_per_million_requests).toBeCloseTo(input.cost.total_usd_per_month / millions, 9);
    const u = Math.min(1, input.target.bottleneck.utilization);
    expect(model.cost.headroom.headroom_usd_per_month).toBeCloseTo(input.cost.capacity_usd_per_month * (1 - u), 9);
    for (const r of model.cost.rows) expect(r.source.length).toBeGreaterThan(0);
  });

  it('claims: one row per claim of the scenario, verdicts counted', () => {
    expect(model.claims.rows.map((c) => c.id)).toEqual(input.scenario.claims.map((c) => c.id));
    const counted = Object.values(model.claims.counts).reduce((a, b) => a + b, 0);
    expect(counted).toBe(input.scenario.claims.length);
    const htmlRows = html.slice(html.indexOf('id="claims"'), html.indexOf('id="assumptions"')).match(/<tr>/g)?.length ?? 0;
    expect(htmlRows).toBe(input.scenario.claims.length + 1); // + header row
  });

  it('every assumption appears with its source, in the model and both renderings', () => {
    expect(model.assumptions).toEqual(input.scenario.assumptions);
    const text = htmlText(html);
    for (const a of input.scenario.assumptions) {
      expect(text).toContain(a.about);
      expect(text).toContain(a.source);
      expect(md).toContain(a.source.replace(/\|/g, '\\|'));
    }
  });

  it('the load curve holds the sweep and the target, sorted by load, the target marked', () => {
    const loads = model.curve.points.map((p) => p.load);
    expect(loads).toEqual(sweepLoads({ users: 10_000 }).map((l) => l.users));
    expect(model.curve.points.filter((p) => p.is_target).map((p) => p.load)).toEqual([10_000]);
    expect(model.curve.slo_p95_ms).toBe(input.scenario.slo.p95_ms);
  });

  it('saturation lists every resource of the target run, the binding one flagged once', () => {
    expect(model.saturation.map((r) => r.resource).sort()).toEqual(Object.keys(input.target.utilization).sort());
    expect(model.saturation.filter((r) => r.binding).map((r) => r.resource)).toEqual([input.target.bottleneck.resource]);
  });

  it('the capacity shows the method it was found by (here the analytic estimate the input carries)', () => {
    expect(model.answer.capacity.method).toBe('analytic estimate');
    expect(model.answer.capacity.lo).toBeLessThanOrEqual(model.answer.capacity.hi);
    expect(html).toContain('analytic estimate');
  });

  it('HTML: a complete document, sections closed, charts inline, nothing external, no NaN/undefined', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(htmlNestingProblems(html)).toEqual([]);
    const opened = html.match(/<section\b/g)?.length ?? 0;
    expect(opened).toBe(html.match(/<\/section>/g)?.length);
    expect(opened).toBeGreaterThanOrEqual(10);
    expect(html.match(/<svg\b/g)?.length).toBe(2);
    expect(html).toContain('SLO: p95 ≤ 300 ms');
    expect(html).not.toMatch(/<script|<link\b|src="http|url\(http|@import/);
    const text = htmlText(html);
    expect(text).not.toMatch(/\bNaN\b|\bundefined\b|Infinity/);
    expect(html).not.toMatch(/NaN|undefined/);
    expect(html).toContain('@page');
    expect(html).toContain('break-before: page');
  });

  it('Markdown: the tables are there, no NaN/undefined', () => {
    for (const heading of ['## The question', '## The answer', '## Recommended deployment', '## Load curve', '## Saturation at the target load', '## Monthly cost', '## The document’s claims against the simulation', '## Assumptions', '## Configuration checks', '## Appendix: deployment configs']) {
      expect(md).toContain(heading);
    }
    expect(md).toContain('| Item | Qty | Unit | Unit price | USD/month | Source |');
    expect(md).toContain('| Claim | Document says | Claimed | Simulated | Verdict | Why |');
    expect(md).toContain('| About | Value | Source | Reason |');
    const claimRows = md.split('\n').filter((l) => model.claims.rows.some((c) => l.startsWith(`| ${c.id} |`)));
    expect(claimRows).toHaveLength(model.claims.rows.length);
    expect(md).toContain('### nginx.conf');
    expect(md).not.toMatch(/\bNaN\b|\bundefined\b/);
  });

  it('the appendix holds the exported configs but not the scenario file itself', () => {
    const names = model.appendix.files.map((f) => f.name);
    expect(names).toContain('nginx.conf');
    expect(names).not.toContain('scenario.yaml');
  });

  it('a capacity search result is shown as given', () => {
    const m = buildReport({ ...input, capacity: { max_load: 1234, binding_resource: 'server.cpu', confidence: { lo: 1200, hi: 1300, note: 'test' }, method: 'simulation search' } });
    expect(m.answer.capacity).toMatchObject({ max_load: 1234, lo: 1200, hi: 1300, method: 'simulation search', binding_resource: 'server.cpu' });
    expect(m.answer.capacity.headroom_factor).toBeCloseTo(0.1234, 9);
  });

  it('a string in place of configs leaves the appendix out and says why', () => {
    const m = buildReport({ ...input, configs: 'export module not available' });
    expect(m.appendix.files).toEqual([]);
    expect(renderReportHtml(m)).toContain('export module not available');
  });
});

describe('the SVG line chart', () => {
  it('keeps non-finite points out and labels its axes', () => {
    const svg = lineChartSvg({ width: 400, height: 200, xLabel: 'users', yLabel: 'ms', series: [{ name: 'p95', color: '#000', points: [[0, 1], [10, Number.NaN], [20, Infinity], [30, 5]] }], hline: { y: 3, label: 'SLO', color: 'red' } });
    expect(svg).not.toMatch(/NaN|Infinity|undefined/);
    expect(svg).toContain('>users<');
    expect(svg).toContain('>ms<');
    expect(htmlNestingProblems(svg)).toEqual([]);
  });
});
