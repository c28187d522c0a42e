// The scenario being worked on: its raw value (what the file says, what the editor edits and saves), the parsed
// scenario when valid, the issues by path when not, undo/redo history and where it came from.

import type { StateCreator } from 'zustand';
import { parseScenario, type Scenario } from '../../../sim-core/index';
import { ScenarioError, type ScenarioIssue } from '../../../sim-core/index';
import { library, loadEntry } from '../scenarios/library';
import { pathString, setAt, type PathKey } from '../scenarios/paths';
import type { AppStore } from './index';

/** Edits to the same field within this many ms undo as one step (typing a number). */
const COALESCE_MS = 800;
const HISTORY_LIMIT = 200;

export interface FileError {
  fileName: string;
  issues: ScenarioIssue[];
}

export interface ScenarioSlice {
  /** Library entry the draft started from, if any. */
  entryId: string | null;
  fileName: string;
  draft: unknown;
  scenario: Scenario | null;
  issues: ScenarioIssue[];
  /** Bumped on every change of the draft; results remember the revision they are for. */
  revision: number;
  dirty: boolean;
  past: unknown[];
  future: unknown[];
  lastEdit: { path: string; at: number } | null;
  fileError: FileError | null;
  openEntry: (id: string) => void;
  edit: (path: PathKey, value: unknown) => void;
  replaceDraft: (draft: unknown, label?: string) => void;
  undo: () => void;
  redo: () => void;
  openFile: (fileName: string, text: string) => boolean;
  /** Open a scenario value (e.g. a sizing recommendation) as a new, unsaved file in the editor. */
  openValue: (value: unknown, fileName: string) => boolean;
  dismissFileError: () => void;
}

export function validate(draft: unknown): { scenario: Scenario | null; issues: ScenarioIssue[] } {
  try {
    return { scenario: parseScenario(draft), issues: [] };
  } catch (e) {
    if (e instanceof ScenarioError) return { scenario: null, issues: e.issues };
    return { scenario: null, issues: [{ path: '(root)', message: (e as Error).message }] };
  }
}

/** The state after opening a scenario (from the gallery, a file or a value): fresh history, editor view. */
function opened(
  s: AppStore,
  o: Pick<ScenarioSlice, 'entryId' | 'fileName' | 'draft' | 'scenario' | 'issues' | 'dirty'>,
): Partial<AppStore> {
  return { ...o, revision: s.revision + 1, past: [], future: [], lastEdit: null, fileError: null, view: 'editor', tierPos: null };
}

export const createScenarioSlice: StateCreator<AppStore, [], [], ScenarioSlice> = (set, get) => ({
  entryId: null,
  fileName: '',
  draft: undefined,
  scenario: null,
  issues: [],
  revision: 0,
  dirty: false,
  past: [],
  future: [],
  lastEdit: null,
  fileError: null,

  openEntry: (id) => {
    const e = library.find((x) => x.id === id);
    if (!e) return;
    set((s) => opened(s, { entryId: id, fileName: e.file.split('/').pop()!, draft: e.raw, scenario: e.scenario, issues: e.issues, dirty: false }));
    get().resetResults();
  },

  edit: (path, value) => {
    const s = get();
    const key = pathString(path);
    const now = performance.now();
    const coalesce = s.lastEdit?.path === key && now - s.lastEdit.at < COALESCE_MS;
    const draft = setAt(s.draft, path, value);
    set({
      draft,
      ...validate(draft),
      revision: s.revision + 1,
      dirty: true,
      past: coalesce ? s.past : [...s.past, s.draft].slice(-HISTORY_LIMIT),
      future: [],
      lastEdit: { path: key, at: now },
    });
  },

  replaceDraft: (draft, label) => {
    const s = get();
    const named = label && draft && typeof draft === 'object' ? { ...(draft as object), name: label } : draft;
    set({ draft: named, ...validate(named), revision: s.revision + 1, dirty: true, past: [...s.past, s.draft].slice(-HISTORY_LIMIT), future: [], lastEdit: null });
  },

  undo: () => {
    const s = get();
    if (s.past.length === 0) return;
    const draft = s.past[s.past.length - 1];
    set({ draft, ...validate(draft), revision: s.revision + 1, dirty: true, past: s.past.slice(0, -1), future: [s.draft, ...s.future], lastEdit: null, tierPos: null });
  },

  redo: () => {
    const s = get();
    if (s.future.length === 0) return;
    const [draft, ...future] = s.future;
    set({ draft, ...validate(draft), revision: s.revision + 1, dirty: true, past: [...s.past, s.draft], future, lastEdit: null, tierPos: null });
  },

  openFile: (fileName, text) => {
    const e = loadEntry(fileName, text);
    if (!e.scenario) {
      set({ fileError: { fileName, issues: e.issues } });
      return false;
    }
    set((s) => opened(s, { entryId: null, fileName, draft: e.raw, scenario: e.scenario, issues: [], dirty: false }));
    get().resetResults();
    return true;
  },

  openValue: (value, fileName) => {
    const v = validate(value);
    if (!v.scenario) {
      set({ fileError: { fileName, issues: v.issues } });
      return false;
    }
    set((s) => ({ ...opened(s, { entryId: null, fileName, draft: value, scenario: v.scenario, issues: [], dirty: true }), load: null }));
    get().resetResults();
    return true;
  },

  dismissFileError: () => set({ fileError: null }),
});
