// Every bundled scenario grouped by source document; each tier's headline: hardware, monthly cost, and the
// most users within its SLO (analytic estimate, refined by simulation on demand).

import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/index';
import { documents, type LibraryEntry } from '../scenarios/library';
import { hardwareSummary, hostsLine, ownLoad, loadLabel } from '../scenarios/scenario-facts';
import { int, usdMonth, ms, pct } from '../charts/format';
import { loadHeadlines, refineCapacity } from '../sim-client/jobs';
import { EmptyState } from './EmptyState';

function TierCard({ e }: { e: LibraryEntry }) {
  const { headline, compared, busy } = useAppStore(useShallow((s) => ({ headline: s.headlines[e.id], compared: s.compareIds.includes(e.id), busy: s.job?.kind === 'capacity' })));
  const { openEntry, toggleCompare } = useAppStore.getState();
  if (!e.scenario) {
    return (
      <article className="tier-card broken" data-testid="tier-card">
        <h3>{e.tier}</h3>
        <p className="muted small">{e.file}</p>
        <div className="card-error" role="alert">
          {e.issues.slice(0, 3).map((i) => (
            <div key={i.path + i.message}>
              <code>{i.path}</code> {i.message}
            </div>
          ))}
        </div>
      </article>
    );
  }
  const s = e.scenario;
  const own = ownLoad(s);
  const maxLoad = headline?.max_load;
  return (
    <article className="tier-card" data-testid="tier-card" data-id={e.id}>
      <header>
        <h3>{e.tier}</h3>
        <span className="muted small" title={e.file}>
          {s.name}
        </span>
      </header>
      <dl className="headline">
        <div>
          <dt>Hardware</dt>
          <dd title={s.kind === 'web-stack' ? hostsLine(s) : undefined}>{hardwareSummary(s)}</dd>
        </div>
        {s.kind === 'web-stack' && (
          <div>
            <dt>Per host</dt>
            <dd className="small">{hostsLine(s)}</dd>
          </div>
        )}
        <div>
          <dt>Monthly cost</dt>
          <dd>{headline ? usdMonth(headline.cost_usd_month) : <span className="skeleton" />}</dd>
        </div>
        <div>
          <dt>Max users within SLO</dt>
          <dd data-testid="max-users">
            {!headline ? (
              <span className="skeleton" />
            ) : maxLoad === undefined ? (
              '–'
            ) : (
              <>
                {int(maxLoad)}
                {headline.max_load_metric === 'rps' ? ' req/s' : ''}
                <span className={`method ${headline.max_load_method}`}>{headline.max_load_method === 'simulated' ? 'simulated' : '≈ analytic'}</span>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>Document's load</dt>
          <dd>{loadLabel(own.kind, own.value)}</dd>
        </div>
        {s.kind === 'web-stack' && (
          <div>
            <dt>SLO</dt>
            <dd>
              p95 ≤ {ms(s.slo.p95_ms)}, errors ≤ {pct(s.slo.max_error_rate)}
            </dd>
          </div>
        )}
      </dl>
      <footer>
        <button type="button" className="btn primary" onClick={() => openEntry(e.id)} data-testid="open-tier">
          Open
        </button>
        {s.kind === 'web-stack' && (
          <button type="button" className="btn" disabled={busy} onClick={() => void refineCapacity(e.id)} title="Search the most users within the SLO by simulation">
            Simulate max users
          </button>
        )}
        <label className="check">
          <input type="checkbox" checked={compared} onChange={() => toggleCompare(e.id)} /> Compare
        </label>
      </footer>
    </article>
  );
}

export function Gallery() {
  useEffect(() => {
    void loadHeadlines();
  }, []);
  if (documents.length === 0) {
    return <EmptyState title="No bundled scenarios" body="This build found no files under scenarios/. Open a scenario file instead (Ctrl+O)." />;
  }
  return (
    <div className="gallery">
      {documents.map((d) => (
        <section key={d.key} className="doc-group" aria-labelledby={`doc-${d.key}`}>
          <h2 id={`doc-${d.key}`}>
            {d.document}
            {d.group && <span className="muted"> · {d.group}</span>}
            <span className="count">{d.entries.length} tier{d.entries.length === 1 ? '' : 's'}</span>
          </h2>
          <div className="tier-grid">
            {d.entries.map((e) => (
              <TierCard key={e.id} e={e} />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
