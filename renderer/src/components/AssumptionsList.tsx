// The numbers a scenario assumes where its document is silent, each with its source; read-only.

import type { Assumption } from '../../../sim-core/index';

export function AssumptionsList({ assumptions }: { assumptions: Assumption[] }) {
  return (
    <details className="form-section" open data-section="assumptions">
      <summary>Assumptions ({assumptions.length})</summary>
      {assumptions.length === 0 ? (
        <p className="empty-note">This scenario states no assumptions.</p>
      ) : (
        <ul className="assumptions">
          {assumptions.map((a, i) => (
            <li key={i}>
              <div className="assumption-head">
                <code>{a.about}</code> = <strong>{String(a.value)}</strong>
              </div>
              <div className="assumption-source">
                <span className={`source-tag ${/assum/i.test(a.source) ? 'src-assumed' : 'src-doc'}`}>{a.source}</span>
                {a.reason && <span className="muted"> — {a.reason}</span>}
              </div>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
