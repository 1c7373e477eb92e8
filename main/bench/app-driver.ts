// The real app driven in real Chromium, as a student drives it: the browser shell started as
// `npm run serve` starts it (a child process, its own temporary history), the page opened at
// the address it prints, scenarios opened, parameters set and Run pressed through the UI.
// Used by the renderer's benchmark and by `npm run screenshots`.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { findChromium, NO_CHROMIUM_MESSAGE } from '../core/reports/pdf/find-chromium';

const ROOT = path.resolve(__dirname, '../../..');
const LIVE = ['starting', 'preparing', 'running', 'ending'];

/** Builds the app's page (Vite) so what is measured is the code as it stands. */
export function buildApp(progress: (s: string) => void): void {
  progress('building the app (vite build)');
  const vite = path.join(ROOT, 'node_modules/vite/bin/vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--config', 'renderer/vite.config.mts'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`the app did not build: ${r.stderr || r.stdout}`);
  if (!existsSync(path.join(ROOT, 'dist/renderer/app/index.html'))) throw new Error('the app build left no dist/renderer/app/index.html');
}

export interface Shell { url: string; origin: string; token: string; proc: ChildProcess; stop(): Promise<void> }

/** `npm run serve` on a free port with a history of its own in a temporary folder. */
export async function startShell(): Promise<Shell> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lab-bench-app-'));
  const proc = spawn(process.execPath, [path.join(ROOT, 'dist/main/shell/shell-main.js'), '--port', '0', '--db', path.join(dir, 'lab.sqlite')], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  proc.stderr!.setEncoding('utf8').on('data', (c: string) => { err += c; });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the shell printed no address in 30 s: ${err}`)), 30_000);
    proc.stdout!.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      const nl = out.indexOf('\n');
      if (nl >= 0) { clearTimeout(timer); resolve(out.slice(0, nl)); }
    });
    void exited.then(() => { clearTimeout(timer); reject(new Error(`the shell exited: ${err}`)); });
  });
  const url = line.replace(/^Process Lab is at /, '');
  const u = new URL(url);
  return {
    url, origin: u.origin, token: /token=([^&]+)/.exec(u.hash)![1], proc,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launch(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM_MESSAGE);
  return chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
}

export interface AppOptions {
  colorScheme?: 'light' | 'dark'; width?: number; height?: number;
  /** Runs in the page before the app loads. */
  init?: () => void;
  /** Runs before the page opens the app (routes). */
  before?: (page: Page) => Promise<unknown>;
}

/** The app's page, opened at the shell's address, on its home screen. */
export async function openApp(browser: Browser, shell: Shell, o: AppOptions = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: o.width ?? 1360, height: o.height ?? 900 }, deviceScaleFactor: 1, colorScheme: o.colorScheme ?? 'light' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  if (o.init) await page.addInitScript(o.init);
  if (o.before) await o.before(page);
  await page.goto(shell.url);
  await page.getByRole('heading', { name: 'Start here' }).waitFor();
  return { context, page, errors };
}

/** A request to the shell's contract, as the page makes it. */
export async function api<T>(shell: Shell, name: string, args: unknown = {}): Promise<T> {
  const res = await fetch(`${shell.origin}/api/${name}`, {
    method: 'POST', headers: { Authorization: `Bearer ${shell.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(args),
  });
  const body = await res.json() as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!body.ok) throw new Error(`${name}: ${body.error.message}`);
  return body.value;
}

/** Opens a scenario from the home screen and sets its parameters (their defaults first). */
export async function prepare(page: Page, title: string, params: Record<string, string | boolean>): Promise<void> {
  await page.getByRole('button', { name: 'Process Lab: all scenarios' }).click();
  await page.getByRole('button', { name: title, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.getByRole('button', { name: 'Reset to defaults' }).click();
  for (const [name, value] of Object.entries(params)) {
    const field = page.getByLabel(name, { exact: true });
    if (typeof value === 'boolean') await field.setChecked(value);
    else if (await field.evaluate((el) => el.tagName === 'SELECT')) await field.selectOption(value);
    else await field.fill(value);
  }
}

export async function clickRun(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.locator('[data-view="run"]').waitFor();
}

/** Waits for the run on screen to end; answers its status and id. */
export async function waitForEnd(page: Page, timeoutMs = 300_000): Promise<{ status: string; runId: string }> {
  const sel = LIVE.map((s) => `:not([data-status="${s}"])`).join('');
  await page.locator(`[data-view="run"] [data-status]${sel}`).waitFor({ timeout: timeoutMs });
  return {
    status: (await page.locator('[data-view="run"] [data-status]').getAttribute('data-status'))!,
    runId: (await page.locator('[data-view="run"]').getAttribute('data-run-id'))!,
  };
}
