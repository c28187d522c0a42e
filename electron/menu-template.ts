// The native menu as data: File (Open…, Open Recent, Save, Save As…, Export configs…, Sizing report…, Quit),
// Edit (clipboard roles), View (theme; reload and devtools in development only), Window, Help. Items that
// act on the document send a MenuCommand to the renderer; the renderer does the work through the API.
// Only type imports from electron, so this is unit-tested in plain Node.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, RecentFile } from './ipc-contract';

export interface MenuDeps {
  appName: string;
  platform: NodeJS.Platform;
  isDev: boolean;
  recent: readonly RecentFile[];
  send: (command: MenuCommand) => void;
  clearRecent: () => void;
  showAbout: () => void;
}

export function buildMenuTemplate(d: MenuDeps): MenuItemConstructorOptions[] {
  const mac = d.platform === 'darwin';
  const cmd = (command: MenuCommand) => () => d.send(command);
  const recentItems: MenuItemConstructorOptions[] = d.recent.length
    ? [
        ...d.recent.map((f, i): MenuItemConstructorOptions => ({ id: `recent-${i}`, label: f.name, sublabel: f.path, toolTip: f.path, click: cmd({ type: 'open-recent', path: f.path }) })),
        { type: 'separator' },
        { id: 'recent-clear', label: 'Clear Recent', click: () => d.clearRecent() },
      ]
    : [{ id: 'recent-empty', label: 'No recent files', enabled: false }];

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { id: 'open', label: 'Open…', accelerator: 'CmdOrCtrl+O', click: cmd({ type: 'open' }) },
      { id: 'open-recent', label: 'Open Recent', submenu: recentItems },
      { type: 'separator' },
      { id: 'save', label: 'Save', accelerator: 'CmdOrCtrl+S', click: cmd({ type: 'save' }) },
      { id: 'save-as', label: 'Save As…', accelerator: 'CmdOrCtrl+Shift+S', click: cmd({ type: 'save-as' }) },
      { type: 'separator' },
      { id: 'export', label: 'Export configs…', accelerator: 'CmdOrCtrl+E', click: cmd({ type: 'export' }) },
      { id: 'report', label: 'Sizing report…', accelerator: 'CmdOrCtrl+P', click: cmd({ type: 'report' }) },
      ...(mac ? [] : [{ type: 'separator' } as const, { id: 'quit', role: 'quit', label: 'Quit', accelerator: 'CmdOrCtrl+Q' } as const]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [{ role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { type: 'separator' }, { role: 'selectAll' }],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { id: 'toggle-theme', label: 'Toggle Dark Theme', accelerator: 'CmdOrCtrl+Shift+L', click: cmd({ type: 'toggle-theme' }) },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(d.isDev ? [{ type: 'separator' } as const, { id: 'reload', role: 'reload' } as const, { id: 'devtools', role: 'toggleDevTools' } as const] : []),
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [
      { id: 'shortcuts', label: 'Keyboard Shortcuts', accelerator: 'F1', click: cmd({ type: 'show-shortcuts' }) },
      ...(mac ? [] : [{ type: 'separator' } as const, { id: 'about', label: `About ${d.appName}`, click: () => d.showAbout() }]),
    ],
  };
  const appMenu: MenuItemConstructorOptions[] = mac
    ? [{ label: d.appName, submenu: [{ id: 'about', label: `About ${d.appName}`, click: () => d.showAbout() }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { id: 'quit', role: 'quit' }] }]
    : [];
  return [...appMenu, file, edit, view, { role: 'windowMenu' }, help];
}
