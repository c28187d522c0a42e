// Presentation state: which view is shown, theme, the help overlay, and the two drag sliders (position between
// tiers, 0 … tiers-1, null when the draft is not a blend; the load, in users or req/s).

import type { StateCreator } from 'zustand';
import type { AppStore } from './index';

export type View = 'gallery' | 'editor' | 'compare' | 'claims' | 'sizing';
export type Theme = 'light' | 'dark';
/** The modal dialogs of the workspace. */
export type Dialog = 'export' | 'report';

export interface UiSlice {
  view: View;
  theme: Theme;
  helpOpen: boolean;
  tierPos: number | null;
  dragging: boolean;
  load: number | null;
  dialog: Dialog | null;
  openDialog: (d: Dialog) => void;
  closeDialog: () => void;
  setView: (v: View) => void;
  setTheme: (t: Theme) => void;
  toggleTheme: () => void;
  setHelp: (open: boolean) => void;
}

const prefersDark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;

export const createUiSlice: StateCreator<AppStore, [], [], UiSlice> = (set) => ({
  view: 'gallery',
  theme: prefersDark ? 'dark' : 'light',
  helpOpen: false,
  tierPos: null,
  dragging: false,
  load: null,
  dialog: null,
  openDialog: (dialog) => set({ dialog, helpOpen: false }),
  closeDialog: () => set({ dialog: null }),
  setView: (view) => set({ view }),
  setTheme: (theme) => set({ theme }),
  toggleTheme: () => set((s) => ({ theme: s.theme === 'dark' ? 'light' : 'dark' })),
  setHelp: (helpOpen) => set({ helpOpen }),
});
