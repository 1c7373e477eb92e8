// The replay of stored runs in the app, in real Chromium against the browser shell and a real
// SQLite file written by real runs: a run opened and scrubbed to moments (by mouse and by
// keyboard) whose process states, object contents and transcript are checked against the state
// folded from the run's own events up to that moment; Play moves the cursor on at a speed and
// Pause stops it; the step buttons land on the selected process's (or object's) events; a bigger
// run replayed a window at a time (small windows set for the test), each window's state from the
// store's keyframes, never read from its first event; two runs compared on one time axis, one
// scrubber moving both.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../shared/contract';
import { launchChromium } from '../support/chromium';
import { openApp, pageProblems, screenshot, type AppPage } from './support/app-page';
import { runAll } from './support/history-fixture';
import { pointOnASpan } from './support/live-charts';
import {
  countAt, expectedContents, expectedLines, expectedProcesses, itemsInQueue, modelAt, readRun, settledAt, shownState, type RunEvents,
} from './support/replay-expect';
import { startShell, type Shell } from './support/shell';

let shell: Shell;
let browser: Browser;
let app: AppPage;
let pc: RunReport;
let dict: RunReport;
let race: RunReport;
let pcEvents: RunEvents;

beforeAll(async () => {
  shell = await startShell();
  [pc, dict, race] = await runAll(shell, [
    // Producers and consumers: processes blocked on a queue, sleeping, printing, items waiting.
    { scenario: 'producer-consumer', params: { ending: 'poison-pill', timeUnitMs: 5, seed: 11 } },
    { scenario: 'manager-dict', params: { timeUnitMs: 5, seed: 12 } },
    // Enough events for several of the store's keyframes (one every 10,000 events).
    { scenario: 'shared-memory', params: { procs: 8, raceIncrements: 1000, timeUnitMs: 1, seed: 13 } },
  ], 1);
  pcEvents = await readRun(shell, pc.runId);
  browser = await launchChromium();
  app = await openApp(browser, shell);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await shell?.stop();
});

async function openStored(page: Page, runId: string): Promise<void> {
  await page.getByRole('button', { name: 'History', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Runs kept' }).waitFor();
  await page.getByRole('button', { name: `Open run ${runId}` }).click();
  await page.locator(`[data-view="stored"][data-run-id="${runId}"]`).waitFor();
  await page.locator('[data-replay="ready"]').waitFor();
  await page.locator('[data-overview="drawn"]').waitFor();
}

/** Clicks the Time slider at a fraction of its width. */
async function clickTime(page: Page, fraction: number): Promise<void> {
  const slider = page.getByRole('slider', { name: 'Time' });
  await slider.scrollIntoViewIfNeeded();
  const box = (await slider.boundingBox())!;
  await page.mouse.click(box.x + 8 + (box.width - 16) * fraction, box.y + box.height / 2);
}

/** The page's state at `us` is the state folded from the run's events up to `us`. */
async function expectStateAt(page: Page, run: RunEvents, us: number, scope = '[data-replay="ready"]'): Promise<{ lines: number; processes: number }> {
  const m = modelAt(run, us);
  const shown = await shownState(page.locator(scope));
  expect(shown.processes).toEqual(expectedProcesses(m));
  expect(shown.lines).toBe(expectedLines(run, us));
  expect(shown.contents).toEqual(expectedContents(m));
  return { lines: shown.lines, processes: shown.processes.length };
}

describe('a stored run replayed', () => {
  it('opens at its end, and shows the state at three moments chosen with the mouse and the keyboard', async () => {
    const { page } = app;
    await openStored(page, pc.runId);
    const end = await settledAt(page);
    const last = pcEvents.clocks[pcEvents.clocks.length - 1];
    expect(end).toBe(last);
    expect(await page.locator('[data-replay]').getAttribute('data-window-whole')).toBe('true');
    await expectStateAt(page, pcEvents, end);

    // A quarter in, by the mouse.
    await clickTime(page, 0.25);
    const a = await settledAt(page, end);
    await expectStateAt(page, pcEvents, a);
    // Further on, dragged there.
    const slider = page.getByRole('slider', { name: 'Time' });
    const box = (await slider.boundingBox())!;
    await page.mouse.move(box.x + 8 + (box.width - 16) * 0.25, box.y + box.height / 2);
    await page.mouse.down();
    for (let f = 0.25; f <= 0.55; f += 0.05) await page.mouse.move(box.x + 8 + (box.width - 16) * f, box.y + box.height / 2);
    await page.mouse.up();
    const b = await settledAt(page, a);
    await expectStateAt(page, pcEvents, b);
    // Near the end, by the keyboard: End, then back twice by a twentieth.
    await slider.focus();
    await page.keyboard.press('End');
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    const c = await settledAt(page, b);
    await expectStateAt(page, pcEvents, c);

    const first = pcEvents.clocks[0];
    expect(a).toBeGreaterThan(first);
    expect(b).toBeGreaterThan(a);
    expect(c).toBeGreaterThan(b);
    expect(c).toBeCloseTo(last - (last - first) / 10, 0);
    // Each moment checked twice: as it was reached (back from the end, on by the drag, on then
    // back by the keyboard), then reached from the run's first moment.
    const states = [];
    let before = c;
    for (const us of [a, b, c]) {
      await page.evaluate((us) => {
        const input = document.querySelector<HTMLInputElement>('#replay-time')!;
        input.value = String(us);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }, us);
      // (The slider's value is a decimal string: the moment may come back a last digit apart.)
      const again = await settledAt(page, before);
      expect(again).toBeCloseTo(us, 6);
      states.push(await expectStateAt(page, pcEvents, again));
      // The queue's waiting items, from the events' links alone.
      const waiting = itemsInQueue(pcEvents, 'names', again);
      expect(await page.locator('[data-contents="names"] tbody tr').count()).toBe(Math.min(12, waiting.length));
      // The timeline is drawn to the moment: as many lanes as processes had started.
      expect(Number(await page.locator('[data-chart-region="timeline"] .chart').getAttribute('data-lanes'))).toBe(modelAt(pcEvents, again).lanes.size);
      await slider.focus();
      await page.keyboard.press('Home');
      expect(await settledAt(page, again)).toBe(first);
      before = first;
    }
    // Three different moments of the run, not one state three times.
    expect(new Set(states.map((s) => s.lines)).size).toBe(3);
    // The tooltips name the events of the moment's model (here, half way).
    await slider.focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press('PageUp');
    await settledAt(page, first);
    const point = await pointOnASpan(page);
    await page.mouse.move(point.x, point.y);
    const tip = page.locator('[data-hover-tip]');
    await tip.waitFor();
    expect(await tip.textContent()).toMatch(/\(pid \d+\)[\s\S]*state/);
    expect(await tip.textContent()).not.toContain('no longer held');
    await screenshot(page, 'replay-stored-run');
    await page.mouse.move(5, 5);
  }, 120_000);

  it('steps to the next and previous events of the process, or the object, chosen', async () => {
    const { page } = app;
    const consumer = pc.processes.find((p) => p.program === 'consumer')!;
    await page.getByLabel('Step through', { exact: true }).selectOption({ label: `${consumer.name} (pid ${consumer.pid})` });
    await page.getByRole('slider', { name: 'Time' }).focus();
    await page.keyboard.press('Home');
    let at = await settledAt(page);
    const ofConsumer = pcEvents.events.map((e, i) => ({ e, clock: pcEvents.clocks[i] })).filter((x) => x.e.pid === consumer.pid);
    const next = (us: number) => ofConsumer.find((x) => x.clock > us)!.clock;
    const previous = (us: number) => ofConsumer.filter((x) => x.clock < us).pop()!.clock;
    const visited: number[] = [];
    for (let i = 0; i < 4; i++) {
      const want = next(at);
      await page.getByRole('button', { name: 'Next event', exact: true }).click();
      at = await settledAt(page, at);
      expect(at).toBe(want);
      visited.push(at);
    }
    for (let i = 0; i < 2; i++) {
      const want = previous(at);
      await page.getByRole('button', { name: 'Previous event', exact: true }).click();
      at = await settledAt(page, at);
      expect(at).toBe(want);
    }
    expect(at).toBe(visited[1]);
    await expectStateAt(page, pcEvents, at);
    expect(await page.locator('[data-step-note]').textContent()).toContain(`${consumer.name} (pid ${consumer.pid}): its previous event`);

    // An object: the next event on the queue.
    await page.getByLabel('Step through', { exact: true }).selectOption({ label: 'names (Queue)' });
    const onQueue = pcEvents.events.findIndex((e, i) => e.obj === 'names' && pcEvents.clocks[i] > at);
    await page.getByRole('button', { name: 'Next event', exact: true }).click();
    at = await settledAt(page, at);
    expect(at).toBe(pcEvents.clocks[onQueue]);
  }, 60_000);
  it('shows the report\'s transcript and process table until the state at the cursor is read', async () => {
    const { page } = app;
    // The window's events held back a while (the run's ends and overview are not).
    let release!: () => void;
    const held = new Promise<void>((r) => { release = r; });
    await page.route('**/api/events', async (route) => {
      const args = JSON.parse(route.request().postData() ?? '{}') as { window: { limit?: number } };
      if ((args.window.limit ?? 20_000) > 1) await held;
      await route.continue();
    });
    try {
      await page.getByRole('button', { name: 'History', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Runs kept' }).waitFor();
      await page.getByRole('button', { name: `Open run ${pc.runId}` }).click();
      await page.locator('[data-overview="drawn"]').waitFor();
      expect(await page.locator('[data-replay-bar]').getAttribute('data-settled')).toBe('false');
      expect(await page.locator('.transcript li[data-pid]').count()).toBe(pc.output.length);
      expect(await page.locator('.procs tr[data-pid]').count()).toBe(pc.processes.length);
    } finally {
      release();
      // Let the held requests go on before the route goes: unrouting under them fails them.
      await page.unrouteAll({ behavior: 'wait' });
    }
    await settledAt(page);
    expect(await page.locator('.transcript li[data-pid]').count()).toBe(expectedLines(pcEvents, pcEvents.clocks[pcEvents.clocks.length - 1]));
  }, 60_000);

  it('plays on at a speed, and pauses; as fast as possible, to the end', async () => {
    // A run of several seconds and more events than one window holds: played on page by page.
    const { page } = app;
    const run = await readRun(shell, race.runId);
    await openStored(page, race.runId);
    await settledAt(page);
    expect(await page.locator('[data-replay]').getAttribute('data-window-whole')).toBe('false');
    await page.getByRole('button', { name: '0.5×', exact: true }).click();
    expect(await page.getByRole('button', { name: '0.5×', exact: true }).getAttribute('aria-pressed')).toBe('true');
    // By the keyboard: the slider to the start, then the next control, Play.
    await page.getByRole('slider', { name: 'Time' }).focus();
    await page.keyboard.press('Home');
    const start = await settledAt(page);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Play');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
    await page.waitForFunction((start) => Number(document.querySelector<HTMLElement>('[data-replay-bar]')!.dataset.cursorUs) > start + 100_000, start, { timeout: 20_000 });
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
    const paused = await settledAt(page);
    expect(paused).toBeGreaterThan(start + 100_000);
    await page.waitForTimeout(300);
    expect(await settledAt(page)).toBe(paused);
    const m = modelAt(run, paused);
    const shown = await shownState(page.locator('[data-replay="ready"]'));
    expect(shown.processes).toEqual(expectedProcesses(m));
    expect(shown.contents).toEqual(expectedContents(m));
    expect(shown.lines).toBe(expectedLines(run, paused));

    // As fast as possible: on to the run's end, where it stops by itself.
    await page.getByRole('button', { name: 'As fast as possible', exact: true }).click();
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-replay-bar]')!.dataset.playing === 'false', undefined, { timeout: 60_000 });
    const end = await settledAt(page);
    expect(end).toBe(run.clocks[run.clocks.length - 1]);
    const atEnd = modelAt(run, end);
    expect((await shownState(page.locator('[data-replay="ready"]'))).processes).toEqual(expectedProcesses(atEnd));
    await page.getByRole('button', { name: '1×', exact: true }).click();
  }, 90_000);
});

describe('a bigger run replayed a window at a time', () => {
  let run: RunEvents;
  let page: Page;
  const asked: { fromSeq?: number; fromUs?: number; toSeq?: number; limit?: number }[] = [];
  let received = 0;

  beforeAll(async () => {
    run = await readRun(shell, race.runId);
    page = await app.context.newPage();
    // Windows of about 3,000 events on this run of many more: the app must not read it whole.
    await page.addInitScript(() => { (window as unknown as { __labReplay: object }).__labReplay = { wholeRunEvents: 2_000, windowEvents: 3_000, pageEvents: 1_500 }; });
    page.on('request', (r) => { if (r.url().endsWith('/api/events')) asked.push((JSON.parse(r.postData() ?? '{}') as { window: object }).window); });
    page.on('response', async (r) => {
      if (!r.url().endsWith('/api/events')) return;
      const body = await r.json() as { ok: boolean; value?: { events: unknown[] } };
      received += body.value?.events.length ?? 0;
    });
    await page.goto(shell.url);
    await page.getByRole('heading', { name: 'Start here' }).waitFor();
  }, 60_000);
  afterAll(async () => { await page?.close(); });

  it('shows the state at a moment from a window whose start comes from a keyframe', async () => {
    expect(run.events.length).toBeGreaterThan(15_000);
    await openStored(page, race.runId);
    await settledAt(page);
    for (const fraction of [0.6, 0.35]) {
      const before = Number(await page.locator('[data-replay-bar]').getAttribute('data-cursor-us'));
      await clickTime(page, fraction);
      const us = await settledAt(page, before);
      const scope = page.locator('[data-replay="ready"]');
      const fromSeq = Number(await scope.getAttribute('data-window-from-seq'));
      expect(await scope.getAttribute('data-window-whole')).toBe('false');
      expect(fromSeq).toBeGreaterThan(1);
      expect(Number(await scope.getAttribute('data-window-events'))).toBeLessThanOrEqual(3_000);
      const m = modelAt(run, us);
      const shown = await shownState(scope);
      expect(shown.processes).toEqual(expectedProcesses(m));
      expect(shown.contents).toEqual(expectedContents(m));
      // The transcript holds the window's lines, and says the earlier ones are not read here.
      expect(shown.lines).toBe(expectedLines(run, us, fromSeq));
      expect(await scope.locator('[data-earlier]').textContent()).toContain(`starts at event ${fromSeq.toLocaleString('en-US')}`);
      expect(Number(await scope.getAttribute('data-shown-seq'))).toBe(run.events[countAt(run, us) - 1].seq);
    }
    // No window was read from the run's first event: each began where its keyframe is, and far
    // fewer events than the run has came over.
    const fromStart = asked.filter((w) => w.fromSeq === 0 && (w.limit ?? 20_000) > 1);
    expect(fromStart).toEqual([]);
    expect(received).toBeLessThan(run.events.length / 2);
  }, 60_000);

  it('steps to a process\'s previous event before the window, reading back by pages', async () => {
    // The first child ends early: at this moment its last event lies long before the window.
    const child = race.processes.filter((p) => p.parentPid !== null).sort((a, b) => (a.endMs ?? 0) - (b.endMs ?? 0))[0];
    await page.getByLabel('Step through', { exact: true }).selectOption({ label: `${child.name} (pid ${child.pid})` });
    const scope = page.locator('[data-replay="ready"]');
    const at = Number(await page.locator('[data-replay-bar]').getAttribute('data-cursor-us'));
    const fromSeq = Number(await scope.getAttribute('data-window-from-seq'));
    let i = -1;
    run.events.forEach((e, j) => { if (e.pid === child.pid && run.clocks[j] < at) i = j; });
    expect(run.events[i].seq).toBeLessThan(fromSeq);
    await page.getByRole('button', { name: 'Previous event', exact: true }).click();
    const us = await settledAt(page, at);
    expect(us).toBe(run.clocks[i]);
    // Pages were read back from that window's start, then a window around the event.
    expect(asked.some((w) => w.toSeq === fromSeq - 1)).toBe(true);
    expect(Number(await scope.getAttribute('data-window-from-seq'))).toBeLessThan(fromSeq);
    const m = modelAt(run, us);
    const shown = await shownState(scope);
    expect(shown.processes).toEqual(expectedProcesses(m));
    expect(shown.contents).toEqual(expectedContents(m));
    // That was its exit, its last event: nothing after it, said so, the cursor kept.
    expect(run.events[i]).toMatchObject({ kind: 'life', life: 'exited' });
    await page.getByRole('button', { name: 'Next event', exact: true }).click();
    await page.locator('[data-step-note]', { hasText: `No later event of ${child.name} (pid ${child.pid}).` }).waitFor();
    expect(await settledAt(page)).toBe(us);
    // Back once more, then on again to the exit.
    let j = -1;
    run.events.forEach((e, k) => { if (e.pid === child.pid && run.clocks[k] < us) j = k; });
    await page.getByRole('button', { name: 'Previous event', exact: true }).click();
    expect(await settledAt(page, us)).toBe(run.clocks[j]);
    await page.getByRole('button', { name: 'Next event', exact: true }).click();
    expect(await settledAt(page, run.clocks[j])).toBe(us);
  }, 60_000);
});

describe('two runs compared on one time axis', () => {
  it('moves both runs with one scrubber, their charts lined up', async () => {
    const { page } = app;
    const dictEvents = await readRun(shell, dict.runId);
    await page.getByRole('button', { name: 'History', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Runs kept' }).waitFor();
    for (const id of [pc.runId, dict.runId]) await page.getByRole('checkbox', { name: `Select run ${id}` }).check();
    await page.getByRole('button', { name: 'Compare the two selected' }).click();
    await page.locator('[data-replay-side="A"][data-replay="ready"]').waitFor();
    await page.locator('[data-replay-side="B"][data-replay="ready"]').waitFor();
    expect(await page.getByRole('slider', { name: 'Time' }).count()).toBe(1);
    await settledAt(page);
    const runs: Record<string, RunEvents> = { A: pcEvents, B: dictEvents };
    let before = Number(await page.locator('[data-replay-bar]').getAttribute('data-cursor-us'));
    for (const fraction of [0.2, 0.5]) {
      await clickTime(page, fraction);
      const us = await settledAt(page, before);
      before = us;
      for (const side of ['A', 'B']) {
        const scope = page.locator(`[data-replay-side="${side}"]`);
        expect(Number(await scope.getAttribute('data-shown-us'))).toBe(us);
        const m = modelAt(runs[side], us);
        expect(Number(await scope.locator('[data-chart-region^="timeline"] .chart').getAttribute('data-lanes'))).toBe(m.lanes.size);
        const contents = await shownState(scope);
        expect(contents.contents).toEqual(expectedContents(m));
      }
      // One axis: the same stretch of time in both, and the moment at the same place across.
      const ranges = await page.locator('[data-replay-side]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-range-from'), e.getAttribute('data-range-to')]));
      expect(ranges[0]).toEqual(ranges[1]);
      await page.waitForFunction(() => {
        const lines = [...document.querySelectorAll<HTMLElement>('[data-replay-side] [data-chart-region^="timeline"] .now')];
        return lines.length === 2 && lines.every((l) => !l.hidden) && lines[0].style.transform === lines[1].style.transform;
      }, undefined, { timeout: 10_000 });
    }
    await screenshot(page, 'replay-compare');
  }, 90_000);

  it('broke no Content-Security-Policy rule and logged no error', async () => {
    expect(await pageProblems(app)).toEqual([]);
  });
});
