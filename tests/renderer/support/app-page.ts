// Real Chromium on the app served by the browser shell, recording what must never happen on
// the page: a Content-Security-Policy violation, an uncaught error, an error in the console.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Shell } from './shell';

export const SCREENSHOTS = path.resolve(__dirname, '../../../test-results/screenshots');

export interface AppPage { context: BrowserContext; page: Page; problems: string[] }

export async function openApp(browser: Browser, shell: Shell, options: { colorScheme?: 'light' | 'dark' } = {}): Promise<AppPage> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, colorScheme: options.colorScheme ?? 'light', acceptDownloads: true });
  const page = await context.newPage();
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __csp: string[] }).__csp ??= [];
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('request', (r) => { if (!r.url().startsWith(shell.origin) && !r.url().startsWith('blob:')) problems.push(`remote request: ${r.url()}`); });
  await page.goto(shell.url);
  await page.getByRole('heading', { name: 'Start here' }).waitFor();
  return { context, page, problems };
}

/** CSP violations and errors seen so far (the page's own record plus the listeners'). */
export async function pageProblems(app: AppPage): Promise<string[]> {
  const csp = await app.page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
  return [...app.problems, ...csp.map((c) => `CSP violation: ${c}`)];
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Opens a scenario from the home screen, as a student does. */
export async function openScenario(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: title, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

export const LIVE_PHASES = ['starting', 'preparing', 'running', 'ending'];

/**
 * Watches, from inside the page, for the first transcript line, and resolves with the run's
 * status at that moment (the page's own clock: no race with a run that ends right after).
 * Call before clicking Run.
 */
export async function statusAtFirstLine(page: Page): Promise<() => Promise<string | null>> {
  await page.evaluate(() => {
    const w = window as unknown as { __firstLineStatus?: Promise<string | null> };
    w.__firstLineStatus = new Promise((resolve) => {
      const check = (): boolean => {
        if (!document.querySelector('.transcript li[data-pid]')) return false;
        resolve(document.querySelector('[data-view="run"] [data-status]')?.getAttribute('data-status') ?? null);
        return true;
      };
      if (check()) return;
      const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
      observer.observe(document.body, { childList: true, subtree: true });
    });
  });
  return () => page.evaluate(() => (window as unknown as { __firstLineStatus: Promise<string | null> }).__firstLineStatus);
}

/** The run's status as the run view shows it (data-status of the badge). */
export function runStatus(page: Page): Promise<string | null> {
  return page.locator('[data-view="run"] [data-status]').getAttribute('data-status');
}

/** Sets a parameter field, found by its label (the parameter's name). */
export async function setParam(page: Page, name: string, value: string | boolean): Promise<void> {
  const field = page.getByLabel(name, { exact: true });
  if (typeof value === 'boolean') await field.setChecked(value);
  else if (await field.evaluate((el) => el.tagName === 'SELECT')) await field.selectOption(value);
  else await field.fill(value);
}

/** Waits for the run on screen to end; answers its status. */
export async function waitForEnd(page: Page, timeout = 90_000): Promise<string> {
  await page.locator('[data-view="run"] [data-status]:not([data-status="starting"]):not([data-status="preparing"]):not([data-status="running"]):not([data-status="ending"])')
    .waitFor({ timeout });
  return (await runStatus(page))!;
}
