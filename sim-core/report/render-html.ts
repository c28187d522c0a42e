// The sizing report as one self-contained HTML document (inline CSS and SVG, no scripts, no external resources),
// laid out for A4 print: a summary page with the question and the answer, then one section per page — deployment,
// load curve, saturation, cost, claims, assumptions, lint, method — and the exported configs as an appendix.

import { count, displayQuote, escapeHtml as e, ms, num, pct, unitUsd, usd } from './format';
import { htmlTable } from './html-table';
import { latencyChart, utilisationChart } from './report-charts';
import { reportCss } from './report-css';
import type { ReportModel } from './report-model';
import { VERDICT_TEXT, verdictSummary } from './verdict-text';

export interface HtmlOptions {
  /** Running header and footer from CSS page margin boxes (default true); off when the printer draws its own. */
  cssHeaderFooter?: boolean;
}

function section(id: string, title: string, body: string): string {
  return `<section class="report" id="${id}">\n<h2>${e(title)}</h2>\n${body}\n</section>`;
}

function loadCell(m: ReportModel, load: number): string {
  return m.curve.unit === 'users' ? count(load) : num(load);
}

function summary(m: ReportModel): string {
  const a = m.answer;
  const c = a.capacity;
  const sc = m.scenario;
  const meta = [
    ['Scenario', e(sc.name)],
    sc.file ? ['File', `<code>${e(sc.file)}</code>`] : undefined,
    sc.document ? ['Source document', `${e(sc.document)}${sc.tier ? ` — tier “${e(sc.tier)}”` : ''}`] : undefined,
    ['Generated', `${e(m.generated_at.replace('T', ' ').replace(/\.\d+Z$/, ' UTC').replace(/Z$/, ' UTC'))} by ${e(m.generator)}`],
  ].filter((x): x is string[] => x !== undefined);
  const capUnit = c.unit === 'users' ? 'users' : 'req/s';
  const kpis = [
    { cls: a.meets_slo ? 'ok' : 'bad', label: 'SLO at target', value: a.meets_slo ? 'met' : 'missed', sub: `p95 ${ms(a.p95_ms)} · errors ${pct(a.user_error_rate, 2)}` },
    { cls: '', label: 'Monthly cost', value: usd(a.monthly_usd), sub: `${usd(a.usd_per_million_requests)} per million requests` },
    { cls: c.headroom_factor >= 1 ? 'ok' : 'bad', label: 'Max load within SLO', value: `${c.unit === 'users' ? count(c.max_load) : num(c.max_load)} ${capUnit}`, sub: `${c.method} · ${num(c.headroom_factor)}× target` },
    { cls: a.binding.utilization >= 0.9 ? 'bad' : '', label: 'Binding resource', value: pct(a.binding.utilization, 0), sub: e(a.binding.resource) },
  ];
  const body = [
    `<h1>${e(m.title)}</h1>`,
    sc.description ? `<p class="muted">${e(sc.description)}</p>` : '',
    `<dl class="cover-meta">${meta.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`,
    `<div class="box question"><h3>The question</h3><p>${e(m.question.text)}</p><p class="small muted">Target load: ${e(m.question.load_text)} (${e(m.question.basis)}). SLO from the scenario: p95 ≤ ${num(m.question.slo.p95_ms)} ms, errors ≤ ${pct(m.question.slo.max_error_rate, 2)}.</p></div>`,
    `<div class="kpis">${kpis.map((k) => `<div class="kpi ${k.cls}"><div class="label">${k.label}</div><div class="value">${k.value}</div><div class="sub">${k.sub}</div></div>`).join('')}</div>`,
    `<div class="box answer ${a.meets_slo ? 'ok' : 'bad'}"><h3>The answer</h3><ul class="tight">${a.sentences.map((s) => `<li>${e(s)}</li>`).join('')}</ul></div>`,
    `<h3>Contents</h3><ol class="toc">${[
      ['deployment', 'Recommended deployment'], ['load-curve', 'Load curve'], ['saturation', 'Saturation at the target load'],
      ['cost', 'Monthly cost'], ['claims', 'The document’s claims'], ['assumptions', 'Assumptions'], ['lint', 'Configuration checks'],
      ['method', 'Method and caveats'], ['appendix', 'Appendix: deployment configs'],
    ].map(([id, t]) => `<li><a href="#${id}">${t}</a></li>`).join('')}</ol>`,
    `<p class="small muted" style="margin-top:4mm">Every number in this report comes from a discrete-event simulation of the scenario (or, where marked, the analytic model) and from the dated pricing catalogs named in the cost section. Rerun it with <code>capsim report ${e(sc.file ?? '<scenario>')}</code>.</p>`,
  ];
  return `<section class="report first" id="summary">\n${body.join('\n')}\n</section>`;
}

function deployment(m: ReportModel): string {
  const hosts = htmlTable(
    [{ title: 'Host' }, { title: 'Instance (priced as)' }, { title: 'vCPU', num: true }, { title: 'RAM', num: true }, { title: 'Disk' }, { title: 'Network' }, { title: 'Runs' }, { title: 'USD/month', num: true }],
    m.deployment.hosts.map((h) => [e(h.name), e(h.instance), count(h.vcpus), e(h.ram), e(h.disk), e(h.nic), e(h.runs.join(', ')), usd(h.usd_per_month)]),
  );
  const comps = htmlTable(
    [{ title: 'Component', width: '20%' }, { title: 'Host', width: '12%' }, { title: 'Settings simulated' }],
    m.deployment.components.map((c) => [`<b>${e(c.component)}</b>`, e(c.host), e(c.settings)]),
  );
  return section('deployment', 'Recommended deployment', `<p>The deployment the scenario describes, as simulated. Host prices include volumes, backups and add-ons billed per host (see the cost section).</p>\n<h3>Hosts</h3>\n${hosts}\n<h3>Processes and their settings</h3>\n${comps}`);
}

function loadCurve(m: ReportModel): string {
  const unit = m.curve.unit === 'users' ? 'Users' : 'Offered req/s';
  const rows = m.curve.points.map((p) => ({
    className: p.is_target ? 'target' : undefined,
    cells: [
      `${loadCell(m, p.load)}${p.is_target ? ' <b>(target)</b>' : ''}`, num(p.throughput_rps), num(p.p50_ms), num(p.p95_ms), num(p.p99_ms), pct(p.user_error_rate, 2),
      p.slo_met ? '<span class="verdict v-holds">met</span>' : '<span class="verdict v-does_not_hold">missed</span>',
      `${e(p.bottleneck)} ${pct(p.bottleneck_utilization, 0)}`,
    ],
  }));
  const table = htmlTable(
    [{ title: unit, num: true }, { title: 'req/s', num: true }, { title: 'p50 ms', num: true }, { title: 'p95 ms', num: true }, { title: 'p99 ms', num: true }, { title: 'Errors', num: true }, { title: 'SLO' }, { title: 'Busiest resource' }],
    rows,
  );
  const body = [
    `<p>Response time percentiles from ${m.curve.points.length} simulated loads between ${loadCell(m, m.curve.points[0]?.load ?? 0)} and ${loadCell(m, m.curve.points[m.curve.points.length - 1]?.load ?? 0)} ${m.curve.unit}. The dashed red line is the SLO (p95 ≤ ${num(m.curve.slo_p95_ms)} ms); the dotted line marks the target load.</p>`,
    `<div class="chart">${latencyChart(m)}<div class="caption">Figure 1 — p50, p95 and p99 response time against load; each point is one simulation of ${num(m.method.duration_s)} simulated seconds.</div></div>`,
    table,
  ];
  return section('load-curve', 'Load curve', body.join('\n'));
}

function saturation(m: ReportModel): string {
  const rows = m.saturation.map((r) => ({
    className: r.binding ? 'target' : undefined,
    cells: [e(r.label), `<code>${e(r.resource)}</code>`, pct(r.utilization), r.binding ? '<b>binding</b>' : r.utilization >= 0.8 ? 'above 80 %' : ''],
  }));
  const body = [
    `<p>Utilisation of every modelled resource at the target load (${e(m.question.load_text)}). The binding resource — the most utilised — is highlighted: it is what limits this deployment and what to scale first.</p>`,
    `<div class="chart">${utilisationChart(m)}<div class="caption">Figure 2 — time-averaged utilisation per resource; orange above 80 %, red the binding resource; the dashed line is 100 %.</div></div>`,
    htmlTable([{ title: 'Resource' }, { title: 'Model key' }, { title: 'Utilisation', num: true }, { title: '' }], rows),
  ];
  return section('saturation', 'Saturation at the target load', body.join('\n'));
}

function cost(m: ReportModel): string {
  const c = m.cost;
  const rows = c.rows.map((r) => [
    `${e(r.item)}${r.note ? `<div class="src">${e(r.note)}</div>` : ''}`, num(r.quantity), e(r.unit), unitUsd(r.unit_usd), usd(r.usd_per_month), `<span class="src">${e(r.source)}</span>`,
  ]);
  const table = htmlTable(
    [{ title: 'Item', width: '30%' }, { title: 'Qty', num: true }, { title: 'Unit' }, { title: 'Unit price', num: true }, { title: 'USD/month', num: true }, { title: 'Source', width: '26%' }],
    [...rows, { className: 'total', cells: ['Total', '', '', '', usd(c.total_usd_per_month), `capacity ${usd(c.capacity_usd_per_month)} + usage ${usd(c.usage_usd_per_month)}`] }],
  );
  const h = c.headroom;
  const figures = htmlTable(
    [{ title: 'Figure' }, { title: 'Value', num: true }, { title: 'How it is computed' }],
    [
      ['Monthly total', usd(c.total_usd_per_month), 'sum of the line items above'],
      ['Cost per million requests', usd(c.usd_per_million_requests), `total ÷ (${num(c.throughput_rps)} req/s × 2,628,000 s per month ÷ 10⁶)`],
      ['Cost of the headroom', usd(h.headroom_usd_per_month), `capacity items ${usd(h.capacity_usd_per_month)} × (1 − ${pct(h.utilization)} binding utilisation) = ${pct(h.share_of_total)} of the total`],
    ],
  );
  const body = [
    `<p>Priced from the pricing catalogs at the simulated traffic of the target load (${e(c.basis)}). List prices; refresh them before quoting.</p>`,
    table,
    figures,
    '<h3>Price sources</h3>',
    `<ul class="tight">${c.catalogs.map((k) => `<li><b>${e(k.provider)}</b>: list prices entered ${e(k.retrieved)}, ${e(k.source)}</li>`).join('')}</ul>`,
    '<h3>Cost assumptions</h3>',
    `<ul class="tight">${c.assumptions.map((a) => `<li>${e(a)}</li>`).join('')}</ul>`,
    c.warnings.length ? `<h3>Cost warnings</h3><ul class="tight warn-list">${c.warnings.map((w) => `<li>${e(w)}</li>`).join('')}</ul>` : '',
  ];
  return section('cost', 'Monthly cost', body.join('\n'));
}

function claims(m: ReportModel): string {
  const rows = m.claims.rows.map((c) => [
    `<b>${e(c.id)}</b><div class="src">${e(c.metric)}</div>`,
    `<span class="quote">“${e(displayQuote(c.quote))}”</span>`,
    e(c.claimed),
    e(c.simulated),
    `<span class="verdict v-${c.verdict}">${VERDICT_TEXT[c.verdict]}</span><div class="src">${e(c.reason)}</div>`,
  ]);
  const body = m.claims.rows.length
    ? `<p>Each number the source document claims, judged by simulating the load it is made at: ${e(verdictSummary(m.claims.counts))}.</p>\n${htmlTable(
        [{ title: 'Claim', width: '12%' }, { title: 'Document says', width: '22%' }, { title: 'Claimed', width: '13%' }, { title: 'Simulated', width: '30%' }, { title: 'Verdict', width: '23%' }],
        rows,
      )}`
    : '<p>The scenario lists no claims.</p>';
  return section('claims', 'The document’s claims against the simulation', body);
}

function assumptions(m: ReportModel): string {
  const rows = m.assumptions.map((a) => [`<code>${e(a.about)}</code>`, e(String(a.value)), `<b>${e(a.source)}</b>`, e(a.reason ?? '')]);
  const body = m.assumptions.length
    ? `<p>Every number the model needed that the scenario takes from the source document or assumes, with its source. Where the source is “assumption”, the document is silent; change the scenario to your measured value and rerun.</p>\n${htmlTable(
        [{ title: 'About', width: '20%' }, { title: 'Value', width: '20%' }, { title: 'Source', width: '18%' }, { title: 'Reason' }],
        rows,
      )}`
    : '<p>The scenario states no assumptions.</p>';
  return section('assumptions', 'Assumptions', body);
}

function lint(m: ReportModel): string {
  const rows = m.lint.map((f) => [`<span class="sev-${f.severity}">${e(f.severity)}</span>`, `<code>${e(f.path)}</code>`, e(f.message), e(f.fix)]);
  const body = m.lint.length
    ? `<p>Cross-tier checks of the configuration (connections, RAM, proxy caps, timeouts), each with its numbers and fix.</p>\n${htmlTable(
        [{ title: 'Severity', width: '9%' }, { title: 'Where', width: '15%' }, { title: 'Finding', width: '44%' }, { title: 'Fix' }],
        rows,
      )}`
    : '<p>No findings: the tiers are consistent (connections, RAM, proxy caps, timeouts).</p>';
  return section('lint', 'Configuration checks', body);
}

function method(m: ReportModel): string {
  const c = m.answer.capacity;
  const items = [
    `Each load point is one discrete-event simulation of ${num(m.method.duration_s)} simulated seconds with seed ${m.method.seed}; warm-up removed by ${e(m.method.warmup_rule)}. ${m.method.points} load points.`,
    `Max load within the SLO: ${c.unit === 'users' ? count(c.max_load) : num(c.max_load)} ${c.unit} (${e(c.method)}); range ${c.unit === 'users' ? count(c.lo) : num(c.lo)}–${c.unit === 'users' ? count(c.hi) : num(c.hi)}; binding ${e(c.binding_resource)}. ${e(c.note)}`,
    'Latencies are client-side response times (queueing included, think time excluded); errors count requests that failed after retries.',
    'Prices are list prices from the catalogs named in the cost section, without taxes, discounts or support plans.',
  ];
  const warn = m.method.warnings.length ? `<h3>Simulation warnings</h3><ul class="tight warn-list">${m.method.warnings.map((w) => `<li>${e(w)}</li>`).join('')}</ul>` : '';
  return section('method', 'Method and caveats', `<ul class="tight">${items.map((i) => `<li>${i}</li>`).join('')}</ul>${warn}`);
}

function appendix(m: ReportModel): string {
  const a = m.appendix;
  const parts: string[] = [];
  if (a.files.length) parts.push(`<p>The deployment files generated from this scenario (target: ${e(a.target ?? '–')}); every number in them is the one simulated. Secrets are placeholders.</p>`);
  if (a.note) parts.push(`<p class="muted">${e(a.note)}</p>`);
  if (a.warnings.length) parts.push(`<h3>Export warnings</h3><ul class="tight warn-list">${a.warnings.map((w) => `<li>${e(w)}</li>`).join('')}</ul>`);
  for (const f of a.files) parts.push(`<div class="file-name">${e(f.name)}</div><pre class="config">${e(f.text.replace(/\s+$/, ''))}</pre>`);
  return section('appendix', 'Appendix: deployment configs', parts.join('\n'));
}

export function renderReportHtml(m: ReportModel, opts: HtmlOptions = {}): string {
  const header = `${m.scenario.name} — sizing report`;
  const css = reportCss(opts.cssHeaderFooter === false ? '' : header, opts.cssHeaderFooter === false ? '' : m.date);
  const cssNoBoxes = opts.cssHeaderFooter === false ? css.replace(/@top-left[^}]*}|@top-right[^}]*}|@bottom-right[^}]*}/g, '') : css;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<meta name="generator" content="${e(m.generator)}">`,
    `<title>${e(m.title)}</title>`,
    `<style>${cssNoBoxes}</style>`,
    '</head>',
    '<body>',
    summary(m),
    deployment(m),
    loadCurve(m),
    saturation(m),
    cost(m),
    claims(m),
    assumptions(m),
    lint(m),
    method(m),
    appendix(m),
    `<footer class="end">${e(m.title)} · generated ${e(m.date)} by ${e(m.generator)}</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

