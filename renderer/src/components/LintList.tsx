// Cross-tier lint findings for the draft: severity, the numbers, the fix.

import { useAppStore } from '../store/index';

export function LintList() {
  const lint = useAppStore((s) => s.lint);
  const isWeb = useAppStore((s) => s.scenario?.kind === 'web-stack');
  if (!isWeb) return null;
  return (
    <section className="card lint-card" aria-label="Configuration checks">
      <div className="card-head">
        <span className="chart-title">Configuration checks</span>
        <span className="chart-sub">{lint.length === 0 ? 'no findings' : `${lint.length} finding${lint.length === 1 ? '' : 's'}`}</span>
      </div>
      {lint.length === 0 ? (
        <p className="empty-note">Connections, RAM, proxy caps and timeouts are consistent across the tiers.</p>
      ) : (
        <ul className="lint-list">
          {lint.map((f, i) => (
            <li key={f.id + i} className={`lint-${f.severity}`}>
              <span className={`sev sev-${f.severity}`}>{f.severity}</span>
              <div>
                <div>{f.message}</div>
                <div className="muted small">
                  <code>{f.path}</code> · Fix: {f.fix}
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
