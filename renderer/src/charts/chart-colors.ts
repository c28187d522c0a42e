// Chart colours as CSS custom properties, so light and dark themes recolour every chart. Never hard-code a
// colour in a chart component.

export const series = {
  p50: 'var(--series-1)',
  p95: 'var(--series-2)',
  p99: 'var(--series-3)',
  analytic: 'var(--series-analytic)',
  throughput: 'var(--series-4)',
  cost: 'var(--series-5)',
  slo: 'var(--danger)',
} as const;

export const palette = ['var(--series-1)', 'var(--series-2)', 'var(--series-3)', 'var(--series-4)', 'var(--series-5)', 'var(--series-6)'];

/** Colour of a utilisation 0..1: calm below 70 %, warm to 90 %, hot above. */
export function utilColor(u: number | undefined): string {
  if (u === undefined || !Number.isFinite(u)) return 'var(--util-none)';
  if (u >= 0.9) return 'var(--util-hot)';
  if (u >= 0.7) return 'var(--util-warm)';
  return 'var(--util-calm)';
}

export const axis = { stroke: 'var(--muted)', fontSize: 11 } as const;
export const grid = { stroke: 'var(--grid)', strokeDasharray: '3 3' } as const;
