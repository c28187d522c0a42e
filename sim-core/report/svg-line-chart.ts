// A small SVG line chart for the report: several series over a shared x axis, optional log y axis, a horizontal
// reference line (the SLO) and a vertical marker (the target load), axis titles with units and a legend. Output
// is a self-contained <svg> string with no scripts, fonts or external references.

import { escapeHtml } from './format';
import { linearScale, logScale, tickLabel } from './svg-scale';

export interface LineSeries {
  name: string;
  color: string;
  points: [number, number][];
  dashed?: boolean;
}

export interface LineChartSpec {
  width: number;
  height: number;
  title?: string;
  xLabel: string;
  yLabel: string;
  series: LineSeries[];
  logY?: boolean;
  hline?: { y: number; label: string; color: string };
  vline?: { x: number; label: string };
}

const f = (x: number) => +x.toFixed(1);

export function lineChartSvg(spec: LineChartSpec): string {
  const { width: w, height: h } = spec;
  const m = { left: 62, right: 28, top: spec.title ? 44 : 26, bottom: 46 };
  const pts = spec.series.flatMap((s) => s.points).filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  if (spec.hline && Number.isFinite(spec.hline.y)) ys.push(spec.hline.y);
  const yPos = ys.filter((y) => y > 0);
  const yScale = spec.logY
    ? logScale(Math.min(...(yPos.length ? yPos : [1])), Math.max(...(yPos.length ? yPos : [10])), h - m.bottom, m.top)
    : linearScale(0, Math.max(1, ...ys), h - m.bottom, m.top, 5);
  // Room for the widest y tick label and the rotated axis title.
  m.left = 30 + Math.max(...yScale.ticks.map((t) => tickLabel(t).length)) * 6.4;
  const xScale = linearScale(0, Math.max(1, ...xs), m.left, w - m.right, 6);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="100%" role="img" aria-label="${escapeHtml(spec.title ?? spec.yLabel)}" font-family="Helvetica, Arial, sans-serif" font-size="11">`);
  if (spec.title) out.push(`<text x="${m.left}" y="16" font-size="12" font-weight="bold" fill="#222">${escapeHtml(spec.title)}</text>`);
  // Grid and y ticks.
  for (const t of yScale.ticks) {
    const y = f(yScale.map(t));
    out.push(`<line x1="${m.left}" y1="${y}" x2="${w - m.right}" y2="${y}" stroke="#e3e3e3" stroke-width="1"/>`);
    out.push(`<text x="${m.left - 6}" y="${y + 4}" text-anchor="end" fill="#444">${tickLabel(t)}</text>`);
  }
  for (const t of xScale.ticks) {
    const x = f(xScale.map(t));
    out.push(`<line x1="${x}" y1="${h - m.bottom}" x2="${x}" y2="${h - m.bottom + 4}" stroke="#666"/>`);
    out.push(`<text x="${x}" y="${h - m.bottom + 16}" text-anchor="middle" fill="#444">${tickLabel(t)}</text>`);
  }
  out.push(`<line x1="${m.left}" y1="${h - m.bottom}" x2="${w - m.right}" y2="${h - m.bottom}" stroke="#666"/>`);
  out.push(`<line x1="${m.left}" y1="${m.top}" x2="${m.left}" y2="${h - m.bottom}" stroke="#666"/>`);
  out.push(`<text x="${f((m.left + w - m.right) / 2)}" y="${h - 8}" text-anchor="middle" fill="#222">${escapeHtml(spec.xLabel)}</text>`);
  out.push(`<text transform="translate(14 ${f((m.top + h - m.bottom) / 2)}) rotate(-90)" text-anchor="middle" fill="#222">${escapeHtml(spec.yLabel)}</text>`);
  if (spec.vline && Number.isFinite(spec.vline.x)) {
    const x = f(xScale.map(spec.vline.x));
    out.push(`<line x1="${x}" y1="${m.top}" x2="${x}" y2="${h - m.bottom}" stroke="#888" stroke-dasharray="2 3"/>`);
    out.push(`<text x="${x + 4}" y="${h - m.bottom - 6}" fill="#555" font-size="10">${escapeHtml(spec.vline.label)}</text>`);
  }
  if (spec.hline && Number.isFinite(spec.hline.y)) {
    const y = f(yScale.map(spec.hline.y));
    out.push(`<line x1="${m.left}" y1="${y}" x2="${w - m.right}" y2="${y}" stroke="${spec.hline.color}" stroke-width="1.5" stroke-dasharray="6 4"/>`);
    out.push(`<text x="${w - m.right - 4}" y="${y - 5}" text-anchor="end" fill="${spec.hline.color}" font-weight="bold" font-size="10">${escapeHtml(spec.hline.label)}</text>`);
  }
  for (const s of spec.series) {
    const p = s.points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y) && (!spec.logY || y > 0));
    if (p.length === 0) continue;
    const d = p.map(([x, y], i) => `${i ? 'L' : 'M'}${f(xScale.map(x))} ${f(yScale.map(y))}`).join(' ');
    out.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="4 3"' : ''}/>`);
    for (const [x, y] of p) out.push(`<circle cx="${f(xScale.map(x))}" cy="${f(yScale.map(y))}" r="2.6" fill="${s.color}"/>`);
  }
  // Legend, above the plot on the right.
  const widths = spec.series.map((s) => 30 + s.name.length * 6.2);
  let lx = w - m.right - widths.reduce((a, b) => a + b, 0);
  const ly = m.top - 9;
  for (const [i, s] of spec.series.entries()) {
    out.push(`<line x1="${f(lx)}" y1="${ly - 4}" x2="${f(lx + 16)}" y2="${ly - 4}" stroke="${s.color}" stroke-width="2"/><text x="${f(lx + 20)}" y="${ly}" fill="#222">${escapeHtml(s.name)}</text>`);
    lx += widths[i];
  }
  out.push('</svg>');
  return out.join('');
}
