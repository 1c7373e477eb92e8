// Electron's security checklist, the parts that hold for every web contents and session:
// no navigation anywhere (the app is one page; links never leave it), no new windows,
// no <webview>, every permission refused, and no request that is not the app's own.
import { app, type Session, type WebContents } from 'electron';
import { isAppUrl } from './app-origin';

/** Applies the navigation rules to every web contents the app will ever create. */
export function guardAllWebContents(log: (line: string) => void): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, log));
}

export function guardWebContents(contents: WebContents, log: (line: string) => void): void {
  // Refused whatever the target, the app's own pages included: the page moves by its hash,
  // which is an in-page navigation and never reaches these events.
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    log(`refused a navigation to ${event.url}`);
  });
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // No window.open, no target=_blank, and no shell.openExternal of what a page asks for.
  contents.setWindowOpenHandler(({ url }) => {
    log(`refused to open a window for ${url}`);
    return { action: 'deny' };
  });
}

/** Every permission request and check answered "no"; every request that is not app:// cancelled. */
export function lockDownSession(session: Session): void {
  refusePermissions(session);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url) });
  });
}

/** Every permission request and check of the session's pages answered "no" (the app's window,
 *  and the hidden window that prints PDF reports). */
export function refusePermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/**
 * The app's own files, what the page made itself (data: and blob: URLs, never remote), and
 * the developer tools' own pages in development builds.
 */
export function isAllowedRequest(url: string): boolean {
  if (isAppUrl(url)) return true;
  const scheme = url.slice(0, url.indexOf(':') + 1).toLowerCase();
  if (scheme === 'data:') return true;
  if (scheme === 'blob:') return isAppUrl(url.slice(scheme.length));
  return !app.isPackaged && scheme === 'devtools:';
}
