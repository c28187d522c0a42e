// Deny by default, for every web contents the app ever creates: no navigation or redirect away from our
// page, no new windows, no <webview>, no permissions (except writing to the clipboard from our page), and
// no network requests at all except to a development server in unpackaged runs.
import { app, session } from 'electron';
import { isTrustedUrl, type TrustOptions } from './trusted-url';

const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write']);

export function installSecurity(trust: TrustOptions): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isTrustedUrl(url, trust)) {
        event.preventDefault();
        console.warn(`capsim: blocked navigation to ${url}`);
      }
    });
    contents.on('will-redirect', (event, url) => {
      if (!isTrustedUrl(url, trust)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      console.warn(`capsim: blocked a new window for ${url}`);
      return { action: 'deny' };
    });
  });

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, permission, callback, details) => callback(ALLOWED_PERMISSIONS.has(permission) && isTrustedUrl(details.requestingUrl, trust)));
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin) => ALLOWED_PERMISSIONS.has(permission) && isTrustedUrl(requestingOrigin, trust));
  ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (details, callback) => {
    const allowed = isTrustedUrl(details.url, trust);
    if (!allowed) console.warn(`capsim: blocked remote request ${details.url}`);
    callback({ cancel: !allowed });
  });
}
