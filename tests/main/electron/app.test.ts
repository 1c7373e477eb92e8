// The Electron main process as a whole (launchApp), against the stand-in `electron`: the
// window's settings, Electron's security checklist as the app holds it, the history in
// userData, the single-instance lock, and quitting (every way) stopping every run and
// leaving no process. Runs are real: utility processes through the stand-in.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindowStandIn, standIn } from '../../support/electron-stand-in';
import { survivors } from '../../support/lab-host';
import { CONTENT_SECURITY_POLICY } from '../../../main/electron/content-security-policy';
import { PRELOAD_BUNDLE, startTestApp, value, type TestApp } from './launched-app';

vi.mock('electron', async () => (await import('../../support/electron-stand-in')).electron);

let current: TestApp | null = null;
async function start(options?: Parameters<typeof startTestApp>[0]): Promise<TestApp> {
  const t = await startTestApp(options);
  if (!t) throw new Error('the app did not start');
  current = t;
  return t;
}
afterEach(async () => {
  if (current && standIn.app.exitCode === null) await current.lab.shutdown();
  current = null;
});

/** Starts a run that goes on for a long time and waits until its processes are up. */
async function longRun(t: TestApp): Promise<string> {
  const { runId } = value(await t.page.start({ scenario: 'semaphore-pool', params: { holdMaxUnits: 10, timeUnitMs: 2000 } }));
  await vi.waitFor(() => {
    const live = value(t.lab.service.liveRuns()).find((r) => r.runId === runId);
    expect(live?.eventCount ?? 0).toBeGreaterThan(10);
  }, { timeout: 20_000, interval: 50 });
  return runId;
}

describe('the window', () => {
  it('registers app:// as a standard, secure scheme and enables the sandbox, both before ready', async () => {
    await start();
    // The stand-in throws when either comes after ready, as Electron does.
    expect(standIn.protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
    expect(standIn.app.sandboxEnabled).toBe(true);
  });

  it('is one window, isolated and sandboxed, without Node, loading the app\'s own page', async () => {
    const t = await start();
    expect(standIn.windows()).toHaveLength(1);
    const prefs = t.window.options.webPreferences!;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webviewTag: false });
    // Left at Electron's safe defaults: never set at all.
    for (const key of ['webSecurity', 'allowRunningInsecureContent', 'experimentalFeatures', 'enableBlinkFeatures']) expect(prefs).not.toHaveProperty(key);
    expect(prefs.preload).toBe(PRELOAD_BUNDLE);
    expect(existsSync(PRELOAD_BUNDLE)).toBe(true);
    expect(t.window.webContents.loadedUrls).toEqual(['app://lab/index.html']);
    await vi.waitFor(() => expect(t.window.shown).toBe(true));
  });

  it('serves its pages with the CSP header, and no remote source in the policy', async () => {
    await start();
    const res = await standIn.protocol.request('app://lab/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toMatch(/(^|; )default-src 'self'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|'unsafe-inline'|'unsafe-eval'|ws:/);
    expect(await (await standIn.protocol.request('app://lab/assets/app.js')).text()).toContain('console.log');
  });
});

describe('Electron\'s security checklist, as held by the app', () => {
  it('refuses every navigation, new window and <webview>, and never opens anything outside', async () => {
    const t = await start();
    const wc = t.window.webContents;
    // will-navigate itself refuses (the checklist's item); will-frame-navigate too, for frames.
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'app://lab/other.html']) {
      expect(wc.pageNavigates(url)).toEqual({ refused: true, by: ['will-frame-navigate', 'will-navigate'] });
    }
    expect(wc.getURL()).toBe('app://lab/index.html');
    expect(wc.pageOpensWindow('https://example.com/')).toBe('deny');
    expect(wc.pageOpensWindow('app://lab/index.html')).toBe('deny');
    expect(wc.pageAttachesWebview('https://example.com/').refused).toBe(true);
    expect(standIn.shell.opened).toEqual([]);
  });

  it('guards web contents created later the same way', async () => {
    await start();
    const other = new BrowserWindowStandIn({});
    expect(other.webContents.pageNavigates('https://example.com/').refused).toBe(true);
    expect(other.webContents.pageOpensWindow('https://example.com/')).toBe('deny');
    other.destroy();
  });

  it('denies every permission request and check', async () => {
    const t = await start();
    const wc = t.window.webContents;
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'midi']) {
      expect(await standIn.session.requestPermission(wc, p)).toBe(false);
      expect(standIn.session.checkPermission(wc, p)).toBe(false);
    }
    expect(standIn.session.checkDevice('usb')).toBe(false);
  });

  it('lets no request out that is not the app\'s own (no remote content ever)', async () => {
    await start();
    for (const url of ['https://example.com/chart.js', 'http://127.0.0.1:8080/', 'ws://localhost:1/', 'file:///etc/passwd', 'app://evil/index.html', 'blob:https://example.com/x']) {
      expect(await standIn.session.requestGoesOut(url)).toBe(false);
    }
    for (const url of ['app://lab/index.html', 'app://lab/assets/app.js', 'data:image/png;base64,AA==']) {
      expect(await standIn.session.requestGoesOut(url)).toBe(true);
    }
  });
});

describe('the app\'s life', () => {
  it('keeps the history in userData', async () => {
    const t = await start();
    const { runId } = value(await t.page.start({ scenario: 'fork-loop', params: { timeUnitMs: 5 } }));
    expect(value(await t.lab.service.finished(runId)).status).toBe('completed');
    expect(existsSync(path.join(t.userData, 'lab.sqlite'))).toBe(true);
    expect(value(await t.page.history({})).runs.map((r) => r.runId)).toContain(runId);
  });

  it('a second instance hands over: quits at once, no window, no process; the first comes to the front', async () => {
    const second = await startTestApp({ singleInstanceLock: false });
    expect(second).toBeNull();
    expect(standIn.app.quitCalls).toBe(1);
    expect(standIn.windows()).toHaveLength(0);
    expect(standIn.utilityProcess.forks).toHaveLength(0);

    const first = await start();
    standIn.app.emit('second-instance', {}, [], '/', {});
    expect(first.window.focused).toBe(1);
  });

  it('says why it cannot start when the renderer is not built, and exits', async () => {
    const t = await startTestApp({ rendererRoot: path.join(PRELOAD_BUNDLE, 'no-such-folder') });
    expect(t).toBeNull();
    expect(standIn.dialog.errorBoxes[0].content).toMatch(/index\.html not found: run "npm run build" first/);
    expect(await standIn.app.exited()).toBe(1);
  });

  it.each([
    ['quitting (menu, Cmd+Q)', (_t: TestApp) => standIn.app.quit(), 0],
    ['closing the window', (t: TestApp) => t.window.close(), 0],
    ['SIGTERM to the main process', (t: TestApp) => t.signals.emit('SIGTERM'), 143],
    ['SIGINT to the main process', (t: TestApp) => t.signals.emit('SIGINT'), 130],
  ])('%s stops every run and leaves no process', async (_how, quit, code) => {
    const t = await start();
    const runId = await longRun(t);
    quit(t);
    expect(await standIn.app.exited()).toBe(code);
    expect(t.lab.service.liveWorkers).toBe(0);
    expect(await survivors(standIn.forkedPids(), 2000)).toEqual([]);
    // The run was stopped, not abandoned: its report is in the history.
    const report = value(await t.lab.service.run(runId));
    expect(report.status).toBe('stopped');
  });
});
