// The application frame: title bar, message banner, the current view, the file error state and the help.

import { useEffect } from 'react';
import { useAppStore } from './store/index';
import { TopBar } from './components/TopBar';
import { Banner } from './components/Banner';
import { Gallery } from './components/Gallery';
import { Workspace } from './components/Workspace';
import { ComparePanel } from './components/ComparePanel';
import { ClaimsTable } from './components/ClaimsTable';
import { SizingPanel } from './components/SizingPanel';
import { HelpOverlay } from './components/HelpOverlay';
import { FileErrorState } from './components/FileErrorState';
import { useShortcuts } from './components/use-shortcuts';
import { ExportDialog } from './components/ExportDialog';
import { ReportDialog } from './components/ReportDialog';
import { useDesktopMenu } from './components/use-desktop-menu';

export function App() {
  const view = useAppStore((s) => s.view);
  const theme = useAppStore((s) => s.theme);
  const fileError = useAppStore((s) => s.fileError !== null);
  const dialog = useAppStore((s) => s.dialog);
  useShortcuts();
  useDesktopMenu();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <div className="app">
      <TopBar />
      <Banner />
      <div className="view" data-view={view}>
        {fileError ? <FileErrorState /> : view === 'gallery' ? <Gallery /> : view === 'editor' ? <Workspace /> : view === 'compare' ? <ComparePanel /> : view === 'sizing' ? <SizingPanel /> : <ClaimsTable />}
      </div>
      <HelpOverlay />
      {dialog === 'export' && <ExportDialog />}
      {dialog === 'report' && <ReportDialog />}
    </div>
  );
}
