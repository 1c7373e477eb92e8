// The history's SQLite in the desktop app: better-sqlite3 loaded through `nativeBinding`
// from a build for the app's runtime, found where the app looks (packaged or not); and an app
// whose build is missing or made for another ABI starts all the same, runs, keeps nothing,
// and says so: a warning, the log, and the history's answers.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { standIn } from '../../support/electron-stand-in';
import { checkSqliteBinding, defaultSqliteBinding, electronSqliteFolder, SQLITE_BINDING_IN_APP } from '../../../main/electron/sqlite-binding';
import { nativeFolder } from '../../../build/packaging/config.mjs';
import { NODE_SQLITE_BUILD, startTestApp, value, type TestApp } from './launched-app';

vi.mock('electron', async () => (await import('../../support/electron-stand-in')).electron);

const ROOT = path.resolve(__dirname, '../../..');
let current: TestApp | null = null;
afterEach(async () => {
  if (current && standIn.app.exitCode === null) await current.lab.shutdown();
  current = null;
});

/** A file that declares a Node ABI other than this runtime's (as Electron's build does here). */
function otherAbiBuild(): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'lab-binding-')), 'better_sqlite3.node');
  writeFileSync(file, `\0node_register_module_v${Number(process.versions.modules) + 35}\0`, 'latin1');
  return file;
}

describe('where the app finds its SQLite build', () => {
  it('in development: build/native/electron-<ABI>-<platform>-<arch>, the folder the build scripts fill', () => {
    standIn.reset();
    expect(defaultSqliteBinding()).toBe(path.join(ROOT, 'build', 'native', electronSqliteFolder(), 'better_sqlite3.node'));
    // Under Electron 45, process.versions.modules is Electron's ABI: the same folder as
    // build/packaging/config.mjs packages from.
    expect(path.join(ROOT, 'build', 'native', electronSqliteFolder('150'))).toBe(nativeFolder());
  });

  it('packaged: unpacked beside app.asar, where the installers put it', () => {
    standIn.reset();
    standIn.app.isPackaged = true;
    const saved = (process as { resourcesPath?: string }).resourcesPath;
    (process as { resourcesPath?: string }).resourcesPath = '/opt/Process Lab/resources';
    try {
      expect(defaultSqliteBinding()).toBe(path.join('/opt/Process Lab/resources', 'app.asar.unpacked', ...SQLITE_BINDING_IN_APP.split('/')));
      expect(checkSqliteBinding(defaultSqliteBinding())).toMatchObject({ ok: false, reason: expect.stringMatching(/is missing at .*; this installation lacks it: reinstall Process Lab$/) });
    } finally {
      (process as { resourcesPath?: string }).resourcesPath = saved;
      standIn.app.isPackaged = false;
    }
  });

  it('takes a build only when the binary declares this runtime\'s ABI', () => {
    standIn.reset();
    expect(checkSqliteBinding(NODE_SQLITE_BUILD)).toEqual({ ok: true, file: NODE_SQLITE_BUILD });
    expect(checkSqliteBinding(NODE_SQLITE_BUILD, 150)).toEqual({ ok: false, reason: expect.stringContaining(`was built for ABI ${process.versions.modules}, and this Electron needs ABI 150; on a machine with network access, run "node build/electron-sqlite.mjs"`) });
    expect(checkSqliteBinding(path.join(ROOT, 'no-such.node'))).toMatchObject({ ok: false, reason: expect.stringMatching(/is missing at .*no-such\.node/) });
  });
});

describe('the app without its SQLite build', () => {
  it.each([
    ['missing', () => path.join(mkdtempSync(path.join(os.tmpdir(), 'lab-binding-')), 'better_sqlite3.node'), /is missing at/],
    ['built for another ABI', otherAbiBuild, /was built for ABI \d+, and this Electron needs ABI \d+/],
  ])('(%s) starts, runs, keeps nothing, and says why in a warning, the log and the history\'s answers', async (_case, binding, why) => {
    const t = await startTestApp({ sqliteBinding: binding() });
    if (!t) throw new Error('the app did not start');
    current = t;
    expect(t.lab.history.ok).toBe(false);
    expect(standIn.windows()).toHaveLength(1);
    await vi.waitFor(() => expect(standIn.dialog.messageBoxes).toHaveLength(1));
    const box = standIn.dialog.messageBoxes[0];
    expect(box.window).toBe(t.window);
    expect(box.options).toMatchObject({ type: 'warning', message: 'The run history is unavailable' });
    expect(String(box.options.detail)).toMatch(why);
    expect(t.logs.some((l) => /^Process Lab keeps no history of runs: /.test(l) && why.test(l))).toBe(true);

    const { runId } = value(await t.page.start({ scenario: 'fork-loop', params: { timeUnitMs: 5 } }));
    expect(value(await t.lab.service.finished(runId)).status).toBe('completed');
    const history = await t.page.history({});
    expect(history.ok).toBe(false);
    if (!history.ok) {
      expect(history.error.code).toBe('unavailable');
      expect(history.error.message).toMatch(/^the run history is unavailable: /);
      expect(history.error.message).toMatch(why);
    }
    const exported = await t.page.export({ runId, format: 'json' });
    expect(exported).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(existsSync(path.join(t.userData, 'lab.sqlite'))).toBe(false);
  });

  it('with it, keeps the history through nativeBinding and shows no warning', async () => {
    const t = await startTestApp({ sqliteBinding: NODE_SQLITE_BUILD });
    if (!t) throw new Error('the app did not start');
    current = t;
    expect(t.lab.history).toEqual({ ok: true, file: NODE_SQLITE_BUILD });
    const { runId } = value(await t.page.start({ scenario: 'fork-loop', params: { timeUnitMs: 5 } }));
    expect(value(await t.lab.service.finished(runId)).status).toBe('completed');
    expect(value(await t.page.history({})).runs.map((r) => r.runId)).toContain(runId);
    expect(standIn.dialog.messageBoxes).toEqual([]);
  });
});
