// The topology card: the picture of the shown scenario (the blend while dragging) with its colour legend.

import { useAppStore } from '../store/index';
import { selectFreshResult } from '../store/selectors';
import { TopologyView } from './TopologyView';

export function TopologyCard() {
  const shown = useAppStore((s) => s.live ?? s.scenario);
  const util = useAppStore((s) => (s.dragging ? s.preview?.utilization : (selectFreshResult(s)?.utilization ?? s.preview?.utilization)));
  return (
    <section className="card topology-card" aria-label="Topology">
      <div className="card-head">
        <span className="chart-title">Topology</span>
        <span className="legend-util">
          <i className="sw calm" /> &lt; 70 % <i className="sw warm" /> 70–90 % <i className="sw hot" /> ≥ 90 % busy
        </span>
      </div>
      {shown ? <TopologyView scenario={shown} utilization={util ?? {}} /> : <p className="empty-note">The topology appears when the scenario is valid.</p>}
    </section>
  );
}
