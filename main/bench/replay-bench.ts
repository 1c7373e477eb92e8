// The replay's figures, in real Chromium on the real app over a stored run of about 1,000,000
// events (the renderer bench's event-flood run, kept by the shell's history):
//
//   first chart  from the click on "Open run …" in the history to the overview of the whole run
//            drawn (its performance mark, set when its canvas is painted), in the page's own
//            clock; then to the state at the cursor shown (the window around the run's end read
//            and folded, the timeline drawn);
//   scrubbing   the Time slider moved every animation frame by a script in the page (its value
//            set and an input event sent, as a drag does): over the window of events held (every
//            frame shows the exact state at its moment: folded on, or built again from the
//            window's start going back), then across the whole run (windows read as it goes).
//            Frames per second from the animation frames' timestamps, the 95th percentile of
//            their intervals, the longest task, how many frames showed the state at the
//            scrubber's moment (or a new moment's, on the way), and how far behind it was.
import type { Browser, Page } from 'playwright-core';
import { openApp, type Shell } from './app-driver';

export const REPLAY_TARGETS = { firstChartMs: 500, scrubFps: 30 };

export interface ScrubFigures {
  frames: number; seconds: number; fps: number; frameP95Ms: number; longestTaskMs: number;
  /** Frames at whose start the state shown was the state at the slider's moment. */
  exactFrames: number;
  /** Frames that showed a new moment's state; how far (run time) the state shown was behind the slider, median. */
  movedFrames: number; lagP50Ms: number;
}

export interface ReplayFigures {
  events: number;
  /** Click to the overview drawn; click to the state at the cursor shown (ms, the page's clock). */
  firstChartMs: number; firstStateMs: number;
  inWindow: ScrubFigures; acrossRun: ScrubFigures;
}

/** What the page functions below use of the page (main/ compiles without the DOM's types). */
interface El {
  dataset: Record<string, string | undefined>;
  value: string; min: string; max: string;
  dispatchEvent(e: unknown): boolean;
  getAttribute(name: string): string | null;
  closest?(selector: string): El | null;
}
interface BenchWindow {
  __replay: { clickMs?: number; longTasks: number[] };
  document: {
    querySelector(selector: string): El | null;
    addEventListener(type: 'click', l: (e: { target: unknown; timeStamp: number }) => void, capture: boolean): void;
  };
  performance: { now(): number; getEntriesByName(name: string): { startTime: number }[] };
  requestAnimationFrame(cb: (ts: number) => void): number;
  PerformanceObserver: new (cb: (list: { getEntries(): { duration: number }[] }) => void) => { observe(o: { type: string; buffered: boolean }): void };
  Event: new (type: string, init: { bubbles: boolean }) => unknown;
}

/** Installed before the app loads: the click's time, and every long task. */
function hooks(): void {
  const w = globalThis as unknown as BenchWindow;
  const r: BenchWindow['__replay'] = (w.__replay = { longTasks: [] });
  new w.PerformanceObserver((list) => { for (const e of list.getEntries()) r.longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
  w.document.addEventListener('click', (e) => {
    const b = (e.target as El | null)?.closest?.('button');
    if (b?.getAttribute('aria-label')?.startsWith('Open run ')) r.clickMs = e.timeStamp;
  }, true);
}

/** Moves the slider from fraction `from` to `to` of its range, one step per animation frame. */
function scrub(page: Page, from: number, to: number, frames: number): Promise<ScrubFigures> {
  return page.evaluate(async ({ from, to, frames }) => {
    const w = globalThis as unknown as BenchWindow;
    const input = w.document.querySelector('#replay-time')!;
    const bar = w.document.querySelector('[data-replay-bar]')!;
    const min = Number(input.min), max = Number(input.max);
    w.__replay.longTasks.length = 0;
    const ticks: number[] = [];
    const lags: number[] = [];
    let exact = 0, moved = 0, last = Number.NaN;
    const state = w.document.querySelector('[data-replay="ready"]')!;
    await new Promise<void>((resolve) => {
      let i = 0;
      const step = (ts: number) => {
        ticks.push(ts);
        if (i > 0) {
          if (bar.dataset.settled === 'true') exact++;
          const shown = Number(state.dataset.shownUs);
          if (shown !== last) moved++;
          last = shown;
          lags.push(Math.abs(Number(bar.dataset.cursorUs) - shown) / 1000);
        }
        if (i === frames) { resolve(); return; }
        const f = from + ((to - from) * i) / (frames - 1);
        i++;
        input.value = String(min + f * (max - min));
        input.dispatchEvent(new w.Event('input', { bubbles: true }));
        w.requestAnimationFrame(step);
      };
      w.requestAnimationFrame(step);
    });
    const gaps = ticks.slice(1).map((t, k) => t - ticks[k]).sort((a, b) => a - b);
    const seconds = (ticks[ticks.length - 1] - ticks[0]) / 1000;
    return {
      frames: gaps.length, seconds, fps: gaps.length / seconds, frameP95Ms: gaps[Math.min(gaps.length - 1, Math.floor(gaps.length * 0.95))],
      longestTaskMs: Math.max(0, ...w.__replay.longTasks), exactFrames: exact,
      movedFrames: moved, lagP50Ms: lags.sort((a, b) => a - b)[lags.length >> 1] ?? 0,
    };
  }, { from, to, frames });
}

export async function measureReplay(browser: Browser, shell: Shell, runId: string, events: number, progress: (s: string) => void): Promise<ReplayFigures> {
  const { context, page, errors } = await openApp(browser, shell, { init: hooks });
  try {
    await page.getByRole('button', { name: 'History', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Runs kept' }).waitFor();
    await page.getByRole('button', { name: `Open run ${runId}` }).click();
    await page.locator(`[data-overview="drawn"][data-run-id="${runId}"]`).waitFor({ timeout: 60_000 });
    await page.locator('[data-replay-bar][data-settled="true"]').waitFor({ timeout: 60_000 });
    await page.locator('[data-chart-region="timeline"] canvas').first().waitFor();
    const opened = await page.evaluate((runId) => {
      const w = globalThis as unknown as BenchWindow;
      const at = (name: string) => w.performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN;
      return { click: w.__replay.clickMs ?? Number.NaN, overview: at(`lab:overview:${runId}`), state: at(`lab:state:${runId}`) };
    }, runId);
    const firstChartMs = opened.overview - opened.click;
    const firstStateMs = opened.state - opened.click;
    progress(`  opened: overview drawn ${firstChartMs.toFixed(0)} ms after the click, state at the end shown by ${firstStateMs.toFixed(0)} ms`);
    await page.locator('#replay-time').scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);

    // Over the window held (around the run's end): back to near its start, then on again.
    const held = await page.evaluate(() => {
      const d = (globalThis as unknown as BenchWindow).document;
      const input = d.querySelector('#replay-time')!, el = d.querySelector('[data-replay="ready"]')!;
      return { min: Number(input.min), max: Number(input.max), from: Number(el.dataset.rangeFrom), fromSeq: Number(el.dataset.windowFromSeq) };
    });
    const span = held;
    const range = held;
    const f0 = Math.max(0, (range.from - span.min) / (span.max - span.min));
    progress(`  holding events ${held.fromSeq.toLocaleString('en-US')}… (the last ${((1 - f0) * 100).toFixed(1)}% of the run's time)`);
    const back = await scrub(page, 1, f0 + (1 - f0) * 0.02, 120);
    const on = await scrub(page, f0 + (1 - f0) * 0.02, 1, 120);
    const inWindow = joined(back, on);
    progress(`  scrubbing over the window held: ${line(inWindow)}`);
    // Across the whole run, end to start, in about four seconds.
    const acrossRun = await scrub(page, 1, 0, 240);
    progress(`  scrubbing across the whole run: ${line(acrossRun)}`);
    if (errors.length) throw new Error(`the page logged errors: ${errors.join('; ')}`);
    return { events, firstChartMs, firstStateMs, inWindow, acrossRun };
  } finally {
    await context.close();
  }
}

function joined(a: ScrubFigures, b: ScrubFigures): ScrubFigures {
  const frames = a.frames + b.frames, seconds = a.seconds + b.seconds;
  return {
    frames, seconds, fps: frames / seconds, frameP95Ms: Math.max(a.frameP95Ms, b.frameP95Ms),
    longestTaskMs: Math.max(a.longestTaskMs, b.longestTaskMs), exactFrames: a.exactFrames + b.exactFrames,
    movedFrames: a.movedFrames + b.movedFrames, lagP50Ms: Math.max(a.lagP50Ms, b.lagP50Ms),
  };
}

function line(s: ScrubFigures): string {
  return `${s.frames} frames in ${s.seconds.toFixed(2)} s: ${s.fps.toFixed(1)} frames/s, interval p95 ${s.frameP95Ms.toFixed(1)} ms, ` +
    `longest task ${s.longestTaskMs.toFixed(0)} ms; ${s.exactFrames} frames showed the state at the slider's moment, ` +
    `${s.movedFrames} a new moment's state, the state shown ${s.lagP50Ms.toFixed(0)} ms of run time behind the slider (median)`;
}
