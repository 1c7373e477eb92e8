// The browser shell's protocol, with raw HTTP against the real server (dist/main/shell, what
// `npm run serve` runs): the token, Host and Origin checks; the CSP header; the push stream
// and its session; downloads; one printed line; signals that stop every run and leave no process.
import { request } from 'node:http';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveRun, Push } from '../../../shared/contract';
import { metaCsp } from '../../../main/shell/page-csp';
import { defaultDbPath } from '../../../main/core/store/default-path';
import { isAlive, survivors } from '../../support/lab-host';
import { ADDRESS_LINE, descendants, SHELL_MAIN, startShell, type Shell } from '../../renderer/support/shell';
import { spawnSync } from 'node:child_process';

interface Raw { status: number; headers: Record<string, string | string[] | undefined>; body: string }

function raw(shell: Shell, method: string, urlPath: string, headers: Record<string, string>, body?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: shell.port, method, path: urlPath, headers, setHost: !('Host' in headers) }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c: string) => { text += c; }).on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Reads the push stream: the session id first, then pushes, until `until` is satisfied. */
function openStream(shell: Shell): { session: Promise<string>; pushes: Push[]; close: () => void } {
  const pushes: Push[] = [];
  let resolveSession: (id: string) => void = () => {};
  const session = new Promise<string>((r) => { resolveSession = r; });
  const req = request({ host: '127.0.0.1', port: shell.port, path: '/api/stream', headers: { Authorization: `Bearer ${shell.token}` } }, (res) => {
    let buf = '';
    res.setEncoding('utf8').on('data', (c: string) => {
      buf += c;
      let i: number;
      while ((i = buf.indexOf('\n\n')) >= 0) {
        const block = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event === 'session') resolveSession((JSON.parse(data!) as { session: string }).session);
        if (event === 'push') pushes.push(JSON.parse(data!) as Push);
      }
    });
  });
  req.on('error', () => { /* closed by the test */ });
  req.end();
  return { session, pushes, close: () => req.destroy() };
}

async function until(check: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

let shell: Shell;
beforeAll(async () => { shell = await startShell(); }, 60_000);
afterAll(async () => { await shell?.stop(); });

const auth = () => ({ Authorization: `Bearer ${shell.token}`, 'Content-Type': 'application/json' });

describe('the browser shell', () => {
  it('prints exactly one line, the address with a fresh token, and listens on 127.0.0.1 only', async () => {
    expect(shell.stdout().split('\n').filter(Boolean)).toHaveLength(1);
    expect(shell.stdout().endsWith('\n')).toBe(true);
    expect(shell.stdout().slice(0, -1)).toMatch(ADDRESS_LINE);
    const other = await startShell();
    expect(other.token).not.toBe(shell.token);
    await other.stop();
    const lan = Object.values(os.networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal);
    if (lan) {
      const refused = await fetch(`http://${lan.address}:${shell.port}/`).then(() => 'answered', (e: Error) => (e.cause as { code?: string })?.code ?? e.message);
      expect(refused).toBe('ECONNREFUSED');
    }
  }, 60_000);

  it('answers 401 to a missing or wrong token, and then nothing happens', async () => {
    const start = JSON.stringify({ scenario: 'fork-loop', params: { intervalUnits: 10 } });
    const none = await raw(shell, 'POST', '/api/start', { 'Content-Type': 'application/json' }, start);
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'unauthorized', message: expect.stringContaining('no token') } });
    const wrong = await raw(shell, 'POST', '/api/start', { Authorization: `Bearer ${'x'.repeat(shell.token.length)}`, 'Content-Type': 'application/json' }, start);
    expect(wrong.status).toBe(401);
    expect((await raw(shell, 'POST', '/api/start', { Authorization: `Bearer ${shell.token}x` }, start)).status).toBe(401);
    expect((await raw(shell, 'POST', '/api/start', { Authorization: shell.token }, start)).status).toBe(401);
    expect((await raw(shell, 'GET', '/api/stream', {})).status).toBe(401);
    expect((await raw(shell, 'GET', '/api/download/anything', {})).status).toBe(401);
    // The token is checked before anything else: a bad Host without a token is still 401.
    expect((await raw(shell, 'POST', '/api/version', { Host: 'evil.example:80' })).status).toBe(401);
    expect(await shell.api<LiveRun[]>('live')).toEqual({ ok: true, value: [] });
  });

  it('answers 403 to a foreign Host (DNS rebinding) and to a cross-origin Origin', async () => {
    for (const host of [`evil.example:${shell.port}`, `127.0.0.1:${shell.port + 1}`, '127.0.0.1', `0.0.0.0:${shell.port}`]) {
      const r = await raw(shell, 'POST', '/api/version', { ...auth(), Host: host });
      expect(r.status, host).toBe(403);
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
      expect((await raw(shell, 'GET', '/', { Host: host })).status, host).toBe(403);
    }
    for (const origin of ['http://evil.example', `http://127.0.0.1:${shell.port + 1}`, `https://127.0.0.1:${shell.port}`, 'null']) {
      expect((await raw(shell, 'POST', '/api/version', { ...auth(), Origin: origin })).status, origin).toBe(403);
    }
    for (const host of [`127.0.0.1:${shell.port}`, `localhost:${shell.port}`]) {
      const r = await raw(shell, 'POST', '/api/version', { ...auth(), Host: host, Origin: `http://${host}` });
      expect(r.status).toBe(200);
      expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { contract: 3 } });
    }
  });

  it('serves the page with the same CSP as its meta tag, and nothing outside the app', async () => {
    const page = await raw(shell, 'GET', '/', {});
    expect(page.status).toBe(200);
    const meta = metaCsp(page.body)!;
    expect(meta).toContain("default-src 'self'");
    expect(meta).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
    expect(page.headers['content-security-policy']).toBe(`${meta}; frame-ancestors 'none'`);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(page.body)![1];
    const js = await raw(shell, 'GET', `/${script}`, {});
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toContain('text/javascript');
    expect(js.body).not.toMatch(/https?:\/\/(fonts|cdn)\./);
    for (const p of ['/../package.json', '/%2e%2e/package.json', '/assets/../../main/shell/shell-main.js', '/nothing.html']) {
      expect((await raw(shell, 'GET', p, {})).status, p).toBe(404);
    }
    expect((await raw(shell, 'POST', '/', {})).status).toBe(405);
  });

  it('refuses malformed requests as data', async () => {
    expect(JSON.parse((await raw(shell, 'POST', '/api/start', auth(), '{ nope')).body)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await shell.api('start', { scenario: 7 })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('scenario') } });
    expect(await shell.api('nothing')).toMatchObject({ ok: false, error: { code: 'unknown-request' } });
    expect(await shell.api('start', { scenario: 'fork-loop', params: { iterations: 99 } })).toMatchObject({ ok: false, error: { code: 'bad-param', message: expect.stringContaining('from 1 to 20') } });
    expect((await raw(shell, 'GET', '/api/version', auth())).status).toBe(405);
    expect(await shell.api('subscribe', { runId: 'x', fromSeq: 0 })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('X-Lab-Session') } });
    expect(await shell.api('version', {}, 'no-such-session')).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('pushes a subscribed run on the stream of the session that asked, and ends the subscription when the stream closes', async () => {
    const a = openStream(shell);
    const b = openStream(shell);
    const [sa, sb] = await Promise.all([a.session, b.session]);
    expect(sa).not.toBe(sb);
    const started = await shell.api<{ runId: string }>('start', { scenario: 'fork-loop', params: { intervalUnits: 10, timeUnitMs: 500 } });
    if (!started.ok) throw new Error(started.error.message);
    const runId = started.value.runId;
    expect(await shell.api('subscribe', { runId, fromSeq: 0 }, sa)).toMatchObject({ ok: true });
    await until(() => a.pushes.some((p) => p.type === 'events'));
    expect(b.pushes).toEqual([]);
    a.close();
    await new Promise((r) => setTimeout(r, 300));
    const sub = a.pushes.find((p) => p.type === 'events')!.subscription;
    // The closed stream's session is gone, and its subscription with it.
    expect(await shell.api('unsubscribe', { subscription: sub }, sb)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await shell.api('version', {}, sa)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    // Another session can still watch the run and stop it.
    expect(await shell.api('subscribe', { runId, fromSeq: 0 }, sb)).toMatchObject({ ok: true });
    expect(await shell.api('stop', { runId }, sb)).toMatchObject({ ok: true, value: { status: 'stopped' } });
    await until(() => b.pushes.some((p) => p.type === 'ended'));
    b.close();
  }, 60_000);

  it('prepares an export as a one-time download that needs the token', async () => {
    const s = openStream(shell);
    const session = await s.session;
    const started = await shell.api<{ runId: string }>('start', { scenario: 'fork-loop', params: { timeUnitMs: 5 } }, session);
    if (!started.ok) throw new Error(started.error.message);
    expect(await shell.api('subscribe', { runId: started.value.runId, fromSeq: 0 }, session)).toMatchObject({ ok: true });
    await until(() => s.pushes.some((p) => p.type === 'ended'));
    s.close();
    const exp = await shell.api<{ kind: string; url: string; fileName: string }>('export', { runId: started.value.runId, format: 'json' });
    expect(exp).toMatchObject({ ok: true, value: { kind: 'download', fileName: `fork-loop-${started.value.runId}.json`, url: expect.stringMatching(/^\/api\/download\/[A-Za-z0-9_-]{20,}$/) } });
    if (!exp.ok) return;
    expect((await raw(shell, 'GET', exp.value.url, {})).status).toBe(401);
    const got = await raw(shell, 'GET', exp.value.url, auth());
    expect(got.status).toBe(200);
    expect(got.headers['content-disposition']).toBe(`attachment; filename="${exp.value.fileName}"`);
    expect(JSON.stringify(JSON.parse(got.body))).toContain(started.value.runId);
    expect((await raw(shell, 'GET', exp.value.url, auth())).status).toBe(404);
    const folders = readdirSync(os.tmpdir()).filter((f) => f.startsWith('process-lab-downloads-'))
      .map((f) => path.join(os.tmpdir(), f)).filter((f) => existsSync(f));
    const leftovers = folders.flatMap((f) => readdirSync(f).map((x) => path.join(f, x)));
    expect(leftovers.filter((f) => readdirSync(f).some((x) => x.includes(started.value.runId)))).toEqual([]);
  }, 60_000);
});

describe('stopping the shell', () => {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    it(`${signal} stops every run, leaves no process and exits ${code}`, async () => {
      const s = await startShell();
      const started = await s.api<{ runId: string }>('start', { scenario: 'semaphore-pool', params: { holdMaxUnits: 10, timeUnitMs: 1000 } });
      expect(started.ok).toBe(true);
      await until(() => descendants(s.proc.pid!).length >= 4);
      const tree = descendants(s.proc.pid!);
      const downloads = readdirSync(os.tmpdir()).filter((f) => f.startsWith('process-lab-downloads-'));
      const exit = await s.stop(signal);
      expect(exit).toEqual({ code, signal: null });
      expect(await survivors(tree, 5000)).toEqual([]);
      expect(isAlive(s.proc.pid!)).toBe(false);
      // Its downloads folder went with it.
      const after = new Set(readdirSync(os.tmpdir()).filter((f) => f.startsWith('process-lab-downloads-')));
      expect(downloads.filter((f) => !after.has(f)).length).toBeGreaterThanOrEqual(1);
      // The stopped run is kept as stopped in the history.
      const Database = (await import('better-sqlite3')).default;
      const db = new Database(s.db, { readonly: true });
      expect(db.prepare('SELECT status FROM runs').all()).toEqual([{ status: 'stopped' }]);
      db.close();
    }, 60_000);
  }

  it('refuses bad options with a clear message and exit code 2', () => {
    const bad = spawnSync(process.execPath, [SHELL_MAIN, '--port', 'eighty'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--port needs a port number from 0 to 65535, not "eighty"');
    const unknown = spawnSync(process.execPath, [SHELL_MAIN, '--colour'], { encoding: 'utf8' });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown option "--colour"');
    expect(unknown.stdout).toBe('');
  });

  it('says so when its port is taken', async () => {
    const r = spawnSync(process.execPath, [SHELL_MAIN, '--port', String(shell.port), '--db', path.join(shell.dir, 'other.sqlite')], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`cannot listen on 127.0.0.1:${shell.port}: the port is in use`);
  });

  it('keeps its history in the CLI\'s default file unless --db says otherwise', async () => {
    const data = mkdtempSync(path.join(os.tmpdir(), 'lab-shell-xdg-'));
    const s = await startShell([], { db: null, env: { XDG_DATA_HOME: data } });
    try {
      const file = defaultDbPath({ XDG_DATA_HOME: data }, process.platform);
      expect(file.startsWith(data)).toBe(true);
      expect(existsSync(file)).toBe(true);
    } finally {
      await s.stop();
    }
  }, 60_000);
});
