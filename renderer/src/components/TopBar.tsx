// The title bar: app name, the four views as tabs, file open/save, theme switch and the shortcut help.

import { useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/index';
import type { View } from '../store/ui-slice';
import { downloadScenario, readFile } from '../files/scenario-file';

const TABS: { id: View; label: string; key: string }[] = [
  { id: 'gallery', label: 'Gallery', key: '1' },
  { id: 'editor', label: 'Scenario', key: '2' },
  { id: 'compare', label: 'Compare', key: '3' },
  { id: 'claims', label: 'Claims', key: '4' },
  { id: 'sizing', label: 'Size', key: '5' },
];

export function openFilePicker(): void {
  document.getElementById('file-input')?.click();
}

export function saveDraft(): void {
  const { draft, fileName } = useAppStore.getState();
  if (draft !== undefined) downloadScenario(draft, fileName);
}

export function TopBar() {
  const { view, theme, hasDraft } = useAppStore(useShallow((s) => ({ view: s.view, theme: s.theme, hasDraft: s.draft !== undefined })));
  const { setView, toggleTheme, setHelp } = useAppStore.getState();
  const input = useRef<HTMLInputElement>(null);
  return (
    <header className="topbar">
      <div className="brand">
        <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true">
          <rect x="3" y="13" width="4" height="8" rx="1" className="brand-a" />
          <rect x="10" y="8" width="4" height="13" rx="1" className="brand-b" />
          <rect x="17" y="3" width="4" height="18" rx="1" className="brand-c" />
        </svg>
        <span>capsim</span>
      </div>
      <nav className="tabs" role="tablist" aria-label="Views">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={view === t.id} className={`tab${view === t.id ? ' active' : ''}`} onClick={() => setView(t.id)} title={`${t.label} (Alt+${t.key})`} data-testid={`tab-${t.id}`}>
            {t.label}
          </button>
        ))}
      </nav>
      <div className="topbar-actions">
        <input
          ref={input}
          id="file-input"
          type="file"
          accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml"
          hidden
          data-testid="file-input"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (!f) return;
            const { name, text } = await readFile(f);
            useAppStore.getState().openFile(name, text);
          }}
        />
        <button type="button" className="btn ghost" onClick={() => input.current?.click()} title="Open a scenario file (Ctrl+O)" data-testid="open-file">
          Open…
        </button>
        <button type="button" className="btn ghost" onClick={saveDraft} disabled={!hasDraft} title="Save the scenario (Ctrl+S)">
          Save
        </button>
        <button type="button" className="btn ghost icon" onClick={toggleTheme} aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`} title="Theme (Ctrl+Shift+L)" data-testid="theme-toggle">
          {theme === 'dark' ? '☀' : '☾'}
        </button>
        <button type="button" className="btn ghost icon" onClick={() => setHelp(true)} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
          ?
        </button>
      </div>
    </header>
  );
}
