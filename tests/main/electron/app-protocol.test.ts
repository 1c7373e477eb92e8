// The app:// protocol serves the built renderer's files and nothing else: real files in a
// temporary folder, with a secret beside it that no URL may reach.
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { appResponse, resolveInside } from '../../../main/electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../main/electron/content-security-policy';
import { rendererFolder } from './launched-app';

vi.mock('electron', async () => (await import('../../support/electron-stand-in')).electron);

const root = rendererFolder();
const get = (url: string, method = 'GET') => appResponse(root, new Request(url, { method }));

describe('the app:// protocol', () => {
  it('serves the index page and assets with their types and the CSP header', async () => {
    for (const url of ['app://lab/', 'app://lab/index.html']) {
      const res = await get(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await res.text()).toContain('<title>Process Lab</title>');
    }
    const js = await get('app://lab/assets/app.js?v=1#top');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toContain('console.log');
    expect(await (await get('app://lab/index.html', 'HEAD')).text()).toBe('');
  });

  it.each([
    'app://lab/../secret.txt',
    'app://lab/%2e%2e/secret.txt',
    'app://lab/..%2fsecret.txt',
    'app://lab/assets/..%2f..%2fsecret.txt',
    'app://lab/..%5csecret.txt',
    'app://lab/%2e%2e%2f%2e%2e%2f..%2fetc%2fpasswd',
    'app://lab/index.html%00.js',
    'app://lab/%2Fetc%2Fpasswd',
    'app://lab/%E0%A4%A',
    'app://other/index.html',
    'app://lab/assets/',
    'app://lab/no-such-file.js',
  ])('refuses %s', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('not for the page');
  });

  it('refuses every method but GET and HEAD', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) expect((await get('app://lab/index.html', method)).status).toBe(405);
  });

  it('resolves only inside the folder, whatever the path says', () => {
    expect(resolveInside(root, 'app://lab/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
    expect(resolveInside(root, 'app://lab/a/b/../../index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveInside(root, 'app://lab/..%2f' + path.basename(root) + '-evil%2fx')).toBeNull();
    expect(resolveInside(root, 'https://lab/index.html')).toBeNull();
  });
});
