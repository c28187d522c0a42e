// Axis scales for the report's SVG charts: linear with "nice" ticks (1, 2, 5 × 10^k) and logarithmic with decade
// ticks, mapping data values to pixels.

export interface Scale {
  /** Data value → pixel. */
  map(v: number): number;
  ticks: number[];
  domain: [number, number];
}

/** A step of 1, 2 or 5 × 10^k giving about `count` intervals over span. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0)) return 1;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const f = raw / mag;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
}

export function linearScale(min: number, max: number, px0: number, px1: number, count = 5): Scale {
  if (!(max > min)) max = min + 1;
  const step = niceStep(max - min, count);
  const lo = Math.floor(min / step + 1e-9) * step;
  const hi = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let v = lo; v <= hi + step * 1e-6; v += step) ticks.push(+v.toPrecision(12));
  return { map: (v) => px0 + ((v - lo) / (hi - lo)) * (px1 - px0), ticks, domain: [lo, hi] };
}

export function logScale(min: number, max: number, px0: number, px1: number): Scale {
  const lo = 10 ** Math.floor(Math.log10(Math.max(min, 1e-9)));
  const hi = 10 ** Math.ceil(Math.log10(Math.max(max, lo * 10)));
  const ticks: number[] = [];
  for (let v = lo; v <= hi * 1.0001; v *= 10) ticks.push(+v.toPrecision(12));
  const l0 = Math.log10(lo);
  const l1 = Math.log10(hi);
  return { map: (v) => px0 + ((Math.log10(Math.max(v, lo)) - l0) / (l1 - l0)) * (px1 - px0), ticks, domain: [lo, hi] };
}

/** A tick label: 12,000 → "12,000", 2,500,000 → "2.5M", 0.5 → "0.5". */
export function tickLabel(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e6) return `${+(v / 1e6).toPrecision(3)}M`;
  if (a >= 1) return v.toLocaleString('en-US', { maximumFractionDigits: 1 });
  return a === 0 ? '0' : `${+v.toPrecision(2)}`;
}
