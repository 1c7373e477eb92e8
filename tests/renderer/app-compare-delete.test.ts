// Comparing and deleting in the app, in real Chromium against the browser shell and a real
// SQLite file: two runs picked in the history and set side by side with their differences
// marked (same scenario, and two scenarios), the comparison exported as one HTML page and
// parsed; runs deleted with a confirmation, undone, deleted for real once the undo window
// is over, and kept when the app is closed inside that window.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Comparison, RunReport } from '../../shared/contract';
import { launchChromium } from '../support/chromium';
import { openApp, pageProblems, screenshot, type AppPage } from './support/app-page';
import { runAll, storedRuns } from './support/history-fixture';
import { startShell, type Shell } from './support/shell';

/** The app's undo window (renderer/app/state/pending-deletes.svelte.ts). */
const UNDO_MS = 6000;

let shell: Shell;
let browser: Browser;
let app: AppPage;
let plain: RunReport;
let gotcha: RunReport;
let forks: RunReport[];

beforeAll(async () => {
  shell = await startShell();
  [plain, gotcha, ...forks] = await runAll(shell, [
    { scenario: 'manager-namespace', params: { timeUnitMs: 10, seed: 1 } },
    { scenario: 'manager-namespace', params: { variant: 'mutable-gotcha', timeUnitMs: 10, seed: 2 } },
    ...[1, 2, 3, 4].map((i) => ({ scenario: 'fork-loop', params: { iterations: i, timeUnitMs: 2, seed: i } })),
  ]);
  browser = await launchChromium();
  app = await openApp(browser, shell);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await shell?.stop();
});

const ids = () => storedRuns(shell.db).map((r) => r.id);
const row = (page: Page, id: string) => page.locator(`[data-view="history"] tr[data-run-id="${id}"]`);

async function openHistory(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'History', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Runs kept' }).waitFor();
  await page.locator('[data-view="history"] tbody tr[data-run-id]').first().waitFor();
}

async function select(page: Page, ...runIds: string[]): Promise<void> {
  for (const id of runIds) await page.getByRole('checkbox', { name: `Select run ${id}` }).check();
}

async function compared(a: string, b: string): Promise<Comparison> {
  const r = await shell.api<Comparison>('compare', { a, b });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('comparing two runs', () => {
  it('sets two runs of one scenario side by side, every difference marked', async () => {
    const { page } = app;
    await openHistory(page);
    await select(page, plain.runId, gotcha.runId);
    expect(await page.locator('[data-history-count]').textContent()).toContain('2 selected');
    await page.getByRole('button', { name: 'Compare the two selected' }).click();
    const view = page.locator(`[data-view="compare"][data-a="${plain.runId}"][data-b="${gotcha.runId}"]`);
    await view.locator('[data-run="A"]').waitFor();
    expect(await view.locator('[data-run="A"]').getAttribute('data-run-id')).toBe(plain.runId);
    expect(await view.locator('[data-run="B"]').getAttribute('data-run-id')).toBe(gotcha.runId);

    const c = await compared(plain.runId, gotcha.runId);
    const shown = await view.locator('tr[data-key]').evaluateAll((trs) => trs.map((tr) => ({
      section: tr.closest('[data-section]')!.getAttribute('data-section'), key: tr.getAttribute('data-key') ?? '',
      differs: tr.getAttribute('data-differs') === 'true', text: tr.textContent ?? '',
    })));
    expect(shown.map((r) => [r.section, r.key, r.differs])).toEqual(c.rows.map((r) => [r.section, r.key, r.differs]));
    // Marked by a sign and a word, never by colour alone.
    for (const r of shown) {
      expect(r.text.includes('≠'), r.key).toBe(r.differs);
      expect(r.text.trim().endsWith(r.differs ? 'differs' : 'same'), r.key).toBe(true);
    }
    const variant = shown.find((r) => r.section === 'param' && r.key === 'variant')!;
    expect(variant).toMatchObject({ differs: true });
    expect(variant.text).toContain('value');
    expect(variant.text).toContain('mutable-gotcha');
    expect(shown.find((r) => r.section === 'param' && r.key === 'timeUnitMs')).toMatchObject({ differs: false });
    expect(shown.find((r) => r.section === 'run' && r.key === 'scenario')).toMatchObject({ differs: false });
    // Invariants read with their description and how each run judged them.
    for (const inv of plain.invariants) {
      const r = shown.find((x) => x.section === 'invariant' && x.key === inv.id)!;
      expect(r.text).toContain(inv.description);
      expect(r.text).toContain(inv.ok === null ? '– not judged' : inv.ok ? '✓ held' : '✗ broken');
    }
    expect(shown.some((r) => r.section === 'result' && r.differs)).toBe(true);
    expect(await view.locator('[data-differing]').textContent()).toBe(`${c.rows.filter((r) => r.differs).length} of ${c.rows.length} compared values differ; each is marked ≠.`);
    // Below the rows, both runs replayed on one time axis (tested in app-replay.test.ts).
    await view.locator('[data-compare-replay] [data-replay-side="B"][data-replay="ready"]').waitFor();
    expect(await view.getByRole('slider', { name: 'Time' }).count()).toBe(1);
    await screenshot(page, 'compare');
  });

  it('exports the comparison as one self-contained HTML page, downloaded and parsed', async () => {
    const { page } = app;
    const [d] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.getByRole('button', { name: 'Export the comparison as HTML' }).click(),
    ]);
    expect(d.suggestedFilename()).toBe(`compare-${plain.runId}-vs-${gotcha.runId}.html`);
    const html = readFileSync((await d.path())!, 'utf8');
    const offline = await app.context.newPage();
    const requests: string[] = [];
    await offline.route('**/*', (r) => { requests.push(r.request().url()); return r.abort(); });
    await offline.setContent(html, { waitUntil: 'load' });
    expect(requests).toEqual([]);
    expect(await offline.textContent('[data-run="A"]')).toContain(plain.runId);
    expect(await offline.textContent('[data-run="B"]')).toContain(gotcha.runId);
    expect(await offline.getAttribute('tr[data-section="param"][data-key="variant"]', 'data-differs')).toBe('true');
    expect(await offline.getAttribute('tr[data-section="param"][data-key="timeUnitMs"]', 'data-differs')).toBe('false');
    await offline.close();
    expect(await page.locator('[data-view="compare"] .status').textContent()).toContain(`Downloaded compare-${plain.runId}-vs-${gotcha.runId}.html`);
  });

  it('compares runs of two scenarios: the scenario and what only one has are marked', async () => {
    const { page } = app;
    await openHistory(page);
    await select(page, forks[0].runId, plain.runId);
    await page.getByRole('button', { name: 'Compare the two selected' }).click();
    const view = page.locator(`[data-view="compare"][data-a="${forks[0].runId}"][data-b="${plain.runId}"]`);
    await view.locator('[data-run="A"]').waitFor();
    expect(await view.locator('[data-section="run"] tr[data-key="scenario"]').getAttribute('data-differs')).toBe('true');
    const iterations = view.locator('[data-section="param"] tr[data-key="iterations"]');
    expect(await iterations.getAttribute('data-differs')).toBe('true');
    expect(await iterations.locator('td').nth(1).textContent()).toBe('–');
  });
});

describe('deleting runs', () => {
  it('asks first; the run leaves the list at once and the file only after the undo window; Undo brings it back untouched', async () => {
    const { page } = app;
    await openHistory(page);
    const victim = forks[1].runId;
    await select(page, victim);
    await page.getByRole('button', { name: 'Delete run…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this run?' });
    await dialog.waitFor();
    // It starts on Cancel; Escape and Cancel both keep everything.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Delete run…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await row(page, victim).count()).toBe(1);

    await page.getByRole('button', { name: 'Delete run…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete 1 run' }).click();
    await row(page, victim).waitFor({ state: 'detached' });
    const toast = page.locator(`[data-pending-delete="${victim}"]`);
    expect(await toast.textContent()).toMatch(/Run deleted.*removed from the history in \d s/);
    expect(ids()).toContain(victim);
    await toast.getByRole('button', { name: 'Undo' }).click();
    await row(page, victim).waitFor();
    await page.waitForTimeout(UNDO_MS + 1500);
    expect(ids()).toContain(victim);
    expect(await page.locator('[data-pending-delete]').count()).toBe(0);
  }, 30_000);

  it('deletes several runs from the file once the undo window is over', async () => {
    const { page } = app;
    const before = ids();
    const gone = [forks[1].runId, forks[2].runId];
    await select(page, ...gone);
    await page.getByRole('button', { name: 'Delete 2 runs…' }).click();
    await page.getByRole('dialog', { name: 'Delete these 2 runs?' }).getByRole('button', { name: 'Delete 2 runs' }).click();
    for (const id of gone) await row(page, id).waitFor({ state: 'detached' });
    await page.waitForTimeout(UNDO_MS / 2);
    expect(ids()).toEqual(before);
    await page.locator('[data-pending-delete]').waitFor({ state: 'detached', timeout: UNDO_MS + 10_000 });
    expect(ids()).toEqual(before.filter((id) => !gone.includes(id)));
    expect(await page.locator('[data-history-count]').textContent()).toContain(`of ${before.length - 2} runs shown`);
    // The home screen no longer lists them either.
    await page.getByRole('button', { name: 'Scenarios', exact: true }).click();
    await page.locator('[data-recent-runs]').waitFor();
    for (const id of gone) expect(await page.locator(`[data-recent-runs] li[data-run-id="${id}"]`).count()).toBe(0);
  }, 30_000);

  it('keeps a run whose deletion was still in its undo window when the app was closed', async () => {
    const second = await openApp(browser, shell);
    const victim = forks[3].runId;
    await openHistory(second.page);
    await select(second.page, victim);
    await second.page.getByRole('button', { name: 'Delete run…' }).click();
    await second.page.getByRole('dialog').getByRole('button', { name: 'Delete 1 run' }).click();
    await row(second.page, victim).waitFor({ state: 'detached' });
    expect(await pageProblems(second)).toEqual([]);
    await second.context.close();
    await new Promise((r) => setTimeout(r, UNDO_MS + 2000));
    expect(ids()).toContain(victim);

    const third = await openApp(browser, shell);
    await openHistory(third.page);
    await row(third.page, victim).waitFor();
    expect(await pageProblems(third)).toEqual([]);
    await third.context.close();
  }, 40_000);

  it('says so, and shows the history as it is, when a deletion is refused (another window deleted the run first)', async () => {
    const { page } = app;
    const victim = forks[3].runId;
    await openHistory(page);
    await select(page, victim);
    await page.getByRole('button', { name: 'Delete run…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete 1 run' }).click();
    await row(page, victim).waitFor({ state: 'detached' });
    // Meanwhile another client deletes it.
    expect(await shell.api('delete', { runIds: [victim] })).toMatchObject({ ok: true });
    const alert = page.getByRole('alert').filter({ hasText: 'The run was not deleted' });
    await alert.waitFor({ timeout: UNDO_MS + 10_000 });
    expect(await alert.textContent()).toContain(`no run "${victim}"`);
    // The list is read again: the run is gone from it, and from the count.
    await page.waitForFunction((n) => document.querySelector('[data-history-count]')?.textContent?.includes(`of ${n} runs shown`), ids().length);
    expect(await row(page, victim).count()).toBe(0);
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await alert.waitFor({ state: 'detached' });
  }, 30_000);

  it('broke no Content-Security-Policy rule and logged no error', async () => {
    expect(await pageProblems(app)).toEqual([]);
  });
});
