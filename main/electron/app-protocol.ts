// The app:// protocol: serves the built renderer's files (dist/renderer/app) and nothing
// else, each with the Content-Security-Policy header. A path that leaves the folder (by
// "..", encoded or not, a backslash, a NUL byte) is refused; so is another host or method.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Must run before `app` is ready (Electron's rule): the scheme gets an origin of its own. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);
}

/** After ready: answers app:// requests from `root`. */
export function serveAppProtocol(root: string): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(root, request));
}

/** The answer to one app:// request (exported for the tests and for nothing else). */
export async function appResponse(root: string, request: { url: string; method: string }): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, `${request.method} is not allowed: the app's pages are read-only`);
  const file = resolveInside(root, request.url);
  if (!file) return refuse(404, 'not one of the app\'s files');
  try {
    if (!(await stat(file)).isFile()) return refuse(404, 'not one of the app\'s files');
    const body = request.method === 'HEAD' ? null : await readFile(file);
    return new Response(body, { status: 200, headers: headers(TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream') });
  } catch {
    return refuse(404, 'not one of the app\'s files');
  }
}

/** The file `url` names inside `root`, or null when it is not an app:// URL of ours or leaves `root`. */
export function resolveInside(root: string, url: string): string | null {
  let u: URL;
  try { u = new URL(url); } catch { return null; }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  let rel: string;
  try { rel = decodeURIComponent(u.pathname); } catch { return null; }
  if (rel.includes('\0') || rel.includes('\\')) return null;
  const segments = rel.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  if (segments.length === 0 || rel.endsWith('/')) segments.push('index.html');
  const base = path.resolve(root);
  const file = path.resolve(base, ...segments);
  const inside = path.relative(base, file);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  return file;
}

function headers(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}

function refuse(status: number, text: string): Response {
  return new Response(text, { status, headers: headers('text/plain; charset=utf-8') });
}
