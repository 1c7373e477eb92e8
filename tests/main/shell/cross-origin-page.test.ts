// Another page on this machine tries to drive the browser shell, in real Chromium: a page
// served from a second local port (any other program, or a site's page reaching 127.0.0.1)
// uses fetch and EventSource against the shell. Without the token it gets 401; with the token
// (as if it had leaked) its requests carry its own Origin and get 403, or die in CORS before
// they are sent; a DNS-rebinding page (another name for 127.0.0.1, same port) gets 403 for its
// Host. Whatever the page tries, no run starts and nothing is read. The shell's own page, with
// the token, is the control: the same calls work there.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../support/chromium';
import { startShell, type Shell } from '../../renderer/support/shell';

let shell: Shell;
let browser: Browser;
let other: Server;
let otherOrigin: string;

const ATTACKER_PAGE = '<!doctype html><title>another page</title><p>not Process Lab</p>';

beforeAll(async () => {
  shell = await startShell();
  other = createServer((_req, res) => { res.writeHead(200, { 'Content-Type': 'text/html' }).end(ATTACKER_PAGE); });
  await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
  otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => other?.close(r));
  await shell?.stop();
});

/** A fresh page at `url`, recording every response Chromium got from the shell's port. */
async function pageAt(url: string, args: string[] = []): Promise<{ page: Page; statuses: () => { method: string; path: string; status: number }[]; close: () => Promise<void> }> {
  const b = args.length ? await launchWith(args) : browser;
  const context = await b.newContext();
  const page = await context.newPage();
  // Chromium's own account of each answer from the shell's port (DevTools protocol): the raw
  // status line reaches responseReceivedExtraInfo even when CORS keeps the answer from the
  // page, which Playwright's own events leave out; preflights come as their own requests.
  const seen: { method: string; path: string; status: number }[] = [];
  const sent = new Map<string, { method: string; url: string }>();
  const cdp = await context.newCDPSession(page);
  cdp.on('Network.requestWillBeSent', (e: { requestId: string; type?: string; request: { method: string; url: string } }) => {
    sent.set(e.requestId, { method: e.type === 'Preflight' ? 'OPTIONS' : e.request.method, url: e.request.url });
  });
  cdp.on('Network.responseReceivedExtraInfo', (e: { requestId: string; statusCode: number }) => {
    // Extra info may come before the request's own event: look it up a moment later.
    setTimeout(() => {
      const r = sent.get(e.requestId);
      if (!r) return;
      const u = new URL(r.url);
      if (u.port === String(shell.port)) seen.push({ method: r.method, path: u.pathname, status: e.statusCode });
    }, 50);
  });
  await cdp.send('Network.enable');
  await page.goto(url);
  return { page, statuses: () => seen, close: async () => { await context.close(); if (b !== browser) await b.close(); } };
}

async function launchWith(args: string[]): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  const { requireChromium } = await import('../../support/chromium');
  return chromium.launch({ executablePath: requireChromium(), args: ['--no-sandbox', '--disable-gpu', '--no-first-run', ...args] });
}

/** What the page's script saw: the status it could read, or the error it got. */
type Outcome = { status: number; body: string } | { error: string };

async function nothingHappened(): Promise<void> {
  const live = await shell.api<unknown[]>('live');
  expect(live).toEqual({ ok: true, value: [] });
  const history = await shell.api<{ runs: unknown[] }>('history', {});
  expect(history.ok && history.value.runs).toEqual([]);
}

describe('a page on another local port', () => {
  it('cannot start a run without the token: a simple POST reaches the shell and gets 401, unread', async () => {
    const { page, statuses, close } = await pageAt(`${otherOrigin}/`);
    try {
      const outcome = await page.evaluate(async (api) => {
        try {
          // text/plain keeps it a "simple" request: no preflight, sent as is.
          const r = await fetch(`${api}/api/start`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify({ scenario: 'fork-loop', params: {} }) });
          return { status: r.status, body: await r.text() };
        } catch (e) { return { error: String(e) }; }
      }, shell.origin) as Outcome;
      expect(outcome).toEqual({ error: expect.stringMatching(/TypeError: Failed to fetch/) });
      // no-cors: the request goes out, the answer stays opaque to the page.
      const opaque = await page.evaluate(async (api) => {
        const r = await fetch(`${api}/api/start`, { method: 'POST', mode: 'no-cors', body: JSON.stringify({ scenario: 'fork-loop', params: {} }) });
        return { type: r.type, status: r.status, body: await r.text() };
      }, shell.origin);
      expect(opaque).toEqual({ type: 'opaque', status: 0, body: '' });
      await expect.poll(() => statuses().filter((s) => s.path === '/api/start').map((s) => s.status)).toEqual([401, 401]);
    } finally {
      await close();
    }
    await nothingHappened();
  });

  it('cannot use a leaked token: the preflight is refused, and a request that gets through is 403 for its Origin', async () => {
    const { page, statuses, close } = await pageAt(`${otherOrigin}/`);
    try {
      const outcome = await page.evaluate(async ({ api, token }) => {
        try {
          const r = await fetch(`${api}/api/start`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
            body: JSON.stringify({ scenario: 'fork-loop', params: {} }),
          });
          return { status: r.status, body: await r.text() };
        } catch (e) { return { error: String(e) }; }
      }, { api: shell.origin, token: shell.token }) as Outcome;
      expect(outcome).toEqual({ error: expect.stringMatching(/TypeError: Failed to fetch/) });
      // The preflight carries no token: refused before anything else; the POST never left.
      await expect.poll(() => statuses().filter((s) => s.path === '/api/start')).toEqual([{ method: 'OPTIONS', path: '/api/start', status: 401 }]);
    } finally {
      await close();
    }
    // The same request as it would arrive if a browser sent it (token and foreign Origin).
    const direct = await fetch(`${shell.origin}/api/start`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${shell.token}`, 'Content-Type': 'application/json', Origin: otherOrigin },
      body: JSON.stringify({ scenario: 'fork-loop', params: {} }),
    });
    expect(direct.status).toBe(403);
    expect((await direct.json() as { error: { message: string } }).error.message).toContain(`requests from "${otherOrigin}" are refused`);
    await nothingHappened();
  });

  it('cannot open the push stream: EventSource gets 401 and gives up', async () => {
    const { page, statuses, close } = await pageAt(`${otherOrigin}/`);
    try {
      const state = await page.evaluate(async ({ api, token }) => {
        const tried = async (url: string) => new Promise<number>((resolve) => {
          const es = new EventSource(url);
          es.onerror = () => { setTimeout(() => { resolve(es.readyState); es.close(); }, 200); };
          es.onmessage = () => resolve(-1);
        });
        // EventSource cannot send a header: the token in the query string is no token.
        return [await tried(`${api}/api/stream`), await tried(`${api}/api/stream?token=${token}`)];
      }, { api: shell.origin, token: shell.token });
      expect(state).toEqual([2, 2]); // EventSource.CLOSED
      await expect.poll(() => statuses().filter((s) => s.path === '/api/stream').map((s) => s.status)).toEqual([401, 401]);
    } finally {
      await close();
    }
  });

  it('cannot read the shell\'s page (the token is in the user\'s address only, and CORS hides the rest)', async () => {
    const { page, close } = await pageAt(`${otherOrigin}/`);
    try {
      const outcome = await page.evaluate(async (api) => {
        try { const r = await fetch(`${api}/`); return { status: r.status, body: await r.text() }; } catch (e) { return { error: String(e) }; }
      }, shell.origin) as Outcome;
      expect(outcome).toEqual({ error: expect.stringMatching(/TypeError: Failed to fetch/) });
    } finally {
      await close();
    }
  });
});

describe('a DNS-rebinding page (another name for 127.0.0.1, on the shell\'s own port)', () => {
  it('is refused for its Host, even with the token, by the page and by the API', async () => {
    // rebind.test resolves to 127.0.0.1: to Chromium the page and the API are one origin.
    const { page, statuses, close } = await pageAt(`http://rebind.test:${shell.port}/`, ['--host-resolver-rules=MAP rebind.test 127.0.0.1']);
    try {
      await expect.poll(() => statuses()[0]).toEqual({ method: 'GET', path: '/', status: 403 });
      const outcome = await page.evaluate(async (token) => {
        const r = await fetch('/api/start', {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ scenario: 'fork-loop', params: {} }),
        });
        return { status: r.status, body: await r.text() };
      }, shell.token);
      expect(outcome.status).toBe(403);
      expect((JSON.parse(outcome.body) as { error: { message: string } }).error.message).toContain(`Host "rebind.test:${shell.port}" is not this lab`);
    } finally {
      await close();
    }
    await nothingHappened();
  });
});

describe('the shell\'s own page, with its token (control)', () => {
  it('drives it: the same fetch starts a run, and the stream opens', async () => {
    const { page, close } = await pageAt(shell.url);
    try {
      const started = await page.evaluate(async (token) => {
        const r = await fetch('/api/start', {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ scenario: 'fork-loop', params: { timeUnitMs: 5 } }),
        });
        return await r.json() as { ok: boolean; value?: { runId: string } };
      }, shell.token);
      expect(started.ok).toBe(true);
      const runId = started.value!.runId;
      const live = await shell.api<{ runId: string }[]>('live');
      expect(live.ok && live.value.map((r) => r.runId)).toContain(runId);
      expect((await shell.api('stop', { runId })).ok).toBe(true);
      const stream = await page.evaluate(async (token) => {
        const r = await fetch('/api/stream', { headers: { Authorization: `Bearer ${token}` } });
        const first = await r.body!.getReader().read();
        return { status: r.status, first: new TextDecoder().decode(first.value) };
      }, shell.token);
      expect(stream.status).toBe(200);
      expect(stream.first).toMatch(/^event: session/);
    } finally {
      await close();
    }
  });
});
