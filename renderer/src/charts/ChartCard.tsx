// The frame every chart sits in: title, unit line, a fixed plot height (no layout jumps as data streams in)
// and a designed empty state over the plot area.

import type { ReactNode } from 'react';

export function ChartCard({ title, subtitle, empty, children, testId, height = 220 }: { title: string; subtitle?: string; empty?: string | null; children: ReactNode; testId?: string; height?: number }) {
  return (
    <figure className="card chart-card" data-testid={testId}>
      <figcaption>
        <span className="chart-title">{title}</span>
        {subtitle && <span className="chart-sub">{subtitle}</span>}
      </figcaption>
      <div className="chart-plot" style={{ height }}>
        {empty ? (
          <div className="chart-empty">
            <svg width="36" height="36" viewBox="0 0 24 24" aria-hidden="true">
              <path d="M3 20h18M5 16l4-5 4 3 6-8" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
            <span>{empty}</span>
          </div>
        ) : (
          children
        )}
      </div>
    </figure>
  );
}
