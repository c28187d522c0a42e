// The sizing report as Markdown (GitHub-flavoured tables): the same sections and numbers as the HTML, without the
// charts (the load curve and utilisation are given as tables), for tickets, wikis and e-mail.

import { count, mdCell as c, ms, num, pct, unitUsd, usd } from './format';
import type { ReportModel } from './report-model';
import { VERDICT_TEXT, verdictSummary } from './verdict-text';

function table(head: string[], rows: string[][], right: number[] = []): string {
  const align = head.map((_, i) => (right.includes(i) ? '---:' : '---'));
  return [`| ${head.join(' | ')} |`, `| ${align.join(' | ')} |`, ...rows.map((r) => `| ${r.map((x) => (x === '' ? ' ' : x)).join(' | ')} |`)].join('\n');
}

function fence(text: string): string {
  let ticks = '```';
  while (text.includes(ticks)) ticks += '`';
  return `${ticks}\n${text.replace(/\s+$/, '')}\n${ticks}`;
}

export function renderReportMarkdown(m: ReportModel): string {
  const a = m.answer;
  const cap = a.capacity;
  const loadOf = (x: number) => (m.curve.unit === 'users' ? count(x) : num(x));
  const out: string[] = [];
  const sc = m.scenario;
  out.push(`# ${m.title}`, '');
  if (sc.description) out.push(`_${c(sc.description)}_`, '');
  out.push(
    [
      `- **Scenario:** ${c(sc.name)}${sc.file ? ` (\`${sc.file}\`)` : ''}`,
      sc.document ? `- **Source document:** ${c(sc.document)}${sc.tier ? ` — tier “${c(sc.tier)}”` : ''}` : '',
      `- **Generated:** ${m.generated_at} by ${m.generator}`,
    ].filter(Boolean).join('\n'),
    '',
  );
  out.push('## The question', '', m.question.text, '', `Target load: ${m.question.load_text} (${m.question.basis}). SLO: p95 ≤ ${num(m.question.slo.p95_ms)} ms, errors ≤ ${pct(m.question.slo.max_error_rate, 2)}.`, '');
  out.push('## The answer', '');
  out.push(
    table(
      ['Figure', 'Value'],
      [
        ['SLO at the target load', a.meets_slo ? '**met**' : '**missed**'],
        ['p95 / p99 at the target', `${ms(a.p95_ms)} / ${ms(a.p99_ms)}`],
        ['Failed requests', pct(a.user_error_rate, 2)],
        ['Throughput', `${num(a.throughput_rps)} req/s`],
        ['Binding resource', `${c(a.binding.resource)} at ${pct(a.binding.utilization)}`],
        ['Max load within the SLO', `${loadOf(cap.max_load)} ${cap.unit} (${c(cap.method)}; ${num(cap.headroom_factor)}× the target)`],
        ['Monthly cost', usd(a.monthly_usd)],
        ['Cost per million requests', usd(a.usd_per_million_requests)],
      ],
    ),
    '',
    ...a.sentences.map((s) => `- ${s}`),
    '',
  );

  out.push('## Recommended deployment', '', '### Hosts', '');
  out.push(
    table(
      ['Host', 'Instance (priced as)', 'vCPU', 'RAM', 'Disk', 'Network', 'Runs', 'USD/month'],
      m.deployment.hosts.map((h) => [c(h.name), c(h.instance), count(h.vcpus), h.ram, c(h.disk), h.nic, c(h.runs.join(', ')), usd(h.usd_per_month)]),
      [2, 3, 7],
    ),
    '',
    '### Processes and their settings',
    '',
    table(['Component', 'Host', 'Settings simulated'], m.deployment.components.map((x) => [c(x.component), c(x.host), c(x.settings)])),
    '',
  );

  out.push('## Load curve', '', `SLO: p95 ≤ ${num(m.curve.slo_p95_ms)} ms. Each row is one simulation of ${num(m.method.duration_s)} simulated seconds.`, '');
  out.push(
    table(
      [m.curve.unit === 'users' ? 'Users' : 'Offered req/s', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'Errors', 'SLO', 'Busiest resource'],
      m.curve.points.map((p) => [
        `${loadOf(p.load)}${p.is_target ? ' **(target)**' : ''}`, num(p.throughput_rps), num(p.p50_ms), num(p.p95_ms), num(p.p99_ms), pct(p.user_error_rate, 2),
        p.slo_met ? 'met' : '**missed**', `${c(p.bottleneck)} ${pct(p.bottleneck_utilization, 0)}`,
      ]),
      [0, 1, 2, 3, 4, 5],
    ),
    '',
  );

  out.push('## Saturation at the target load', '');
  out.push(table(['Resource', 'Model key', 'Utilisation', ''], m.saturation.map((r) => [c(r.label), `\`${r.resource}\``, pct(r.utilization), r.binding ? '**binding**' : ''])), '');

  const k = m.cost;
  out.push('## Monthly cost', '', `Priced at ${c(k.basis)}.`, '');
  out.push(
    table(
      ['Item', 'Qty', 'Unit', 'Unit price', 'USD/month', 'Source'],
      [
        ...k.rows.map((r) => [`${c(r.item)}${r.note ? ` — _${c(r.note)}_` : ''}`, num(r.quantity), c(r.unit), unitUsd(r.unit_usd), usd(r.usd_per_month), c(r.source)]),
        ['**Total**', '', '', '', `**${usd(k.total_usd_per_month)}**`, `capacity ${usd(k.capacity_usd_per_month)} + usage ${usd(k.usage_usd_per_month)}`],
      ],
      [1, 3, 4],
    ),
    '',
    `- Cost per million requests: **${usd(k.usd_per_million_requests)}** (at ${num(k.throughput_rps)} req/s)`,
    `- Cost of the headroom: **${usd(k.headroom.headroom_usd_per_month)}** (capacity ${usd(k.headroom.capacity_usd_per_month)} × (1 − ${pct(k.headroom.utilization)}), ${pct(k.headroom.share_of_total)} of the total)`,
    '',
    '**Price sources**',
    '',
    ...k.catalogs.map((x) => `- ${x.provider}: list prices entered ${x.retrieved}, ${x.source}`),
    '',
    '**Cost assumptions**',
    '',
    ...k.assumptions.map((x) => `- ${x}`),
    '',
  );
  if (k.warnings.length) out.push('**Cost warnings**', '', ...k.warnings.map((w) => `- ${w}`), '');

  out.push('## The document’s claims against the simulation', '');
  if (m.claims.rows.length) {
    out.push(`${verdictSummary(m.claims.counts)}.`, '');
    out.push(table(['Claim', 'Document says', 'Claimed', 'Simulated', 'Verdict', 'Why'], m.claims.rows.map((x) => [c(x.id), `“${c(x.quote)}”`, c(x.claimed), c(x.simulated), `**${VERDICT_TEXT[x.verdict]}**`, c(x.reason)])), '');
  } else out.push('The scenario lists no claims.', '');

  out.push('## Assumptions', '');
  if (m.assumptions.length) out.push(table(['About', 'Value', 'Source', 'Reason'], m.assumptions.map((x) => [`\`${c(x.about)}\``, c(String(x.value)), c(x.source), c(x.reason ?? '')])), '');
  else out.push('The scenario states no assumptions.', '');

  out.push('## Configuration checks', '');
  if (m.lint.length) out.push(table(['Severity', 'Where', 'Finding', 'Fix'], m.lint.map((f) => [f.severity, `\`${c(f.path)}\``, c(f.message), c(f.fix)])), '');
  else out.push('No findings.', '');

  out.push(
    '## Method and caveats',
    '',
    `- Each load point is one simulation of ${num(m.method.duration_s)} simulated seconds, seed ${m.method.seed}; warm-up removed by ${m.method.warmup_rule}; ${m.method.points} load points.`,
    `- Max load within the SLO: ${loadOf(cap.max_load)} ${cap.unit} (${cap.method}), range ${loadOf(cap.lo)}–${loadOf(cap.hi)}, binding ${cap.binding_resource}. ${cap.note}`,
    ...m.method.warnings.map((w) => `- Warning: ${w}`),
    '',
  );

  out.push('## Appendix: deployment configs', '');
  if (m.appendix.files.length) out.push(`Target: ${m.appendix.target ?? '–'}. Every number is the one simulated; secrets are placeholders.`, '');
  if (m.appendix.note) out.push(m.appendix.note, '');
  if (m.appendix.warnings.length) out.push('**Export warnings**', '', ...m.appendix.warnings.map((w) => `- ${w}`), '');
  for (const f of m.appendix.files) out.push(`### ${f.name}`, '', fence(f.text), '');
  return out.join('\n');
}
