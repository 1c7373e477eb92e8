// Each export of a finished run, from the app's buttons, downloaded by real Chromium through
// the browser shell and parsed back.
import { readFileSync } from 'node:fs';
import type { Browser, Download } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { parseCsv } from '../support/csv';
import { openApp, openScenario, pageProblems, setParam, waitForEnd, type AppPage } from './support/app-page';
import { startShell, type Shell } from './support/shell';

let shell: Shell;
let browser: Browser;
let app: AppPage;
let runId: string;

beforeAll(async () => {
  shell = await startShell();
  browser = await launchChromium();
  app = await openApp(browser, shell);
  await openScenario(app.page, 'Forking in a loop');
  await setParam(app.page, 'timeUnitMs', '20');
  await app.page.getByRole('button', { name: 'Run', exact: true }).click();
  expect(await waitForEnd(app.page)).toBe('completed');
  runId = (await app.page.locator('[data-view="run"]').getAttribute('data-run-id'))!;
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await shell?.stop();
});

async function download(label: string): Promise<{ d: Download; text: Buffer }> {
  const [d] = await Promise.all([
    app.page.waitForEvent('download', { timeout: 60_000 }),
    app.page.getByRole('button', { name: `Export ${label}`, exact: true }).click(),
  ]);
  const file = await d.path();
  return { d, text: readFileSync(file) };
}

describe('exports from the app', () => {
  it('HTML: a self-contained report that loads and draws its charts', async () => {
    const { d, text } = await download('HTML');
    expect(d.suggestedFilename()).toBe(`fork-loop-${runId}.html`);
    const page = await app.context.newPage();
    await page.route('**/*', (r) => r.abort());
    await page.setContent(text.toString('utf8'), { waitUntil: 'load' });
    await page.waitForSelector('body[data-charts-drawn]', { timeout: 15_000 });
    expect(await page.locator('body').textContent()).toContain(runId);
    await page.close();
  }, 60_000);

  it('JSON: the run with its events', async () => {
    const { d, text } = await download('JSON');
    expect(d.suggestedFilename()).toBe(`fork-loop-${runId}.json`);
    const run = JSON.parse(text.toString('utf8')) as { report?: { runId: string }; events?: unknown[]; runId?: string };
    expect(JSON.stringify(run)).toContain(runId);
    expect(Array.isArray(run.events)).toBe(true);
    expect(run.events!.length).toBeGreaterThan(0);
  });

  it('CSV: the events with their header', async () => {
    const { d, text } = await download('CSV');
    expect(d.suggestedFilename()).toBe(`fork-loop-${runId}.csv`);
    const rows = parseCsv(text.toString('utf8'));
    expect(rows[0].slice(0, 4)).toEqual(['seq', 't_us', 'pid', 'process']);
    expect(rows.length).toBeGreaterThan(10);
  });

  it('Chrome trace: traceEvents', async () => {
    const { d, text } = await download('Chrome trace');
    expect(d.suggestedFilename()).toBe(`fork-loop-${runId}.trace.json`);
    const trace = JSON.parse(text.toString('utf8')) as { traceEvents: unknown[] };
    expect(trace.traceEvents.length).toBeGreaterThan(0);
  });

  it('PDF: printed by Chromium', async () => {
    const { d, text } = await download('PDF');
    expect(d.suggestedFilename()).toBe(`fork-loop-${runId}.pdf`);
    expect(text.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 90_000);

  it('tells the student each download is done, and logged no error', async () => {
    await expect(app.page.locator('.exports .status').textContent()).resolves.toContain(`Downloaded fork-loop-${runId}.pdf`);
    expect(await pageProblems(app)).toEqual([]);
  });

  it('without the token in its address, the page says which address to open', async () => {
    const page = await app.context.newPage();
    await page.goto(`${shell.origin}/`);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('needs the address that npm start (or npm run serve) printed');
    await page.close();
  });

  it('says so when the lab goes away under the page', async () => {
    const exit = await shell.stop('SIGTERM');
    expect(exit.code).toBe(143);
    await app.page.getByRole('alert').filter({ hasText: 'The lab is not reachable' }).waitFor({ timeout: 15_000 });
    expect(await app.page.getByRole('alert').first().textContent()).toContain('Start it again with npm start');
  });
});
