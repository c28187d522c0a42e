// The keyboard shortcut sheet, opened with "?" and closed with Escape or the button; focus moves into it.

import { useEffect, useRef } from 'react';
import { useAppStore } from '../store/index';

export const SHORTCUTS: [string, string][] = [
  ['?', 'Show this help'],
  ['Alt+1 … Alt+5', 'Gallery, Scenario, Compare, Claims, Size a deployment'],
  ['Ctrl+O', 'Open a scenario file'],
  ['Ctrl+S', 'Save the scenario (download)'],
  ['Ctrl+Z', 'Undo an edit'],
  ['Ctrl+Shift+Z / Ctrl+Y', 'Redo'],
  ['Ctrl+Enter', 'Run the simulation at the chosen load'],
  ['Ctrl+Shift+Enter', 'Sweep loads (latency against load)'],
  ['Ctrl+E', 'Export deployment files (nginx, app server, database, Compose, Kubernetes)'],
  ['Ctrl+P', 'Sizing report (HTML, print to PDF)'],
  ['Esc', 'Stop the simulation / close this help or a dialog'],
  ['Ctrl+Shift+L', 'Light or dark theme'],
  ['← → on a slider', 'Move between tiers or loads (Page Up/Down for bigger steps)'],
  ['Tab / Shift+Tab', 'Move between every control'],
];

export function HelpOverlay() {
  const open = useAppStore((s) => s.helpOpen);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) close.current?.focus();
  }, [open]);
  if (!open) return null;
  return (
    <div className="overlay" role="presentation" onClick={() => useAppStore.getState().setHelp(false)}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="help-title" onClick={(e) => e.stopPropagation()} data-testid="help">
        <h2 id="help-title">Keyboard shortcuts</h2>
        <table className="shortcuts">
          <tbody>
            {SHORTCUTS.map(([k, d]) => (
              <tr key={k}>
                <td>
                  <kbd>{k}</kbd>
                </td>
                <td>{d}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button ref={close} type="button" className="btn primary" onClick={() => useAppStore.getState().setHelp(false)}>
          Close
        </button>
      </div>
    </div>
  );
}
