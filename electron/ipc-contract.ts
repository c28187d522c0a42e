// The desktop boundary: what the preload exposes to the renderer as `window.capsim`, and the IPC channel
// names behind it. Types and constants only — no electron or Node import — so the renderer can
// `import type { DesktopApi } from '../../electron/ipc-contract'` and the preload can `satisfies DesktopApi`.
// Everything that crosses is plain data (strings, plain objects, arrays): no classes, no functions except
// the onMenu callback, which contextBridge proxies.

/** A scenario file the user opened (through a dialog or Open Recent). */
export interface ScenarioFile {
  /** File name with extension, e.g. "tier-2.yaml". */
  name: string;
  /** Absolute path; pass it back to saveScenario to save in place. */
  path: string;
  /** The file's UTF-8 text, not parsed: the renderer parses and validates it. */
  text: string;
}

export interface RecentFile {
  path: string;
  name: string;
}

export interface SaveArgs {
  /** Save in place when this is a path the user opened or saved this session (or a recent file); else a dialog asks. */
  path?: string;
  text: string;
  /** Suggested file name for the dialog, e.g. "tier-2.yaml". */
  name: string;
}

/** Commands from the native menu, pushed to the renderer; the renderer acts by calling the API below. */
export type MenuCommand =
  | { type: 'open' }
  | { type: 'open-recent'; path: string }
  | { type: 'save' }
  | { type: 'save-as' }
  | { type: 'export' }
  | { type: 'report' }
  | { type: 'toggle-theme' }
  | { type: 'show-shortcuts' };

export interface DesktopApi {
  /** Open dialog for a scenario (YAML/JSON); null when cancelled. */
  openScenario(): Promise<ScenarioFile | null>;
  /** Reopen a file from the recent list (only paths on that list are accepted); rejects if it is gone. */
  openRecent(args: { path: string }): Promise<ScenarioFile>;
  /** Save to args.path if it is known to the shell, else through a Save dialog; null when cancelled. */
  saveScenario(args: SaveArgs): Promise<{ path: string } | null>;
  /** Always asks where to save; null when cancelled. */
  saveAs(args: { text: string; name: string }): Promise<{ path: string } | null>;
  /** Most recent first. */
  recentFiles(): Promise<RecentFile[]>;
  /** Asks for a folder and writes every file (relative names, "/" for sub-folders); null when cancelled. */
  exportFiles(args: { files: Record<string, string> }): Promise<{ dir: string } | null>;
  /** Renders a self-contained HTML document to PDF (scripts and remote content are not loaded); null when cancelled. */
  printReportToPdf(args: { html: string; suggestedName: string }): Promise<{ path: string } | null>;
  /** The current working session (any text the renderer chooses, e.g. JSON); written to disk a few seconds later. */
  autosave(args: { text: string }): Promise<void>;
  /** The last autosaved session, from this or the previous run; null when there is none or it is unreadable. */
  restoreSession(): Promise<{ text: string; savedAt: string } | null>;
  /** Subscribe to native menu commands; returns the unsubscribe function. */
  onMenu(callback: (command: MenuCommand) => void): () => void;
}

/** The name under which the preload exposes the API: `window.capsim`. */
export const API_GLOBAL = 'capsim';

/** IPC channel names, `noun:verb`; one per DesktopApi method (onMenu listens on `menu`). */
export const Channels = {
  openScenario: 'scenario:open',
  openRecent: 'scenario:open-recent',
  saveScenario: 'scenario:save',
  saveAs: 'scenario:save-as',
  recentFiles: 'recent:list',
  exportFiles: 'export:write',
  printReportToPdf: 'report:print-pdf',
  autosave: 'session:autosave',
  restoreSession: 'session:restore',
  menu: 'menu:command',
} as const satisfies Record<Exclude<keyof DesktopApi, 'onMenu'> | 'menu', string>;

export type InvokeChannel = Exclude<(typeof Channels)[keyof typeof Channels], typeof Channels.menu>;
