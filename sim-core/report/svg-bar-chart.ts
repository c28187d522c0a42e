// A small SVG chart of horizontal bars: one row per resource with its utilisation as a percentage, the binding
// one highlighted, a dashed line at 100 % and another at a warning level. Self-contained <svg> string.

import { escapeHtml, pct } from './format';

export interface BarRow {
  label: string;
  value: number;
  highlight?: boolean;
}

export interface BarChartSpec {
  width: number;
  rows: BarRow[];
  /** Value of a full bar (1 = 100 %). */
  max?: number;
  /** A dashed reference line, e.g. 0.8 for "keep below 80 %". */
  warnAt?: number;
  labelWidth?: number;
}

const f = (x: number) => +x.toFixed(1);

export function barChartSvg(spec: BarChartSpec): string {
  const rowH = 20;
  const top = 8;
  const bottom = 24;
  const lw = spec.labelWidth ?? 230;
  const valueW = 104;
  const w = spec.width;
  const h = top + spec.rows.length * rowH + bottom;
  const max = Math.max(spec.max ?? 1, ...spec.rows.map((r) => (Number.isFinite(r.value) ? r.value : 0)));
  const x0 = lw;
  const x1 = w - valueW;
  const map = (v: number) => x0 + (Math.max(0, v) / max) * (x1 - x0);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="100%" role="img" aria-label="utilisation per resource" font-family="Helvetica, Arial, sans-serif" font-size="11">`);
  for (const t of [0, 0.25, 0.5, 0.75, 1]) {
    const x = f(map(t * max));
    out.push(`<line x1="${x}" y1="${top}" x2="${x}" y2="${h - bottom}" stroke="#e6e6e6"/>`);
    out.push(`<text x="${x}" y="${h - bottom + 14}" text-anchor="middle" fill="#444">${Math.round(t * max * 100)} %</text>`);
  }
  if (spec.warnAt !== undefined) {
    const x = f(map(spec.warnAt));
    out.push(`<line x1="${x}" y1="${top}" x2="${x}" y2="${h - bottom}" stroke="#e67e22" stroke-dasharray="3 3"/>`);
  }
  const full = f(map(1));
  out.push(`<line x1="${full}" y1="${top}" x2="${full}" y2="${h - bottom}" stroke="#555" stroke-dasharray="5 3"/>`);
  out.push(`<line x1="${x0}" y1="${top}" x2="${x0}" y2="${h - bottom}" stroke="#666"/>`);
  spec.rows.forEach((r, i) => {
    const y = top + i * rowH;
    const v = Number.isFinite(r.value) ? r.value : 0;
    const color = r.highlight ? '#c0392b' : v >= 0.8 ? '#e67e22' : '#4c78a8';
    const maxChars = Math.floor((lw - 12) / 6);
    const label = r.label.length > maxChars ? `${r.label.slice(0, maxChars - 1)}…` : r.label;
    out.push(`<text x="${x0 - 8}" y="${y + 14}" text-anchor="end" fill="#222"${r.highlight ? ' font-weight="bold"' : ''}>${escapeHtml(label)}</text>`);
    out.push(`<rect x="${x0}" y="${y + 4}" width="${f(Math.max(0.5, map(v) - x0))}" height="${rowH - 8}" fill="${color}" rx="1.5"/>`);
    out.push(`<text x="${f(map(v) + 4)}" y="${y + 14}" fill="#222"${r.highlight ? ' font-weight="bold"' : ''}>${pct(v)}${r.highlight ? ' ◀ binding' : ''}</text>`);
  });
  out.push('</svg>');
  return out.join('');
}
