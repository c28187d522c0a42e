// Plain-text tables for the terminal: columns padded to their widest cell, numbers right-aligned.

export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const numeric = header.map((_, c) => rows.length > 0 && rows.every((r) => /^[-+]?[\d.,]+( ?[%a-zµ/]+)?$|^[-–]$/.test(r[c] ?? '')));
  const line = (cells: string[]) => cells.map((cell, c) => (numeric[c] ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** A number with about four significant digits and thousands separators, or "–" when not finite. */
export function num(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return '–';
  if (x === 0) return '0';
  const magnitude = Math.floor(Math.log10(Math.abs(x)));
  const decimals = Math.max(0, Math.min(6, digits - 1 - magnitude));
  return x.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

export function pct(x: number, decimals = 1): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(decimals)} %` : '–';
}

/** A count (requests, events, users) as a whole number with thousands separators. */
export function count(x: number): string {
  return Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '–';
}
