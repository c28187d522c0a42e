// In the desktop app, the native menu's commands (File ▸ Open, Save, Export, Report, View ▸ Theme, Help ▸
// Shortcuts) arrive through window.capsim.onMenu; in a browser there is no menu and this does nothing.

import { useEffect } from 'react';
import { useAppStore } from '../store/index';
import { desktopApi } from '../files/desktop';
import { scenarioText } from '../files/scenario-file';
import type { MenuCommand } from '../../../electron/ipc-contract';

/** Where the open scenario lives on disk (desktop only), so Save writes it in place. */
let openedPath: string | undefined;

async function run(cmd: MenuCommand): Promise<void> {
  const api = desktopApi();
  if (!api) return;
  const st = useAppStore.getState();
  switch (cmd.type) {
    case 'open':
    case 'open-recent': {
      const f = cmd.type === 'open' ? await api.openScenario() : await api.openRecent({ path: cmd.path });
      if (f && st.openFile(f.name, f.text)) openedPath = f.path;
      return;
    }
    case 'save':
    case 'save-as': {
      if (st.draft === undefined) return;
      const name = st.fileName || 'scenario.yaml';
      const text = scenarioText(st.draft, name);
      const r = cmd.type === 'save' ? await api.saveScenario({ path: openedPath, text, name }) : await api.saveAs({ text, name });
      if (r) {
        openedPath = r.path;
        useAppStore.setState({ dirty: false, fileName: r.path.split(/[\\/]/).pop() ?? name });
      }
      return;
    }
    case 'export':
    case 'report':
      if (st.scenario?.kind === 'web-stack') st.openDialog(cmd.type);
      else useAppStore.setState({ banner: { tone: 'info', message: `Open a web-stack scenario to ${cmd.type === 'export' ? 'export its deployment files' : 'build its sizing report'}.` } });
      return;
    case 'toggle-theme':
      st.toggleTheme();
      return;
    case 'show-shortcuts':
      st.setHelp(true);
      return;
  }
}

export function useDesktopMenu(): void {
  useEffect(() => {
    const api = desktopApi();
    if (!api) return;
    return api.onMenu((cmd) => {
      run(cmd).catch((e: Error) => useAppStore.setState({ banner: { tone: 'error', message: e.message } }));
    });
  }, []);
}
