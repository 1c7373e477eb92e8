// The app end to end, in real Chromium against the browser shell (real service, real
// processes, a real SQLite file): each flagship scenario run from the UI, its transcript
// growing before the run ends (where the run lasts long enough to be seen running), its
// invariants ✓; a screenshot of each view.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../shared/contract';
import { launchChromium } from '../support/chromium';
import { LIVE_PHASES, openApp, openScenario, pageProblems, screenshot, setParam, statusAtFirstLine, waitForEnd, type AppPage } from './support/app-page';
import { startShell, type Shell } from './support/shell';

let shell: Shell;
let browser: Browser;
let app: AppPage;

beforeAll(async () => {
  shell = await startShell();
  browser = await launchChromium();
  app = await openApp(browser, shell);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await shell?.stop();
});

// `seenLive`: the run sleeps long enough that its first line must show while it runs.
// manager-namespace never sleeps: its whole run can fit in one frame on a busy machine, so
// its first line may only be seen with the run already completed (CI saw exactly that).
const FLAGSHIPS = [
  { id: 'fork-loop', title: 'Forking in a loop', params: { timeUnitMs: '400' }, seenLive: true },
  { id: 'semaphore-pool', title: 'A semaphore limits the active jobs', params: { timeUnitMs: '150', jobs: '6' }, seenLive: true },
  { id: 'manager-namespace', title: 'A shared namespace and its copies', params: {}, seenLive: false },
];

describe('the app, in Chromium, on the browser shell', () => {
  it('lists the flagship scenarios first, then every other by topic, with concepts and seed', async () => {
    const { page } = app;
    const flagship = page.locator('[data-group="flagship"] [data-scenario]');
    expect(await flagship.evaluateAll((els) => els.map((e) => e.getAttribute('data-scenario')))).toEqual(FLAGSHIPS.map((f) => f.id));
    const topics = await page.locator('ul.cards[data-group]').evaluateAll((els) => els.map((e) => e.getAttribute('data-group')));
    expect(topics).toEqual(['flagship', 'processes', 'messages', 'synchronization', 'shared-state', 'pools']);
    const all = await shell.api<{ id: string }[]>('scenarios');
    expect(all.ok).toBe(true);
    if (all.ok) expect(await page.locator('[data-scenario]').count()).toBe(all.value.length);
    const card = page.locator('[data-group="flagship"] [data-scenario="fork-loop"]');
    await expect(card.textContent()).resolves.toMatch(/process creation.*From seed 000\/002/s);
    await screenshot(page, 'home');
  });

  for (const f of FLAGSHIPS) {
    it(`runs ${f.id} from the UI: lines appear while it runs, then every invariant ✓`, async () => {
      const { page } = app;
      await page.getByRole('button', { name: 'Process Lab: all scenarios' }).click();
      await openScenario(page, f.title);
      // The program's place shows the scenario's program beside the Python one.
      await page.locator('[data-source-state="ready"]').waitFor();
      if (f.id === 'fork-loop') await screenshot(page, 'scenario');
      for (const [name, value] of Object.entries(f.params)) await setParam(page, name, value);
      const firstLineStatus = await statusAtFirstLine(page);
      await page.getByRole('button', { name: 'Run', exact: true }).click();

      await page.locator('.transcript li[data-pid]').first().waitFor({ timeout: 60_000 });
      const atFirstLine = await firstLineStatus();
      expect(f.seenLive ? LIVE_PHASES : [...LIVE_PHASES, 'completed']).toContain(atFirstLine);
      if (f.id === 'fork-loop') await screenshot(page, 'live-run');

      expect(await waitForEnd(page)).toBe('completed');
      const invariants = page.locator('[data-invariant]');
      expect(await invariants.count()).toBeGreaterThan(0);
      expect(await invariants.evaluateAll((els) => els.map((e) => e.getAttribute('data-ok')))).toEqual(Array(await invariants.count()).fill('true'));
      expect(await invariants.locator('.mark').allTextContents()).toEqual(Array(await invariants.count()).fill('✓'));

      // What the page shows is what the history keeps.
      const runId = await page.locator('[data-view="run"]').getAttribute('data-run-id');
      const stored = await shell.api<RunReport>('run', { runId });
      expect(stored).toMatchObject({ ok: true, value: { scenario: f.id, status: 'completed', passed: true } });
      if (stored.ok) {
        const shownLines = await page.locator('.transcript li[data-pid]').count();
        expect(shownLines).toBe(stored.value.output.flatMap((o) => o.text.split('\n')).length);
        expect(await page.locator('.procs tr[data-pid]').count()).toBe(stored.value.processes.length);
      }
      if (f.id === 'fork-loop') await screenshot(page, 'finished-run');
    }, 120_000);
  }

  it('switches to the dark theme and to projector mode, and keeps the choice', async () => {
    const { page } = app;
    await page.getByRole('radio', { name: 'Dark' }).check();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(16, 20, 24)');
    await screenshot(page, 'finished-run-dark');
    await page.getByRole('button', { name: 'Process Lab: all scenarios' }).click();
    await screenshot(page, 'home-dark');

    const before = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    await page.getByLabel('Projector mode').check();
    const after = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    expect(after).toBeGreaterThan(before * 1.2);
    await screenshot(page, 'home-projector');
    await page.reload();
    await page.getByRole('heading', { name: 'Start here' }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.dataset.theme, document.documentElement.dataset.projector])).toEqual(['dark', 'on']);
    await page.getByLabel('Projector mode').uncheck();
    await page.getByRole('radio', { name: 'System' }).check();
  });

  it('follows the system theme when the choice is System', async () => {
    const dark = await openApp(browser, shell, { colorScheme: 'dark' });
    expect(await dark.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await dark.context.close();
  });

  it('broke no Content-Security-Policy rule, fetched nothing remote and logged no error', async () => {
    expect(await pageProblems(app)).toEqual([]);
  });
});
