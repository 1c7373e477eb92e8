// The history in the app, in real Chromium against the browser shell, over a real SQLite file
// written by an earlier session (another shell, stopped) and by a CLI killed in the middle of
// a run: opening the app shows those runs, the interrupted one as such; the list pages as it
// scrolls, filters by scenario, status and date and searches by run id or parameter; a stored
// run opens in the finished view, with what an interrupted run kept; and each export of a
// stored run is downloaded and parsed back.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport, StartArgs } from '../../shared/contract';
import { launchChromium } from '../support/chromium';
import { parseCsv } from '../support/csv';
import { openApp, pageProblems, screenshot, type AppPage } from './support/app-page';
import { backdate, interruptedRun, runAll, storedRuns } from './support/history-fixture';
import { startShell, type Shell } from './support/shell';

let shell: Shell;
let browser: Browser;
let app: AppPage;
let db: string;
let reports: RunReport[];
let interrupted: string;
/** The run moved to another day, for the date filters. */
let backdated: RunReport;
let hung: RunReport;
let guessed: RunReport;
let gotcha: RunReport;

const FORK_LOOPS = 40;

beforeAll(async () => {
  // An earlier session: a shell that made runs and was stopped.
  const earlier = await startShell();
  db = earlier.db;
  const requests: StartArgs[] = [
    { scenario: 'manager-namespace', params: { timeUnitMs: 5, seed: 1 } },
    { scenario: 'manager-namespace', params: { variant: 'mutable-gotcha', timeUnitMs: 5, seed: 2 } },
    { scenario: 'producer-consumer', params: { ending: 'none', timeUnitMs: 5, seed: 3 } },
    { scenario: 'fork-loop', params: { iterations: 2, timeUnitMs: 5, seed: 4 }, guess: '3' },
    ...Array.from({ length: FORK_LOOPS }, (_, i): StartArgs => ({ scenario: 'fork-loop', params: { iterations: 1, timeUnitMs: 1, seed: 100 + i } })),
  ];
  reports = await runAll(earlier, requests, 3);
  [backdated, gotcha, hung, guessed] = reports;
  expect((await earlier.stop('SIGTERM')).code).toBe(143);
  // A run whose Process Lab died under it.
  interrupted = await interruptedRun(db);
  backdate(db, backdated.runId, '2025-03-14T12:00:00.000Z');

  shell = await startShell(['--db', db], { db: null });
  browser = await launchChromium();
  app = await openApp(browser, shell);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await shell?.stop();
});

const TOTAL = () => reports.length + 1;
const rows = (page: Page) => page.locator('[data-view="history"] tbody tr[data-run-id]');
const rowIds = (page: Page) => rows(page).evaluateAll((trs) => trs.map((t) => t.getAttribute('data-run-id')!));
const countText = (page: Page) => page.locator('[data-history-count]').textContent();

async function openHistory(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'History', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Runs kept' }).waitFor();
  await rows(page).first().waitFor();
}

/** Waits until the list shows exactly these runs, in this order, and the count says how many match. */
async function expectIds(page: Page, ids: string[], total: number): Promise<void> {
  await page.waitForFunction(([ids, total]) => {
    const shown = [...document.querySelectorAll('[data-view="history"] tbody tr[data-run-id]')].map((t) => t.getAttribute('data-run-id'));
    return shown.join(' ') === ids.join(' ') && document.querySelector('[data-history-count]')?.textContent?.includes(`${ids.length} of ${total} `);
  }, [ids, total] as const, { timeout: 15_000 });
}

/** Waits until the list shows `n` rows and the count says so. */
async function expectRows(page: Page, n: number, total: number): Promise<void> {
  await page.waitForFunction(([n, total]) => {
    const shown = document.querySelectorAll('[data-view="history"] tbody tr[data-run-id]').length;
    return shown === n && document.querySelector('[data-history-count]')?.textContent?.includes(`${n} of ${total} `);
  }, [n, total] as const, { timeout: 15_000 });
}

describe('the history in the app', () => {
  it('opening the app shows the latest runs of earlier sessions, the interrupted one as such', async () => {
    const recent = app.page.locator('[data-recent-runs]');
    await recent.waitFor();
    const first = recent.locator('li').first();
    expect(await first.getAttribute('data-run-id')).toBe(interrupted);
    expect(await first.locator('[data-status]').getAttribute('data-status')).toBe('interrupted');
    expect(await first.textContent()).toContain('Interrupted');
    expect(await recent.getByRole('button', { name: `All ${TOTAL()} runs kept` }).count()).toBe(1);
    await screenshot(app.page, 'home-recent-runs');
    // The shell said what it found on opening the file.
    expect(shell.stderr()).toMatch(/1 run was still marked running .* marked "interrupted"/);
  });

  it('lists the runs newest first, a page at first, and loads the next pages as the student scrolls', async () => {
    const { page } = app;
    await openHistory(page);
    await expectRows(page, 20, TOTAL());
    const byTime = storedRuns(db).map((r) => r.id);
    expect(await rowIds(page)).toEqual(byTime.slice(0, 20));
    await page.locator('[data-history-end]').scrollIntoViewIfNeeded();
    await expectRows(page, 40, TOTAL());
    await page.locator('[data-history-end]').scrollIntoViewIfNeeded();
    await expectRows(page, TOTAL(), TOTAL());
    expect(await rowIds(page)).toEqual(byTime);
    expect(await page.locator('[data-history-end]').textContent()).toContain(`That is every run (${TOTAL()})`);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'history');
  }, 60_000);

  it('shows per run its status with the expected ending, passed, duration, changed parameters and the prediction', async () => {
    const { page } = app;
    const row = (id: string) => page.locator(`tr[data-run-id="${id}"]`);
    const first = row(interrupted);
    expect(await first.getAttribute('data-status')).toBe('interrupted');
    // Its checks never ran: not judged, rather than failed.
    expect(await first.getAttribute('data-passed')).toBe('null');
    expect(await first.locator('.passed').textContent()).toContain('– not judged');
    expect(await first.textContent()).toMatch(/Interrupted\s*[\d,]+ events kept/);

    expect(hung.status).toBe('hung');
    expect(await row(hung.runId).textContent()).toContain('meant to end hung');
    expect(await row(hung.runId).locator('.passed').textContent()).toContain('✓ yes');
    expect(await row(hung.runId).locator('.params').textContent()).toContain('ending=none');

    const chips = await row(guessed.runId).locator('.params li').allTextContents();
    expect(chips).toEqual(['iterations=2', 'timeUnitMs=5']);
    const predicted = await row(guessed.runId).locator('.predict').textContent();
    expect(predicted).toContain(`predicted 3, answer ${JSON.stringify(guessed.prediction!.answer)}`);
    expect(predicted).toContain(guessed.prediction!.right ? '✓ right' : '✗ not this time');
    expect(await row(guessed.runId).locator('.num').textContent()).toMatch(/^\d+ ms$|^\d+\.\d\d s$/);
    expect(await row(gotcha.runId).locator('.params li').allTextContents()).toEqual(['variant=mutable-gotcha', 'timeUnitMs=5']);
  });

  it('filters by scenario and status, searches by run id or parameter, and by a range of days', async () => {
    const { page } = app;
    await page.getByLabel('Scenario', { exact: true }).selectOption('manager-namespace');
    await expectIds(page, [gotcha.runId, backdated.runId], 2);
    await page.getByLabel('Status', { exact: true }).selectOption('hung');
    await page.locator('[data-view="history"] .empty').waitFor();
    expect(await page.locator('[data-view="history"] .empty').textContent()).toContain('No run matches these filters');
    await page.getByLabel('Scenario', { exact: true }).selectOption('');
    await expectIds(page, [hung.runId], 1);
    await page.getByRole('button', { name: 'Clear the filters' }).click();
    await expectRows(page, 20, TOTAL());

    await page.getByLabel('Search', { exact: true }).fill('variant=mutable-gotcha');
    await expectIds(page, [gotcha.runId], 1);
    await page.getByLabel('Search', { exact: true }).fill(guessed.runId);
    await expectIds(page, [guessed.runId], 1);
    await page.getByLabel('Search', { exact: true }).fill('iterations=1');
    await expectRows(page, 20, FORK_LOOPS);
    await page.getByLabel('Search', { exact: true }).fill('');

    // The backdated run is the only one of 14 March 2025; none is after today.
    await page.getByLabel('From', { exact: true }).fill('2025-03-14');
    await page.getByLabel('To', { exact: true }).fill('2025-03-14');
    await expectIds(page, [backdated.runId], 1);
    await page.getByLabel('From', { exact: true }).fill('2025-03-15');
    await page.locator('[data-view="history"] [role="alert"]').waitFor();
    expect(await page.locator('[data-view="history"] [role="alert"]').textContent()).toContain('The “to” date is before the “from” date');
    await page.getByLabel('To', { exact: true }).fill('');
    await expectRows(page, 20, TOTAL() - 1);
    const tomorrow = new Date(Date.now() + 86_400_000);
    const day = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}`;
    await page.getByLabel('From', { exact: true }).fill(day);
    await page.locator('[data-view="history"] .empty').waitFor();
    await page.getByRole('button', { name: 'Clear the filters' }).click();
    await expectRows(page, 20, TOTAL());
    expect(await countText(page)).toContain(`20 of ${TOTAL()} runs shown`);
  }, 60_000);

  it('opens the interrupted run in the finished view, with what it kept', async () => {
    const { page } = app;
    await expectRows(page, 20, TOTAL());
    await page.getByRole('button', { name: `Open run ${interrupted}` }).click();
    const view = page.locator(`[data-view="stored"][data-run-id="${interrupted}"]`);
    await view.waitFor();
    expect(await view.locator('[data-status]').getAttribute('data-status')).toBe('interrupted');
    expect(await page.locator('#outcome-title').textContent()).toContain('Interrupted: Process Lab stopped before the end');
    expect(await page.getByRole('status').filter({ hasText: 'Process Lab stopped while this run was going on' }).count()).toBe(1);
    const stored = await shell.api<RunReport>('run', { runId: interrupted });
    if (!stored.ok) throw new Error(stored.error.message);
    // The transcript and the process table are what the history kept.
    const lines = await page.locator('.transcript li[data-pid] .text').allTextContents();
    expect(lines.length).toBe(stored.value.output.length);
    expect(lines.some((l) => l.includes('Activating'))).toBe(true);
    const procs = await page.locator('.procs tr[data-pid]').evaluateAll((trs) => trs.map((t) => [Number(t.getAttribute('data-pid')), t.getAttribute('data-state')]));
    expect(procs.map((p) => p[0]).sort()).toEqual(stored.value.processes.map((p) => p.pid).sort());
    const main = stored.value.processes.find((p) => p.name === 'MainProcess')!;
    expect(procs.find((p) => p[0] === main.pid)![1]).toBe('unended');
    expect(await page.locator(`.procs tr[data-pid="${main.pid}"]`).textContent()).toContain('no end recorded');
    expect(await page.locator('.outcome').textContent()).toContain('its processes and output were rebuilt');
    await screenshot(page, 'stored-interrupted');

    // Its charts: drawn from its events when the lab hands them over; until then, the view says why.
    const events = await shell.api('events', { runId: interrupted, window: { fromSeq: 0, limit: 10 } });
    if (!events.ok && events.error.code === 'unavailable') {
      const note = page.locator('[data-charts="unavailable"]');
      await note.waitFor();
      expect(await note.textContent()).toContain(events.error.message);
    } else {
      await page.locator('[data-chart-region="timeline"] canvas').first().waitFor();
    }
  });

  it('exports a stored run of an earlier session in each format, each downloaded and parsed back', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'History', exact: true }).click();
    await page.getByLabel('Search', { exact: true }).fill(guessed.runId);
    await expectIds(page, [guessed.runId], 1);
    await page.getByRole('button', { name: `Open run ${guessed.runId}` }).click();
    await page.locator(`[data-view="stored"][data-run-id="${guessed.runId}"]`).waitFor();
    expect(await page.locator('#outcome-title').textContent()).toContain('Ended as this scenario means it to');

    const download = async (label: string) => {
      const [d] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        page.getByRole('button', { name: `Export ${label}`, exact: true }).click(),
      ]);
      return { name: d.suggestedFilename(), bytes: readFileSync((await d.path())!) };
    };
    const base = `fork-loop-${guessed.runId}`;

    const html = await download('HTML');
    expect(html.name).toBe(`${base}.html`);
    const report = await app.context.newPage();
    await report.route('**/*', (r) => r.abort());
    await report.setContent(html.bytes.toString('utf8'), { waitUntil: 'load' });
    await report.waitForSelector('body[data-charts-drawn="3"]', { timeout: 15_000 });
    expect(await report.locator('body').textContent()).toContain(guessed.runId);
    await report.close();

    const json = await download('JSON');
    expect(json.name).toBe(`${base}.json`);
    const run = JSON.parse(json.bytes.toString('utf8')) as RunReport & { events: { seq: number }[] };
    expect(run.runId).toBe(guessed.runId);
    expect(run.events).toHaveLength(guessed.eventCount);

    const csv = await download('CSV');
    expect(csv.name).toBe(`${base}.csv`);
    const table = parseCsv(csv.bytes.toString('utf8'));
    expect(table[0].slice(0, 4)).toEqual(['seq', 't_us', 'pid', 'process']);
    expect(table).toHaveLength(guessed.eventCount + 1);

    const trace = await download('Chrome trace');
    expect(trace.name).toBe(`${base}.trace.json`);
    const t = JSON.parse(trace.bytes.toString('utf8')) as { traceEvents: unknown[]; metadata: { runId: string } };
    expect(t.metadata.runId).toBe(guessed.runId);
    expect(t.traceEvents.length).toBeGreaterThan(guessed.eventCount);

    const pdf = await download('PDF');
    expect(pdf.name).toBe(`${base}.pdf`);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await page.locator('.exports .status').textContent()).toContain(`Downloaded ${base}.pdf`);
  }, 120_000);

  it('broke no Content-Security-Policy rule and logged no error', async () => {
    expect(await pageProblems(app)).toEqual([]);
  });
});
