// The Electron shell's API (window.capsim, from electron/preload) when the renderer runs in the desktop app;
// undefined in a plain browser, where files go through downloads instead. Only the TYPE is imported.

import type { DesktopApi } from '../../../electron/ipc-contract';

export type { DesktopApi };

declare global {
  interface Window {
    capsim?: DesktopApi;
  }
}

export function desktopApi(): DesktopApi | undefined {
  return typeof window !== 'undefined' ? window.capsim : undefined;
}
