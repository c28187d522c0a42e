// The document's claims beside what the simulation gives: quote, claimed value, simulated value, verdict
// (holds / does not hold / partly / cannot be judged) and the reason.

import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/index';
import { judgeClaims } from '../sim-client/jobs';
import { RunStatus } from './RunStatus';
import { EmptyState } from './EmptyState';
import type { Verdict } from '../../../sim-core/index';

/** A quote as the document's prose: markdown emphasis, table pipes and status emoji removed. */
function cleanQuote(q: string): string {
  return q.replace(/\*\*/g, '').split('|').map((c) => c.trim()).filter((c) => c && /[\p{L}\p{N}]/u.test(c)).join(' — ');
}

const VERDICT_TEXT: Record<Verdict, string> = { holds: 'holds', does_not_hold: 'does not hold', partly: 'partly', cannot_judge: 'cannot be judged' };

export function ClaimsTable() {
  const { scenario, verdicts, fresh, job } = useAppStore(useShallow((s) => ({ scenario: s.scenario, verdicts: s.verdicts, fresh: s.verdictsRevision === s.revision, job: s.job })));
  if (!scenario) return <EmptyState title="No scenario open" body="Open a tier from the gallery to read its document's claims." action={{ label: 'Go to the gallery', onClick: () => useAppStore.getState().setView('gallery') }} />;
  if (scenario.kind !== 'web-stack' || scenario.claims.length === 0) {
    return <EmptyState title="No claims in this scenario" body="Claims come with the tiers of the source documents (capacity figures, latency, cost). This scenario states none." />;
  }
  const byId = new Map((verdicts ?? []).map((v) => [v.id, v]));
  const counts = (verdicts ?? []).reduce<Record<string, number>>((m, v) => ({ ...m, [v.verdict]: (m[v.verdict] ?? 0) + 1 }), {});
  return (
    <div className="claims">
      <div className="action-row">
        <div>
          <h2 className="inline">{scenario.source ? `${scenario.source.document} · ${scenario.source.tier}` : scenario.name}</h2>
          <span className="muted small"> {scenario.claims.length} claims</span>
        </div>
        <button type="button" className="btn primary" onClick={() => void judgeClaims()} disabled={!!job} data-testid="judge-claims">
          {verdicts ? 'Judge again' : 'Judge by simulation'}
        </button>
        {verdicts && (
          <span className="verdict-counts">
            {(Object.keys(VERDICT_TEXT) as Verdict[]).filter((k) => counts[k]).map((k) => (
              <span key={k} className={`verdict v-${k}`}>
                {counts[k]} {VERDICT_TEXT[k]}
              </span>
            ))}
          </span>
        )}
      </div>
      <RunStatus idleText={verdicts ? 'Verdicts from simulating each load a claim is made at (60 s of traffic per load).' : 'Claims are judged by simulating the loads they are made at, never by multiplying settings.'} />
      {verdicts && !fresh && <p className="notice">The settings changed since these verdicts: judge again to update them.</p>}
      <div className="table-wrap">
        <table className="data-table claims-table" data-testid="claims-table">
          <thead>
            <tr>
              <th scope="col">The document says</th>
              <th scope="col">Claimed</th>
              <th scope="col">Simulated</th>
              <th scope="col">Verdict</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {scenario.claims.map((c) => {
              const v = byId.get(c.id);
              return (
                <tr key={c.id} data-claim={c.id}>
                  <td>
                    <q title={c.quote}>{cleanQuote(c.quote)}</q>
                    <div className="muted small">{c.metric.replace(/_/g, ' ')}{c.at_users ? ` at ${c.at_users.toLocaleString('en-US')} users` : c.at_rps ? ` at ${c.at_rps.toLocaleString('en-US')} req/s` : ''}</div>
                  </td>
                  <td>{v?.claimed ?? [c.min, c.max].filter((x) => x !== undefined).join('–')}</td>
                  <td>{v?.simulated ?? <span className="muted">{job?.kind === 'claims' ? 'simulating…' : 'not judged yet'}</span>}</td>
                  <td>{v ? <span className={`verdict v-${v.verdict}`}>{VERDICT_TEXT[v.verdict]}</span> : <span className="verdict v-pending">–</span>}</td>
                  <td className="small">{v?.reason ?? ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
