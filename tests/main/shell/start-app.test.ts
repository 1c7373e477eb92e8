// `npm start`, the README's first command: where Electron cannot run (here: its binary is
// missing) it says so in one line and starts the browser shell, printing the address.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkElectron, type ElectronProbe } from '../../../main/start/electron-binary';
import { survivors } from '../../support/lab-host';
import { ADDRESS_LINE, descendants } from '../../renderer/support/shell';

const ROOT = path.resolve(__dirname, '../../..');

describe('checkElectron', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lab-electron-probe-'));
  const entry = path.join(dir, 'main.js');
  const pkg = path.join(dir, 'electron');
  mkdirSync(path.join(pkg, 'dist'), { recursive: true });
  const probe = (over: Partial<ElectronProbe>): ElectronProbe => ({
    entry, packageDir: pkg, exists: () => false, resolve: () => ({ error: 'offline' }), ...over,
  });

  it('needs the built Electron entry first', () => {
    expect(checkElectron(probe({}))).toEqual({ ok: false, reason: `the Electron app is not built (${entry} is missing)` });
  });

  it('takes the installed binary without asking the package (no download)', () => {
    writeFileSync(path.join(pkg, 'path.txt'), 'electron');
    const binary = path.join(pkg, 'dist', 'electron');
    let asked = false;
    const r = checkElectron(probe({ exists: (f) => f === entry || f === path.join(pkg, 'path.txt') || f === binary, resolve: () => { asked = true; return { error: 'x' }; } }));
    expect(r).toEqual({ ok: true, binary, entry });
    expect(asked).toBe(false);
  });

  it('explains a binary that is missing and cannot be fetched, or a path that does not exist', () => {
    expect(checkElectron(probe({ exists: (f) => f === entry }))).toEqual({ ok: false, reason: 'its binary is missing and could not be fetched (offline)' });
    expect(checkElectron(probe({ exists: (f) => f === entry, resolve: () => ({ path: '/nowhere/electron' }) }))).toEqual({ ok: false, reason: 'its binary /nowhere/electron does not exist' });
    expect(checkElectron(probe({ packageDir: null, exists: (f) => f === entry }))).toEqual({ ok: false, reason: 'the electron package is not installed' });
  });
});

describe('npm start without Electron', () => {
  it('says so in one line, starts the browser shell and prints its address; SIGTERM leaves no process', async () => {
    const db = path.join(mkdtempSync(path.join(os.tmpdir(), 'lab-start-')), 'lab.sqlite');
    // detached: its own process group, so the test can end npm, its shell and the lab together.
    const proc = spawn('npm', ['start', '--', '--no-open', '--port', '0', '--db', db], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout!.setEncoding('utf8').on('data', (c: string) => { out += c; });
    proc.stderr!.setEncoding('utf8').on('data', (c: string) => { err += c; });
    const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
    try {
      const end = Date.now() + 170_000;
      while (!/Process Lab is at .*\n/.test(out)) {
        if (Date.now() > end || proc.exitCode !== null) throw new Error(`no address; stdout: ${out}\nstderr: ${err}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const line = out.split('\n').find((l) => l.startsWith('Process Lab is at '))!;
      const m = ADDRESS_LINE.exec(line)!;
      expect(m).not.toBeNull();
      const electronLines = err.split('\n').filter((l) => /Electron/.test(l));
      expect(electronLines).toHaveLength(1);
      expect(electronLines[0]).toMatch(/^Process Lab: Electron cannot run here: .+; starting the browser version instead\.$/);
      const version = await fetch(`${m[1]}/api/version`, { method: 'POST', headers: { Authorization: `Bearer ${m[3]}` } });
      expect(await version.json()).toMatchObject({ ok: true, value: { contract: 3 } });
      const page = await fetch(`${m[1]}/`);
      expect(await page.text()).toContain('<div id="app">');
      const tree = descendants(proc.pid!);
      process.kill(-proc.pid!, 'SIGTERM');
      await exited;
      expect(await survivors(tree, 5000)).toEqual([]);
    } finally {
      try { process.kill(-proc.pid!, 'SIGKILL'); } catch { /* already gone */ }
    }
  }, 200_000);
});
