// The run strip: a fixed-height bar showing the job in progress (share done, partial p50/p95/p99, simulated
// time, Stop) or, when idle, what the shown numbers are and how they were obtained.

import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/index';
import { selectFreshResult } from '../store/selectors';
import { ms, num, pct } from '../charts/format';
import { stopSimulation } from '../sim-client/jobs';

export function RunStatus({ idleText }: { idleText?: string }) {
  const { job, fresh, stale, hasScenario, dragging } = useAppStore(
    useShallow((s) => ({ job: s.job, fresh: selectFreshResult(s), stale: s.result !== null && s.resultRevision !== s.revision, hasScenario: s.scenario !== null, dragging: s.dragging })),
  );
  if (job) {
    const p = job.progress;
    return (
      <div className="run-status running" role="status" aria-live="polite" data-testid="run-status">
        <div className="run-label">
          <span className="spinner" aria-hidden="true" />
          {job.label}
          {p?.label ? ` — ${p.label}` : ''}
        </div>
        <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round((p?.share ?? 0) * 100)} aria-label="Simulation progress">
          <div className="progress-fill" style={{ width: `${Math.max(2, (p?.share ?? 0) * 100)}%` }} />
        </div>
        <div className="partials" data-testid="partials">
          <span>{pct(p?.share ?? 0, 0)}</span>
          <span>p50 {ms(p?.partial?.p50)}</span>
          <span>p95 {ms(p?.partial?.p95)}</span>
          <span>p99 {ms(p?.partial?.p99)}</span>
          <span className="muted">{p ? `${num(p.simulated_s)} s simulated` : 'starting…'}</span>
        </div>
        <button type="button" className="btn danger" onClick={stopSimulation} data-testid="stop">
          Stop <kbd>Esc</kbd>
        </button>
      </div>
    );
  }
  let text: string;
  if (idleText) text = idleText;
  else if (!hasScenario) text = 'Fix the problems in the scenario to simulate it.';
  else if (dragging) text = 'Dragging: analytic preview (≈). The simulation refines the numbers when you let go.';
  else if (fresh) text = `Simulated: ${num(fresh.simulated_s)} s of traffic, ${fresh.events.toLocaleString('en-US')} events, ${fresh.observations.toLocaleString('en-US')} requests measured in ${ms(fresh.wall_ms)} (stopped by ${fresh.stop_reason.replace('_', ' ')}).`;
  else if (stale) text = 'The settings changed since the last run: the numbers shown are the analytic preview (≈). Run to simulate.';
  else text = 'Not simulated yet: the numbers shown are the analytic preview (≈). Press Run (Ctrl+Enter).';
  return (
    <div className="run-status idle" role="status" data-testid="run-status">
      <div className="run-label">{text}</div>
    </div>
  );
}
