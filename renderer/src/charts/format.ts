// Number formatting with units and sensible precision, shared by charts, tiles and tables:
// ms, req/s, %, $/month, MB/GB, users. Every function returns "–" for a missing or non-finite value.

const DASH = '–';
const ok = (x: number | undefined | null): x is number => typeof x === 'number' && Number.isFinite(x);

/** Three significant figures, thousands separators for large values. */
export function num(x: number | undefined | null, sig = 3): string {
  if (!ok(x)) return DASH;
  const a = Math.abs(x);
  if (a >= 10 ** sig) return Math.round(x).toLocaleString('en-US');
  if (a === 0) return '0';
  return Number(x.toPrecision(sig)).toLocaleString('en-US', { maximumFractionDigits: 6 });
}

export const int = (x: number | undefined | null): string => (ok(x) ? Math.round(x).toLocaleString('en-US') : DASH);

/** Milliseconds; seconds from 10 s up. */
export function ms(x: number | undefined | null): string {
  if (!ok(x)) return DASH;
  if (x >= 10_000) return `${num(x / 1000)} s`;
  return `${num(x)} ms`;
}

export const rps = (x: number | undefined | null): string => (ok(x) ? `${num(x)} req/s` : DASH);

/** A fraction 0..1 as a percentage. */
export function pct(x: number | undefined | null, digits?: number): string {
  if (!ok(x)) return DASH;
  const p = x * 100;
  const d = digits ?? (p !== 0 && Math.abs(p) < 1 ? 2 : p < 10 ? 1 : 0);
  return `${p.toFixed(d)} %`;
}

export function usdMonth(x: number | undefined | null): string {
  if (!ok(x)) return DASH;
  return `$${x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(2)}/month`;
}

export const usd = (x: number | undefined | null): string => (ok(x) ? `$${Math.round(x).toLocaleString('en-US')}` : DASH);

/** Megabytes; GB from 1024 MB (as PostgreSQL and Redis count). */
export function mb(x: number | undefined | null): string {
  if (!ok(x)) return DASH;
  if (x >= 1024) return `${num(x / 1024)} GB`;
  return `${num(x)} MB`;
}

export const users = (x: number | undefined | null): string => (ok(x) ? `${int(x)} users` : DASH);

/** Compact axis ticks: 1.2k, 3M. */
export function compact(x: number): string {
  if (!Number.isFinite(x)) return '';
  const a = Math.abs(x);
  if (a >= 1e6) return `${num(x / 1e6, 2)}M`;
  if (a >= 1e3) return `${num(x / 1e3, 2)}k`;
  return num(x, 2);
}
