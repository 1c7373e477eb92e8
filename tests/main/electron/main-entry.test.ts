// The app's entry as Electron starts it: package.json "main" names the compiled file, and
// loading it sets the app up before ready (app:// privileged, sandbox on), then either opens
// the window on the app's page or, where the renderer is not built yet, says what to run.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { standIn } from '../../support/electron-stand-in';
import { survivors } from '../../support/lab-host';

vi.mock('electron', async () => (await import('../../support/electron-stand-in')).electron);

const repo = path.resolve(__dirname, '../../..');

describe('the app\'s entry', () => {
  it('is the compiled main/electron/main.js that package.json names', () => {
    const main = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')).main as string;
    expect(main).toBe('dist/main/electron/main.js');
    expect(existsSync(path.join(repo, main))).toBe(true);
  });

  it('sets the app up before ready, then opens the window or says what is missing', async () => {
    standIn.reset();
    standIn.app.paths.set('userData', mkdtempSync(path.join(os.tmpdir(), 'lab-entry-')));
    await import('../../../main/electron/main');
    expect(standIn.protocol.privileged?.[0].scheme).toBe('app');
    expect(standIn.app.sandboxEnabled).toBe(true);
    standIn.app.makeReady();
    await vi.waitFor(() => expect(standIn.windows().length + standIn.dialog.errorBoxes.length).toBe(1));
    if (standIn.windows().length) {
      expect(standIn.windows()[0].webContents.loadedUrls).toEqual(['app://lab/index.html']);
      standIn.app.quit();
      expect(await standIn.app.exited()).toBe(0);
    } else {
      expect(standIn.dialog.errorBoxes[0].content).toMatch(/renderer[/\\]app[/\\]index\.html not found: run "npm run build" first/);
      expect(await standIn.app.exited()).toBe(1);
    }
    expect(await survivors(standIn.forkedPids())).toEqual([]);
  });
});
