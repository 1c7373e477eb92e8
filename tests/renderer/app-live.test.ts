// The live charts in the app, in real Chromium against the browser shell (real service, real
// processes, a real SQLite file): each flagship run from the UI paints its lanes (and its
// objects' tracks) while it runs, next to its transcript, and ends with every invariant ✓; a
// hang is explained with its wait-for graph; the arrows toggle; hovering a mark shows its
// event; the window's buttons zoom, follow and show the whole run. Screenshots of the live
// run, the finished run and the hang are kept under test-results/screenshots/.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../shared/contract';
import { launchChromium } from '../support/chromium';
import { LIVE_PHASES, openApp, openScenario, pageProblems, runStatus, screenshot, setParam, waitForEnd, type AppPage } from './support/app-page';
import { paintedPixels, pointOnASpan, waitForPaint, watchWhileLive } from './support/live-charts';
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

const FLAGSHIPS: { id: string; title: string; params: Record<string, string>; objects: boolean; instant?: boolean }[] = [
  { id: 'fork-loop', title: 'Forking in a loop', params: { timeUnitMs: '400' }, objects: false },
  { id: 'semaphore-pool', title: 'A semaphore limits the active jobs', params: { timeUnitMs: '150', jobs: '6' }, objects: true },
  // The namespace seed has no sleeps: its run takes a few milliseconds, often less than one
  // frame, so what it paints is judged once it has ended (below), not while it runs.
  { id: 'manager-namespace', title: 'A shared namespace and its copies', params: { timeUnitMs: '1500' }, objects: true, instant: true },
];

async function startFromUi(title: string, params: Record<string, string | boolean>): Promise<void> {
  const { page } = app;
  await page.getByRole('button', { name: 'Process Lab: all scenarios' }).click();
  await openScenario(page, title);
  await page.getByRole('button', { name: 'Reset to defaults' }).click();
  for (const [name, value] of Object.entries(params)) await setParam(page, name, value);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.locator('[data-view="run"]').waitFor();
}

describe('the live charts of a run, in the app', () => {
  for (const f of FLAGSHIPS) {
    it(`${f.id}: lanes${f.objects ? ' and tracks' : ''} painted while it runs, transcript lines before the end, every invariant ✓`, async () => {
      const { page } = app;
      const whileLive = await watchWhileLive(page);
      await startFromUi(f.title, f.params);
      if (f.id === 'fork-loop') {
        // The first lanes are on screen, and the first lines, while the run goes on.
        await page.locator('[data-chart-region="timeline"] .chart:not([data-lanes="0"])').waitFor({ timeout: 60_000 });
        await waitForPaint(page, 'spans', 300);
        await page.locator('.transcript li[data-pid]').first().waitFor({ timeout: 60_000 });
        expect(LIVE_PHASES).toContain(await runStatus(page));
        expect(await paintedPixels(page, 'gutter')).toBeGreaterThan(200);
        await screenshot(page, 'live-run-charts');
      }

      expect(await waitForEnd(page)).toBe('completed');
      // Seen by the page at every frame: lanes (and tracks) painted and lines printed before the end.
      const seen = await whileLive();
      if (!f.instant) {
        expect(seen.frames).toBeGreaterThan(0);
        expect(seen.spans).toBeGreaterThan(100);
        expect(seen.lines).toBeGreaterThan(0);
        if (f.objects) expect(seen.tracks).toBeGreaterThan(50);
      } else {
        expect(await page.locator('.transcript li[data-pid]').count()).toBeGreaterThan(0);
      }
      const invariants = page.locator('[data-invariant]');
      expect(await invariants.count()).toBeGreaterThan(0);
      expect(await invariants.evaluateAll((els) => els.map((e) => e.getAttribute('data-ok')))).toEqual(Array(await invariants.count()).fill('true'));

      // Finished: one lane per process of the run, the whole run shown.
      const runId = await page.locator('[data-view="run"]').getAttribute('data-run-id');
      const stored = await shell.api<RunReport>('run', { runId });
      if (!stored.ok) throw new Error(stored.error.message);
      await page.locator(`[data-chart-region="timeline"] .chart[data-lanes="${stored.value.processes.length}"]`).waitFor();
      expect(await page.locator('[data-chart-region="timeline"] .chart').getAttribute('data-mode')).toBe('whole');
      expect(await paintedPixels(page, 'spans')).toBeGreaterThan(1000);
      if (f.objects) {
        expect(Number(await page.locator('[data-chart-region="objects"] .chart').getAttribute('data-objects'))).toBeGreaterThan(0);
        expect(await paintedPixels(page, 'tracks')).toBeGreaterThan(500);
      } else {
        await page.locator('[data-chart-region="objects"] [data-objects="0"]').first().waitFor();
      }
      if (f.id === 'fork-loop') await screenshot(page, 'finished-run-charts');
    }, 150_000);
  }

  it('hovering a lane shows the event under the pointer: process, state, times', { timeout: 60_000 }, async () => {
    const { page } = app;
    // The last run (manager-namespace) is on screen, finished.
    const at = await pointOnASpan(page);
    await page.mouse.move(at.x, at.y);
    const tip = page.locator('[data-hover-tip]');
    await tip.waitFor();
    const text = (await tip.textContent()) ?? '';
    expect(text).toMatch(/\(pid \d+\)/);
    expect(text).toMatch(/state.*(running|blocked|sleeping)/);
    expect(text).toMatch(/from\s*\d+\.\d{6} s/);
    await page.mouse.move(5, 5);
    await tip.waitFor({ state: 'detached' });
  });

  it('toggles the arrows, and zooms in, follows, and shows the whole run again', async () => {
    const { page } = app;
    const button = page.getByRole('button', { name: /^Arrows/ });
    const layer = page.locator('[data-strips="arrows"]');
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    expect(await layer.evaluate((c) => getComputedStyle(c).visibility)).toBe('visible');
    await button.click();
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    expect(await layer.evaluate((c) => getComputedStyle(c).visibility)).toBe('hidden');
    await button.press('Enter');
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    expect(await layer.evaluate((c) => getComputedStyle(c).visibility)).toBe('visible');

    const chart = page.locator('[data-chart-region="timeline"] .chart');
    const before = await paintedPixels(page, 'spans');
    await page.getByRole('button', { name: 'Zoom in' }).click();
    expect(await chart.getAttribute('data-mode')).toBe('still');
    await page.getByRole('button', { name: 'Whole run' }).click();
    expect(await chart.getAttribute('data-mode')).toBe('whole');
    await expect.poll(() => paintedPixels(page, 'spans')).toBe(before);
    // A finished run has no end to follow.
    expect(await page.getByRole('button', { name: 'Follow the end' }).isDisabled()).toBe(true);
  });

  it('projector mode switched on over a finished run: the plots move over with the wider label column, lanes and tracks alike', async () => {
    const { page } = app;
    // Where each chart's plot starts, and how wide its label column is drawn (CSS px).
    const layout = () => page.evaluate(() => [...document.querySelectorAll('[data-chart-region] .chart')].map((chart) => {
      const plot = chart.querySelector<HTMLElement>('.plot')!;
      const gutter = chart.querySelector<HTMLCanvasElement>('canvas.gutter')!;
      return { plotLeft: plot.offsetLeft, gutter: gutter.clientWidth, plotRight: plot.offsetLeft + plot.clientWidth, chart: (chart as HTMLElement).clientWidth };
    }));
    const before = await layout();
    expect(before.length).toBe(2);
    await page.getByLabel('Projector mode').check();
    try {
      await expect.poll(async () => (await layout()).every((l, i) => l.gutter > before[i].gutter)).toBe(true);
      for (const l of await layout()) {
        expect(l.plotLeft).toBe(l.gutter);
        expect(Math.abs(l.plotRight - l.chart)).toBeLessThanOrEqual(1);
      }
      await screenshot(page, 'finished-run-projector');
    } finally {
      await page.getByLabel('Projector mode').uncheck();
    }
  });

  it('explains a hang with its wait-for graph: the consumers on the empty queue, the parent waiting for them', async () => {
    const { page } = app;
    await startFromUi('Producers, consumers and how they stop', { ending: 'none', timeUnitMs: '20' });
    expect(await waitForEnd(page)).toBe('hung');
    const runId = await page.locator('[data-view="run"]').getAttribute('data-run-id');
    const stored = await shell.api<RunReport>('run', { runId });
    if (!stored.ok) throw new Error(stored.error.message);
    const hang = stored.value.hang!;
    const graph = page.locator('[data-chart-region="wait-for"] [data-wait-for]');
    await graph.waitFor();
    const consumers = hang.blocked.filter((b) => b.op === 'get');
    expect(consumers.length).toBeGreaterThan(0);
    for (const b of hang.blocked) await graph.locator(`[data-node="p:${b.pid}"]`).waitFor();
    expect(await graph.locator('[data-node="o:names"]').textContent()).toMatch(/names.*nothing left can wake it/s);
    for (const b of consumers) expect(await graph.locator(`[data-edge="p:${b.pid}>o:names"]`).count()).toBe(1);
    const main = hang.blocked.find((b) => b.op === 'atexit')!;
    for (const pid of main.waitsFor) expect(await graph.locator(`[data-edge="p:${main.pid}>p:${pid}"]`).count()).toBe(1);
    expect(await graph.getAttribute('data-cycle')).toBe('');
    expect(await graph.locator('[data-in-cycle="true"]').count()).toBe(0);
    expect(await graph.locator('figcaption').textContent()).toMatch(/No cycle/);
    // The whole page from its top (the top bar is sticky: scrolled, it would sit in the middle).
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'hang');
  }, 120_000);

  it('broke no Content-Security-Policy rule, fetched nothing remote and logged no error', async () => {
    expect(await pageProblems(app)).toEqual([]);
  });
});
