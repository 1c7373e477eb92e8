// The contract over Electron IPC, end to end: the built preload in a sandboxed page, the
// stand-in's ipcMain (structured clones both ways), the real router, service, processes and
// SQLite history. Who may ask, what is refused, where pushes go, and exports through the
// native save dialog.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindowStandIn, standIn } from '../../support/electron-stand-in';
import { REQUEST_NAMES, type Push } from '../../../shared/contract';
import { FileSink } from '../../../main/electron/save-dialog-exports';
import { startTestApp, value, type TestApp } from './launched-app';

vi.mock('electron', async () => (await import('../../support/electron-stand-in')).electron);

let current: TestApp | null = null;
async function start(): Promise<TestApp> {
  const t = await startTestApp();
  if (!t) throw new Error('the app did not start');
  current = t;
  return t;
}
afterEach(async () => {
  if (current && standIn.app.exitCode === null) await current.lab.shutdown();
  current = null;
});

const pushesTo = (t: TestApp) => t.window.webContents.sent.filter((s) => s.channel === 'lab:push').map((s) => s.args[0] as Push);

async function finishedRun(t: TestApp): Promise<string> {
  const { runId } = value(await t.page.start({ scenario: 'fork-loop', params: { timeUnitMs: 5 } }));
  value(await t.lab.service.finished(runId));
  return runId;
}

describe('IPC handlers', () => {
  it('has one handler per contract request, and no other', async () => {
    await start();
    expect(standIn.ipcMain.channels.sort()).toEqual(REQUEST_NAMES.map((n) => `lab:${n}`).sort());
  });

  it('answers the app\'s own page through the preload', async () => {
    const t = await start();
    expect(value(await t.page.version({})).contract).toBeGreaterThan(0);
    expect(value(await t.page.scenarios({})).map((s) => s.id)).toContain('fork-loop');
  });

  it('refuses a foreign sender before the service sees anything', async () => {
    const t = await start();
    const ask = (r: { invoke(channel: string, ...args: unknown[]): Promise<unknown> }) =>
      r.invoke('lab:start', { scenario: 'fork-loop', params: { timeUnitMs: 5 } }) as Promise<{ ok: boolean; error?: { code: string; message: string } }>;

    // Another window, even one showing the app's page.
    const other = new BrowserWindowStandIn({ webPreferences: {} });
    await other.loadURL('app://lab/index.html');
    expect((await ask(other.webContents.renderer)).error).toMatchObject({ code: 'unauthorized', message: expect.stringMatching(/only from the Process Lab window/) });
    other.destroy();

    const wc = t.window.webContents;
    // A frame inside the app's window.
    wc.renderer.frame = wc.addSubframe('app://lab/index.html');
    expect((await ask(wc.renderer)).error).toMatchObject({ code: 'unauthorized', message: expect.stringMatching(/top frame/) });
    // A frame that is gone (its page navigated away or was closed): no senderFrame.
    wc.renderer.frame = wc.mainFrame;
    wc.mainFrame.detached = true;
    expect((await ask(wc.renderer)).error).toMatchObject({ code: 'unauthorized', message: expect.stringMatching(/gone/) });
    wc.renderer.frame = null;
    // The window's top frame showing something else than the app's own page.
    for (const url of ['https://example.com/', 'file:///tmp/index.html', 'app://evil/index.html', 'app://lab:8080/index.html']) {
      await wc.loadURL(url);
      expect((await ask(wc.renderer)).error).toMatchObject({ code: 'unauthorized' });
    }
    expect(value(t.lab.service.liveRuns())).toEqual([]);
    expect(standIn.utilityProcess.forks).toHaveLength(0);
    expect(t.logs.filter((l) => /^refused "start"/.test(l))).toHaveLength(7);
  });

  it('refuses malformed arguments with the contract\'s message naming the field, starting nothing', async () => {
    const t = await start();
    const r = t.window.webContents.renderer;
    const answer = async (...args: unknown[]) => (await r.invoke('lab:start', ...args)) as { ok: boolean; error: { code: string; message: string } };
    expect((await answer({ scenario: 5 })).error).toMatchObject({ code: 'bad-request', message: expect.stringMatching(/scenario/) });
    expect((await answer({ scenario: 'fork-loop', rm: '-rf' })).error).toMatchObject({ code: 'bad-request', message: expect.stringMatching(/unknown field rm/) });
    expect((await answer('fork-loop')).error.code).toBe('bad-request');
    expect((await answer({ scenario: 'fork-loop' }, { extra: true })).error).toMatchObject({ code: 'bad-request', message: expect.stringMatching(/one argument/) });
    expect((await r.invoke('lab:stop', { runId: '' }) as { error: { code: string } }).error.code).toBe('bad-request');
    expect(value(t.lab.service.liveRuns())).toEqual([]);
    expect(standIn.utilityProcess.forks).toHaveLength(0);
  });

  it('pushes a subscription to the asking window only, to its end', async () => {
    const t = await start();
    const bystander = new BrowserWindowStandIn({ webPreferences: {} });
    const got: Push[] = [];
    const stop = t.page.onPush((p) => got.push(p));
    const { runId } = value(await t.page.start({ scenario: 'fork-loop', params: { timeUnitMs: 5 } }));
    const { subscription } = value(await t.page.subscribe({ runId, fromSeq: 0 }));
    await vi.waitFor(() => expect(got.some((p) => p.type === 'ended')).toBe(true), { timeout: 20_000 });
    expect(got.every((p) => p.subscription === subscription && p.runId === runId)).toBe(true);
    expect(got.filter((p) => p.type === 'events').flatMap((p) => (p.type === 'events' ? p.events : [])).length).toBeGreaterThan(10);
    expect(bystander.webContents.sent).toEqual([]);
    stop();
    bystander.destroy();
  });

  it('ends what a page subscribed to when it reloads or its window goes', async () => {
    const t = await start();
    const wc = t.window.webContents;
    const { runId } = value(await t.page.start({ scenario: 'semaphore-pool', params: { holdMaxUnits: 10, timeUnitMs: 2000 } }));
    value(await t.page.subscribe({ runId, fromSeq: 0 }));
    await vi.waitFor(() => expect(pushesTo(t).length).toBeGreaterThan(0), { timeout: 20_000 });
    wc.reload();
    const before = pushesTo(t).length;
    // The new page stops the run; the old page's subscription would have carried its end.
    const page = standIn.runPreload(path.resolve(__dirname, '../../../dist/preload/preload.bundle.js'), wc).world.processLab as TestApp['page'];
    expect(value(await page.stop({ runId })).status).toBe('stopped');
    expect(pushesTo(t).slice(before)).toEqual([]);
    // A window that goes: nothing is sent to it afterwards (Electron would throw).
    const { runId: second } = value(await page.start({ scenario: 'semaphore-pool', params: { holdMaxUnits: 10, timeUnitMs: 2000 } }));
    value(await page.subscribe({ runId: second, fromSeq: 0 }));
    t.window.destroy();
    value(await t.lab.service.stop(second));
    expect(wc.sendsAfterDestroy).toBe(0);
  });
});

describe('exports through the native save dialog', () => {
  it('suggests the export\'s file name beside the window, and a cancel writes nothing', async () => {
    const t = await start();
    const runId = await finishedRun(t);
    standIn.dialog.nextSave = { canceled: true, filePath: '' };
    expect(value(await t.page.export({ runId, format: 'json' }))).toEqual({ kind: 'cancelled' });
    const { window, options } = standIn.dialog.saves[0];
    expect(window).toBe(t.window);
    expect(path.basename(options.defaultPath as string)).toBe(`fork-loop-${runId}.json`);
    expect(path.dirname(options.defaultPath as string)).toBe(t.documents);
    expect(readdirSync(t.documents)).toEqual([]);
  });

  it('writes the chosen file, complete, with nothing left beside it', async () => {
    const t = await start();
    const runId = await finishedRun(t);
    const out = path.join(t.documents, 'reports');
    mkdirSync(out);
    standIn.dialog.nextSave = { canceled: false, filePath: path.join(out, 'my run.json') };
    const saved = value(await t.page.export({ runId, format: 'json' }));
    expect(saved).toMatchObject({ kind: 'saved', path: path.join(out, 'my run.json') });
    const text = readFileSync(path.join(out, 'my run.json'), 'utf8');
    expect(saved.kind === 'saved' && saved.bytes).toBe(Buffer.byteLength(text));
    expect(JSON.parse(text).runId).toBe(runId);
    expect(readdirSync(out)).toEqual(['my run.json']);
  });

  it('puts a CSV export\'s output lines beside the chosen file', async () => {
    const t = await start();
    const runId = await finishedRun(t);
    standIn.dialog.nextSave = { canceled: false, filePath: path.join(t.documents, 'events.csv') };
    expect(value(await t.page.export({ runId, format: 'csv' })).kind).toBe('saved');
    expect(readFileSync(path.join(t.documents, 'events.csv'), 'utf8').split('\n')[0]).toMatch(/seq/);
    expect(existsSync(path.join(t.documents, 'events.output.csv'))).toBe(true);
  });

  it('shows no dialog for a run that does not exist', async () => {
    const t = await start();
    const r = await t.page.export({ runId: 'no-such-run', format: 'html' });
    expect(r.ok ? null : r.error.code).toBe('not-found');
    expect(standIn.dialog.saves).toEqual([]);
  });
});

describe('the export files', () => {
  it('replace a file the student already had only once the new one is complete', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lab-export-'));
    const file = path.join(dir, 'report.html');
    writeFileSync(file, 'last week\'s report');
    const sink = new FileSink(file);
    const stream = await sink.open({ role: 'main', mime: 'text/html', fileName: 'x.html' });
    await stream.write('<html>new');
    expect(readFileSync(file, 'utf8')).toBe('last week\'s report');
    await stream.write(' report</html>');
    await stream.end();
    expect(readFileSync(file, 'utf8')).toBe('<html>new report</html>');
    expect(readdirSync(dir)).toEqual(['report.html']);
    expect(sink.bytes).toBe(Buffer.byteLength('<html>new report</html>'));
  });
});
