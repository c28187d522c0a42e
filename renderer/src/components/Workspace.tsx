// The editor view: the scenario's settings on the left; on the right the tier/load drag, the run strip,
// headline tiles, the topology and the charts. Keeps the analytic preview in step with the draft and load.

import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/index';
import { EditorForm } from './EditorForm';
import { TierDrag } from './TierDrag';
import { RunStatus } from './RunStatus';
import { ResultTiles } from './ResultTiles';
import { TopologyCard } from './TopologyCard';
import { ResultCharts } from './ResultCharts';
import { LintList } from './LintList';
import { EmptyState } from './EmptyState';
import { previewNow } from '../sim-client/preview-engine';
import { loadOverride, ownLoad } from '../scenarios/scenario-facts';
import { refreshCost, refreshLint, runDraft, runSweep } from '../sim-client/jobs';

export function Workspace() {
  const { draft, scenario, load, dragging, fileName, dirty, canUndo, canRedo, job } = useAppStore(
    useShallow((s) => ({ draft: s.draft, scenario: s.scenario, load: s.load, dragging: s.dragging, fileName: s.fileName, dirty: s.dirty, canUndo: s.past.length > 0, canRedo: s.future.length > 0, job: s.job })),
  );
  const { undo, redo, openDialog } = useAppStore.getState();
  const isWeb = scenario?.kind === 'web-stack';

  useEffect(() => {
    if (dragging || !scenario) return;
    const own = ownLoad(scenario);
    useAppStore.setState({ preview: previewNow(scenario, loadOverride(own.kind, load ?? own.value)) });
  }, [scenario, load, dragging]);

  useEffect(() => {
    if (!scenario) return;
    const t = setTimeout(() => {
      void refreshLint(scenario);
      void refreshCost(scenario);
    }, 300);
    return () => clearTimeout(t);
  }, [scenario]);

  if (draft === undefined) {
    return <EmptyState title="No scenario open" body="Pick a tier in the gallery, or open a scenario file (Ctrl+O)." action={{ label: 'Go to the gallery', onClick: () => useAppStore.getState().setView('gallery') }} />;
  }
  return (
    <div className="workspace">
      <aside className="editor-pane">
        <div className="pane-head">
          <div className="pane-title">
            <h2 title={String((draft as { name?: unknown })?.name ?? '')}>{String((draft as { name?: unknown })?.name ?? fileName)}</h2>
            <span className="muted small">
              {fileName}
              {dirty ? ' · edited' : ''}
            </span>
          </div>
          <div className="btn-row">
            <button type="button" className="btn" onClick={undo} disabled={!canUndo} title="Undo (Ctrl+Z)" data-testid="undo">
              Undo
            </button>
            <button type="button" className="btn" onClick={redo} disabled={!canRedo} title="Redo (Ctrl+Shift+Z)" data-testid="redo">
              Redo
            </button>
          </div>
        </div>
        <EditorForm />
      </aside>
      <main className="results-pane">
        <div className="action-row">
          <button type="button" className="btn primary" onClick={() => void runDraft()} disabled={!scenario || !!job} data-testid="run">
            Run <kbd>Ctrl+Enter</kbd>
          </button>
          <button type="button" className="btn" onClick={() => void runSweep()} disabled={!scenario || !!job} data-testid="sweep">
            Sweep loads <kbd>Ctrl+Shift+Enter</kbd>
          </button>
          <span className="action-gap" />
          <button type="button" className="btn" onClick={() => openDialog('export')} disabled={!isWeb} title="Deployment files for this scenario (Ctrl+E)" data-testid="open-export">
            Export… <kbd>Ctrl+E</kbd>
          </button>
          <button type="button" className="btn" onClick={() => openDialog('report')} disabled={!isWeb} title="Sizing report: HTML, print to PDF (Ctrl+P)" data-testid="open-report">
            Report… <kbd>Ctrl+P</kbd>
          </button>
        </div>
        <RunStatus />
        <TierDrag />
        <ResultTiles />
        <TopologyCard />
        <ResultCharts />
        <LintList />
      </main>
    </div>
  );
}
