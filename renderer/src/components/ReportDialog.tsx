// The sizing report: simulates the target load, a sweep around it and every claim's load in the worker, prices,
// lints and exports the configs, and renders sim-core's self-contained HTML report. In the browser the report
// opens in a new tab (print it to PDF from there) or downloads as report.html; in Electron the shell prints it
// to PDF through its save dialog.

import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/index';
import { buildReportForDraft, stopSimulation } from '../sim-client/jobs';
import { sweepLoads as reportSweepLoads } from '../../../sim-core/index';
import { loadLabel, loadOverride, ownLoad } from '../scenarios/scenario-facts';
import { downloadBlob } from '../files/download';
import { desktopApi } from '../files/desktop';
import { num, pct } from '../charts/format';
import { Modal } from './Modal';

const DURATIONS: { s: number; label: string }[] = [
  { s: 10, label: '10 s per load — quick look' },
  { s: 30, label: '30 s per load — as the CLI' },
  { s: 60, label: '60 s per load — tighter intervals' },
];

/** Opens the report in a new tab; with print, asks the browser to print it (Save as PDF) once it has loaded. */
function openReport(url: string, print: boolean): boolean {
  const w = window.open(url, '_blank');
  if (!w) return false;
  if (print) {
    const go = () => {
      w.focus();
      w.print();
    };
    if (w.document.readyState === 'complete' && w.location.href !== 'about:blank') go();
    else w.addEventListener('load', go, { once: true });
  }
  return true;
}

export function ReportDialog() {
  const { scenario, job, report, stale, load } = useAppStore(
    useShallow((s) => ({ scenario: s.scenario, job: s.job, report: s.report, stale: s.report !== null && s.report.revision !== s.revision, load: s.load })),
  );
  const close = useAppStore((s) => s.closeDialog);
  const [duration, setDuration] = useState(10);
  const [note, setNote] = useState<string | null>(null);
  const web = scenario?.kind === 'web-stack' ? scenario : null;
  const building = job?.kind === 'report';
  const otherJob = job !== null && !building;

  const url = useMemo(() => (report ? URL.createObjectURL(new Blob([report.html], { type: 'text/html' })) : null), [report]);
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);

  const plan = useMemo(() => {
    if (!web) return null;
    const own = ownLoad(web);
    const target = loadOverride(own.kind, load ?? own.value);
    const sweep = reportSweepLoads(target);
    const claimLoads = new Set(web.claims.map((c) => c.at_users ?? c.at_rps).filter((x) => x !== undefined));
    return { target: loadLabel(own.kind, load ?? own.value), sweep: sweep.length, claims: web.claims.length, claimLoads: claimLoads.size };
  }, [web, load]);

  const desktop = desktopApi();
  const p = job?.progress;

  if (!web || !plan) {
    return (
      <Modal title="Sizing report" onClose={close} testId="report-dialog">
        <p>{scenario ? 'The sizing report is for web-stack scenarios: a queueing model has no deployment to size.' : 'Fix the problems in the scenario first: only a valid scenario can be reported on.'}</p>
      </Modal>
    );
  }

  const savePdf = async () => {
    if (!desktop || !report) return;
    try {
      const r = await desktop.printReportToPdf({ html: report.html, suggestedName: `${report.name}.pdf` });
      if (r) setNote(`Saved ${r.path}`);
    } catch (e) {
      setNote(`Could not print the PDF: ${(e as Error).message}`);
    }
  };

  return (
    <Modal
      title="Sizing report"
      subtitle={web.name}
      onClose={close}
      testId="report-dialog"
      footer={
        <>
          <span className="muted small foot-note" aria-live="polite" data-testid="report-note">
            {note ?? ''}
          </span>
          <button type="button" className="btn" onClick={close}>
            Close
          </button>
          {building ? (
            <button type="button" className="btn danger" onClick={stopSimulation} data-testid="report-stop">
              Stop
            </button>
          ) : (
            <button type="button" className={`btn${report && !stale ? '' : ' primary'}`} onClick={() => void buildReportForDraft(duration)} disabled={otherJob} data-testid="report-build" data-autofocus="">
              {report ? 'Build again' : 'Build report'}
            </button>
          )}
        </>
      }
    >
      <p className="report-plan">
        The report answers “does this deployment serve <strong>{plan.target}</strong> within its SLO, and at what cost?”. It simulates the target load, a
        sweep of {plan.sweep} loads from 10 % to 150 % of it{plan.claimLoads ? ` and the loads of the document's ${plan.claims} claims` : ''}, then prices the
        deployment, checks its configuration and appends the exported configs.
      </p>
      <label className="field report-duration">
        <span>Simulated time</span>
        <select value={duration} onChange={(e) => setDuration(Number(e.target.value))} disabled={building} data-testid="report-duration">
          {DURATIONS.map((d) => (
            <option key={d.s} value={d.s}>
              {d.label}
            </option>
          ))}
        </select>
      </label>
      {otherJob && <p className="notice">A simulation is running ({job.label}); wait for it or stop it to build the report.</p>}
      <div className="report-state" data-testid="report-state">
        {building ? (
          <div className="report-progress" role="status" aria-live="polite">
            <div className="run-label">
              <span className="spinner" aria-hidden="true" />
              {p?.label ?? 'Starting…'}
            </div>
            <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round((p?.share ?? 0) * 100)} aria-label="Report progress">
              <div className="progress-fill" style={{ width: `${Math.max(2, (p?.share ?? 0) * 100)}%` }} />
            </div>
            <span className="muted small">{pct(p?.share ?? 0, 0)} · {p ? `${num(p.simulated_s)} s simulated in this load` : 'starting…'}</span>
          </div>
        ) : report && url ? (
          <div className="report-ready" data-testid="report-ready">
            <p>
              <strong>Report ready</strong> — {report.model.method.points} loads simulated for up to {report.duration_s} s each, {report.model.claims.rows.length} claims judged.
              {stale && <span className="notice inline-notice"> The settings changed since: build again to update it.</span>}
            </p>
            <blockquote className="report-summary">{report.summary}</blockquote>
            <div className="btn-row wrap">
              {desktop ? (
                <button type="button" className="btn primary" onClick={() => void savePdf()} data-testid="report-pdf">
                  Save as PDF…
                </button>
              ) : (
                <>
                  <a className="btn primary" href={url} target="_blank" rel="noopener" data-testid="report-open">
                    Open report in a new tab
                  </a>
                  <button type="button" className="btn" onClick={() => (openReport(url, true) ? setNote('Choose “Save as PDF” as the printer in the print dialog of the new tab.') : setNote('The browser blocked the new tab: allow pop-ups for this page, or download the HTML.'))} data-testid="report-print">
                    Print to PDF…
                  </button>
                </>
              )}
              <button type="button" className="btn" onClick={() => downloadBlob(new Blob([report.html], { type: 'text/html' }), 'report.html')} data-testid="report-download">
                Download report.html
              </button>
            </div>
          </div>
        ) : (
          <p className="muted">Nothing built yet. A quick report of a small deployment takes a few seconds; large loads take longer (each load is a full simulation).</p>
        )}
      </div>
    </Modal>
  );
}
