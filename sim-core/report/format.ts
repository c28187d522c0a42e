// Number and text formatting shared by the report renderers: thousands separators, units, percentages, money,
// and escaping for HTML and Markdown. Non-finite numbers print as "–" so no renderer ever shows NaN or Infinity.

const fmt = (x: number, digits: number, min = 0) => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: min });

/** A count or measurement with sensible precision: 12,000 · 537 · 6.7 · 0.034. */
export function num(x: number | undefined): string {
  if (x === undefined || !Number.isFinite(x)) return '–';
  const a = Math.abs(x);
  if (a >= 100) return fmt(x, 0);
  if (a >= 10) return fmt(x, 1);
  if (a >= 1) return fmt(x, 2);
  if (a === 0) return '0';
  return x.toPrecision(2);
}

/** A whole count: 12,000. */
export function count(x: number | undefined): string {
  return x === undefined || !Number.isFinite(x) ? '–' : fmt(Math.round(x), 0);
}

/** A fraction 0..1 as a percentage: 0.9853 → "98.5 %". */
export function pct(x: number | undefined, digits = 1): string {
  return x === undefined || !Number.isFinite(x) ? '–' : `${fmt(x * 100, digits)} %`;
}

/** US dollars: "$1,234.56" (two decimals below $10,000, none above). */
export function usd(x: number | undefined): string {
  if (x === undefined || !Number.isFinite(x)) return '–';
  return Math.abs(x) >= 10_000 ? `$${fmt(x, 0)}` : `$${fmt(x, 2, 2)}`;
}

/** A unit price that may be a fraction of a cent: "$0.0050". */
export function unitUsd(x: number | undefined): string {
  if (x === undefined || !Number.isFinite(x)) return '–';
  return Math.abs(x) >= 1 || x === 0 ? usd(x) : `$${x.toPrecision(2)}`;
}

/** Milliseconds: "6,256 ms", "1.68 ms". */
export function ms(x: number | undefined): string {
  return x === undefined || !Number.isFinite(x) ? '–' : `${num(x)} ms`;
}

/** Megabytes as people write them: "32 GB", "150 MB". */
export function mb(x: number): string {
  if (x >= 1024) return `${fmt(x / 1024, 1)} GB`;
  return `${fmt(x, 0)} MB`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** Text for a Markdown table cell: pipes escaped, line breaks flattened. */
export function mdCell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/\*/g, '\\*');
}

const SYMBOLS: Record<string, string> = { '✅': '✓', '✔️': '✓', '❌': '✗', '⚠️': '⚠', '🚀': '', '👉': '→' };

/**
 * A document quote for print: Markdown emphasis and table-row pipes removed, emoji the print fonts lack replaced
 * by plain symbols. The words are the document's.
 */
export function displayQuote(q: string): string {
  let s = q.replace(/\*\*|__/g, '').trim();
  if (s.startsWith('|') && s.endsWith('|')) s = s.slice(1, -1).trim().replace(/\s*\|\s*/g, ' | ');
  for (const [k, v] of Object.entries(SYMBOLS)) s = s.split(k).join(v);
  return s.replace(/[\u{1F300}-\u{1FAFF}]/gu, '').replace(/\s{2,}/g, ' ').trim();
}
