// The topology card: the picture of the shown scenario (the blend while dragging) with its colour legend. While
// the draft is invalid the last valid picture stays, dimmed, so the charts below do not jump up and back.

import { useRef } from 'react';
import { useAppStore } from '../store/index';
import { selectFreshResult } from '../store/selectors';
import { TopologyView } from './TopologyView';
import type { Scenario } from '../../../sim-core/index';

export function TopologyCard() {
  const shown = useAppStore((s) => s.live ?? s.scenario);
  const util = useAppStore((s) => (s.dragging ? s.preview?.utilization : (selectFreshResult(s)?.utilization ?? s.preview?.utilization)));
  const last = useRef<Scenario | null>(null);
  if (shown) last.current = shown;
  const picture = shown ?? last.current;
  return (
    <section className={`card topology-card${shown ? '' : ' stale'}`} aria-label="Topology">
      <div className="card-head">
        <span className="chart-title">Topology{shown ? '' : ' (as last valid: fix the problems to update it)'}</span>
        <span className="legend-util">
          <i className="sw calm" /> &lt; 70 % <i className="sw warm" /> 70–90 % <i className="sw hot" /> ≥ 90 % busy
        </span>
      </div>
      {picture ? <TopologyView scenario={picture} utilization={shown ? util ?? {} : {}} /> : <p className="empty-note">The topology appears when the scenario is valid.</p>}
    </section>
  );
}
