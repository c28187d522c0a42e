// Global keyboard shortcuts (listed in HelpOverlay). Plain keys are ignored while typing in a field.

import { useEffect } from 'react';
import { useAppStore } from '../store/index';
import { runDraft, runSweep, stopSimulation } from '../sim-client/jobs';
import { openFilePicker, saveDraft } from './TopBar';
import type { View } from '../store/ui-slice';

const VIEWS: View[] = ['gallery', 'editor', 'compare', 'claims', 'sizing'];

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const st = useAppStore.getState();
      const target = e.target as HTMLElement;
      const typing = target.tagName === 'INPUT' && (target as HTMLInputElement).type !== 'range' && (target as HTMLInputElement).type !== 'checkbox' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
      const mod = e.ctrlKey || e.metaKey;
      const k = e.key.toLowerCase();
      // An open dialog handles its own keys (Escape closes it); Ctrl+E / Ctrl+P switch between the two.
      if (st.dialog) {
        if (mod && !e.shiftKey && (k === 'e' || k === 'p')) {
          e.preventDefault();
          st.openDialog(k === 'e' ? 'export' : 'report');
        }
        return;
      }
      if (e.key === 'Escape') {
        if (st.helpOpen) st.setHelp(false);
        else if (st.job) stopSimulation();
        return;
      }
      if (mod && k === 'z' && !e.shiftKey) {
        e.preventDefault();
        st.undo();
      } else if (mod && ((k === 'z' && e.shiftKey) || k === 'y')) {
        e.preventDefault();
        st.redo();
      } else if (mod && k === 'o') {
        e.preventDefault();
        openFilePicker();
      } else if (mod && k === 's') {
        e.preventDefault();
        saveDraft();
      } else if (mod && !e.shiftKey && (k === 'e' || k === 'p')) {
        e.preventDefault();
        if (st.scenario?.kind === 'web-stack') st.openDialog(k === 'e' ? 'export' : 'report');
      } else if (mod && e.key === 'Enter') {
        e.preventDefault();
        if (!st.job) void (e.shiftKey ? runSweep() : runDraft());
      } else if (mod && e.shiftKey && k === 'l') {
        e.preventDefault();
        st.toggleTheme();
      } else if (e.altKey && /^[1-5]$/.test(e.key)) {
        e.preventDefault();
        st.setView(VIEWS[Number(e.key) - 1]);
      } else if (e.key === '?' && !typing) {
        e.preventDefault();
        st.setHelp(!st.helpOpen);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
