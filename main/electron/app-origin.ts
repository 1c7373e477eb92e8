// The app's own pages live at app://lab/ (a custom scheme registered as standard and secure,
// so the page has a real origin and relative URLs resolve). Nothing else is ever loaded.
export const APP_SCHEME = 'app';
export const APP_HOST = 'lab';
export const APP_START_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** True when `url` is one of the app's own pages (scheme and host, whatever the path). */
export function isAppUrl(url: string): boolean {
  let u: URL;
  try { u = new URL(url); } catch { return false; }
  // Node's URL gives a non-special scheme the origin "null", so scheme and host are compared.
  return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '' && u.port === '';
}
