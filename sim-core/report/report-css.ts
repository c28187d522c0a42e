// The report's stylesheet: screen and print (A4, 18 mm × 16 mm margins, a running header and footer from CSS page
// margin boxes, each main section on a new page, tables that never split a row and repeat their header).

export function reportCss(header: string, footer: string): string {
  const q = (s: string) => JSON.stringify(s);
  return `
@page { size: A4; margin: 20mm 16mm 18mm 16mm;
  @top-left { content: ${q(header)}; font: 8pt Helvetica, Arial, sans-serif; color: #666; }
  @top-right { content: ${q(footer)}; font: 8pt Helvetica, Arial, sans-serif; color: #666; }
  @bottom-right { content: "page " counter(page) " of " counter(pages); font: 8pt Helvetica, Arial, sans-serif; color: #666; }
}
:root { --ink: #1d2430; --muted: #5b6472; --line: #d8dde4; --accent: #1f5f99; --bad: #c0392b; --good: #1e8449; --warn: #b9770e; --soft: #f4f6f9; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 190mm; padding: 8mm 0; font: 9.5pt/1.42 Helvetica, Arial, sans-serif; color: var(--ink); background: #fff; }
@media print { body { max-width: none; padding: 0; } }
h1 { font-size: 20pt; margin: 0 0 2mm; color: var(--accent); letter-spacing: -0.2pt; }
h2 { font-size: 14pt; margin: 0 0 3mm; padding-bottom: 1.5mm; border-bottom: 1.5pt solid var(--accent); color: var(--accent); }
h3 { font-size: 10.5pt; margin: 5mm 0 2mm; }
p { margin: 0 0 2.5mm; }
.muted { color: var(--muted); }
.small { font-size: 8pt; }
section.report { break-before: page; page-break-before: always; }
section.report.first { break-before: auto; page-break-before: auto; }
h2, h3 { break-after: avoid; page-break-after: avoid; }
.cover-meta { display: grid; grid-template-columns: 32mm 1fr; gap: 1mm 4mm; margin: 3mm 0 5mm; font-size: 9pt; }
.cover-meta dt { color: var(--muted); }
.cover-meta dd { margin: 0; }
.box { border: 1pt solid var(--line); border-radius: 2mm; padding: 3.5mm 4.5mm; margin: 0 0 4mm; background: var(--soft); break-inside: avoid; }
.box.question { border-left: 3pt solid var(--accent); }
.box.answer.ok { border-left: 3pt solid var(--good); }
.box.answer.bad { border-left: 3pt solid var(--bad); }
.box h3 { margin-top: 0; }
.kpis { display: grid; grid-template-columns: repeat(4, 1fr); gap: 3mm; margin: 0 0 4mm; break-inside: avoid; }
.kpi { border: 1pt solid var(--line); border-radius: 2mm; padding: 2.5mm 3mm; }
.kpi .label { font-size: 7.5pt; color: var(--muted); text-transform: uppercase; letter-spacing: 0.3pt; }
.kpi .value { font-size: 14pt; font-weight: bold; margin-top: 1mm; }
.kpi .sub { font-size: 7.5pt; color: var(--muted); }
.kpi.ok .value { color: var(--good); }
.kpi.bad .value { color: var(--bad); }
table { width: 100%; border-collapse: collapse; margin: 0 0 4mm; font-size: 8.5pt; table-layout: auto; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th { text-align: left; font-weight: bold; background: #e9edf2; border-bottom: 1pt solid #b9c1cc; padding: 1.4mm 1.8mm; vertical-align: bottom; }
td { border-bottom: 0.5pt solid var(--line); padding: 1.3mm 1.8mm; vertical-align: top; overflow-wrap: break-word; hyphens: manual; }
td .src, td code, td.wrap { overflow-wrap: anywhere; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: bold; border-top: 1pt solid #8a94a3; background: var(--soft); }
tr.target td { background: #fff7e0; }
td.src { font-size: 7.5pt; color: var(--muted); }
.verdict { display: inline-block; padding: 0.3mm 1.6mm; border-radius: 1mm; font-size: 7.5pt; font-weight: bold; white-space: nowrap; }
.v-holds { background: #d5f0dd; color: #14592f; }
.v-does_not_hold { background: #f8d7d3; color: #8e2417; }
.v-partly { background: #fcebc6; color: #7a5208; }
.v-cannot_judge { background: #e4e7ec; color: #3c4450; }
.sev-error { color: var(--bad); font-weight: bold; }
.sev-warning { color: var(--warn); font-weight: bold; }
.sev-info { color: var(--muted); font-weight: bold; }
.chart { margin: 1mm 0 4mm; break-inside: avoid; }
.caption { font-size: 8pt; color: var(--muted); margin-top: 1mm; }
ul.tight { margin: 0 0 3mm; padding-left: 5mm; }
ul.tight li { margin: 0 0 0.8mm; }
.quote { font-style: italic; color: #39414d; }
pre.config { font: 6.8pt/1.32 "DejaVu Sans Mono", Menlo, Consolas, monospace; background: #f7f8fa; border: 0.5pt solid var(--line); padding: 2mm 2.5mm; white-space: pre-wrap; overflow-wrap: anywhere; margin: 0 0 4mm; }
.file-name { font: bold 9pt "DejaVu Sans Mono", Menlo, Consolas, monospace; margin: 4mm 0 1.5mm; break-after: avoid; page-break-after: avoid; }
.warn-list li { color: #7a5208; }
.toc { columns: 2; font-size: 9pt; margin: 0; padding-left: 5mm; }
footer.end { margin-top: 6mm; font-size: 7.5pt; color: var(--muted); border-top: 0.5pt solid var(--line); padding-top: 2mm; }
`;
}
