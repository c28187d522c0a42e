// Is this URL our own page? One pure predicate, used for IPC sender checks, navigation and permissions.
// The app is served from app://capsim/ (see window.ts); in development the renderer may come from a Vite
// dev server, whose exact origin is then the only other trusted one.

export const APP_SCHEME = 'app';
export const APP_HOST = 'capsim';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export interface TrustOptions {
  /** Origin of a development server (e.g. "http://127.0.0.1:5174"); only ever set in unpackaged runs. */
  devOrigin?: string | null;
}

export function isTrustedUrl(url: string | null | undefined, opts: TrustOptions = {}): boolean {
  if (typeof url !== 'string' || url === '') return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.username || u.password) return false;
  if (u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST) return true;
  if (opts.devOrigin) {
    try {
      const dev = new URL(opts.devOrigin);
      const loopback = dev.hostname === '127.0.0.1' || dev.hostname === 'localhost' || dev.hostname === '[::1]';
      return loopback && (dev.protocol === 'http:' || dev.protocol === 'https:') && u.origin === dev.origin;
    } catch {
      return false;
    }
  }
  return false;
}
