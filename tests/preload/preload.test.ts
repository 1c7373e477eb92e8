// The preload, as a sandboxed page loads it: the built bundle run in a context of its own
// whose `require` gives only what Electron's sandbox gives. It must expose exactly the
// contract's named functions plus onPush on `window.processLab`, and nothing else.
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindowStandIn, standIn } from '../support/electron-stand-in';
import { REQUEST_NAMES, type LabClient, type Push } from '../../shared/contract';

vi.mock('electron', async () => (await import('../support/electron-stand-in')).electron);

const BUNDLE = path.resolve(__dirname, '../../dist/preload/preload.bundle.js');
const EXPECTED = [...REQUEST_NAMES, 'onPush'].sort();

/** A window showing the app's page, and every lab: channel answered with what it received. */
async function page(): Promise<BrowserWindowStandIn> {
  standIn.reset();
  standIn.app.makeReady();
  const w = new BrowserWindowStandIn({ webPreferences: {} });
  await w.loadURL('app://lab/index.html');
  for (const name of REQUEST_NAMES) standIn.ipcMain.handle(`lab:${name}`, (_e, ...args) => ({ ok: true, value: { channel: `lab:${name}`, args } }));
  return w;
}

function check(world: Record<string, unknown>): LabClient {
  expect(Object.keys(world)).toEqual(['processLab']);
  const api = world.processLab as Record<string, unknown>;
  expect(Object.keys(api).sort()).toEqual(EXPECTED);
  for (const key of EXPECTED) expect(typeof api[key]).toBe('function');
  return api as unknown as LabClient;
}

async function exercise(w: BrowserWindowStandIn, lab: LabClient): Promise<void> {
  // Each function is one invoke on its own channel, with the argument as given.
  for (const name of REQUEST_NAMES) {
    const args = { probe: name };
    const answer = await (lab[name] as (a: unknown) => Promise<unknown>)(args);
    expect(answer).toEqual({ ok: true, value: { channel: `lab:${name}`, args: [args] } });
  }
  // Pushes reach every listener until it unsubscribes; a listener that throws harms no other.
  const got: Push[] = [];
  const off = lab.onPush((p) => got.push(p));
  const offBad = lab.onPush(() => { throw new Error('bad listener'); });
  const push: Push = { type: 'gap', subscription: 's1', runId: 'r1', fromSeq: 1, toSeq: 2 };
  vi.spyOn(console, 'error').mockImplementation(() => {});
  w.webContents.send('lab:push', push);
  off();
  offBad();
  w.webContents.send('lab:push', { ...push, fromSeq: 3 });
  expect(got).toEqual([push]);
  expect(() => lab.onPush('not a function' as never)).toThrow(/onPush takes a function/);
}

describe('the built preload in a sandboxed page', () => {
  beforeEach(() => { vi.restoreAllMocks(); });

  it('requires nothing but electron, and exposes exactly the contract\'s names plus onPush', async () => {
    const w = await page();
    const { world, required } = standIn.runPreload(BUNDLE, w.webContents);
    expect(required).toEqual(['electron']);
    const lab = check(world);
    await exercise(w, lab);
  });

  it('hands the page nothing of ipcRenderer: no event, no sender, no send or invoke', async () => {
    const w = await page();
    const lab = check(standIn.runPreload(BUNDLE, w.webContents).world);
    const seen: unknown[][] = [];
    lab.onPush((...args: unknown[]) => seen.push(args));
    w.webContents.send('lab:push', { type: 'gap', subscription: 's', runId: 'r', fromSeq: 1, toSeq: 1 });
    expect(seen).toEqual([[{ type: 'gap', subscription: 's', runId: 'r', fromSeq: 1, toSeq: 1 }]]);
    for (const key of ['invoke', 'send', 'on', 'ipcRenderer', 'sendSync', 'postMessage']) expect(lab).not.toHaveProperty(key);
  });
});

describe('the preload source', () => {
  it('exposes the same, through contextBridge', async () => {
    const w = await page();
    standIn.loadPreloadFor(w.webContents);
    await import('../../preload/preload');
    await exercise(w, check(w.webContents.mainWorld));
  });
});
