// A designed empty or error state: icon, title, one paragraph (or lines), an optional action.

import type { ReactNode } from 'react';

export function EmptyState({ title, body, action, tone = 'neutral', children, testId }: { title: string; body?: string; action?: { label: string; onClick: () => void }; tone?: 'neutral' | 'error'; children?: ReactNode; testId?: string }) {
  return (
    <div className={`empty-state ${tone}`} role={tone === 'error' ? 'alert' : undefined} data-testid={testId}>
      <svg width="48" height="48" viewBox="0 0 24 24" aria-hidden="true">
        {tone === 'error' ? (
          <path d="M12 3 2 21h20L12 3zm0 6v5m0 3v.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
        ) : (
          <path d="M4 5h16v14H4zM4 9h16M9 9v10" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
        )}
      </svg>
      <h2>{title}</h2>
      {body && <p>{body}</p>}
      {children}
      {action && (
        <button type="button" className="btn primary" onClick={action.onClick}>
          {action.label}
        </button>
      )}
    </div>
  );
}
