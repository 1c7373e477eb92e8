// The renderer's figures, in real Chromium on the real app over real runs through the browser
// shell (each started from the UI: a scenario opened, parameters set, Run pressed):
//
//   frames   a 64-process run (fork-loop, 6 iterations, children loop on) and a run of about
//            100,000 events (the internal event-flood workload), watched live, then the 100,000
//            events on screen zoomed and hovered: the 95th percentile of the frame interval
//            (the rAF timestamps of a loop the page runs all along: a frame that missed its
//            vsync shows as 33 ms), the live charts' own work per frame (fold + paint), and the
//            longest task (PerformanceObserver 'longtask', which sees every task over 50 ms);
//            each is done twice, the second time under Chromium's trace for the same figures in
//            CPU time (frame-trace.ts): the wall-clock figures come from the untraced pass;
//   event to pixel  for every event of those runs: the moment the frame that first drew it was
//            on screen (the start of the next frame, in epoch ms) minus the moment the kernel
//            stamped it (the run's startedAt, ms, plus the event's t, µs since the kernel's
//            clock started as the run was made). Chromium and the shell share this machine's
//            clock; t is stamped when an operation begins, so the figure errs long, never short;
//   first lane  clicking Run on a 10-process scenario (whoami, 8 children), the app open, the
//            form on screen for 1.5 s first (the back end readies the run's workers meanwhile,
//            as for a student reading it): from the click's timestamp to the first frame showing a lane;
//   heap     the page's JavaScript heap (after a forced GC) once a 1,000,000-event run ended,
//            all its events folded into the live charts;
//   replay   that run opened again from the history: to its first chart, and the time scrubber
//            moved every frame (replay-bench.ts).
//
// The page records its side through the live view's opt-in probe (renderer/app/lib/live/
// perf-probe.ts), switched on by `window.__labPerf` before the app loads. The internal
// `bench` scenario is not in the catalogue: the page's catalogue answer gets it added so the
// UI can open it like any other (the run itself is the service's, as for every scenario).
import { availableParallelism, loadavg } from 'node:os';
import { benchMeta } from '../scenarios/internal/bench-meta';
import { COMMON_PARAMS } from '../../shared/scenario-meta';
import type { ScenarioInfo } from '../../shared/contract';
import { resolveParamSpec } from '../core/service/scenario-list';
import type { Row } from './metrics';
import { round } from './metrics';
import { api, buildApp, clickRun, launch, openApp, prepare, startShell, waitForEnd } from './app-driver';
import type { Browser, Page } from 'playwright-core';
import { startTrace, stopTrace, type CpuFigures } from './frame-trace';
import { measureReplay, REPLAY_TARGETS, type ReplayFigures } from './replay-bench';

export const RENDERER_TARGETS = { frameP95Ms: 16.7, longTaskMs: 50, eventToPixelP95Ms: 100, firstLaneMs: 300 };

interface PageRecord {
  frames: { ts: number; workMs: number }[];
  shown: { onScreenMs: number; eventUs: number[] }[];
  arrivals: { atMs: number; eventUs: number[] }[];
  firstLaneMs?: number;
  arrived: number;
  keepTimes: boolean;
}

/** What the page functions below use of the page (main/ compiles without the DOM's types). */
interface PageWindow {
  __labPerf: PageRecord;
  __bench: { ticks: number[]; frameMs: number[]; longTasks: number[]; on: boolean; clickMs?: number };
  requestAnimationFrame(cb: (ts: number) => void): number;
  MessageChannel: new () => { port1: { onmessage: (() => void) | null }; port2: { postMessage(v: unknown): void } };
  document: { addEventListener(type: 'click', l: (e: { target: unknown; timeStamp: number }) => void, capture: boolean): void };
  PerformanceObserver: new (cb: (list: { getEntries(): { duration: number }[] }) => void) => { observe(o: { type: string; buffered: boolean }): void };
  performance: { timeOrigin: number; now(): number };
}

export interface WatchFigures {
  events: number; processes: number; frames: number;
  /** Frame time (main thread, callbacks to paint), 95th percentile; frames whose interval was over 25 ms (a vsync missed). */
  frameP95Ms: number; missedPct: number; workP95Ms: number; longestTaskMs: number; longTasks: number;
  eventToPixelP50Ms: number; eventToPixelP95Ms: number; eventToPixelMinMs: number;
  /** The part of it before the page had the event: kernel stamp to the push's arrival in the page. */
  eventToPageP50Ms: number; eventToPageP95Ms: number;
  /** The same frames in CPU time (Chromium's trace). */
  cpu: CpuFigures;
}

export interface RendererFigures {
  fork64: WatchFigures;
  flood100k: WatchFigures;
  /** Interacting with 100,000 events on screen (zoom in and out, hover across the lanes). */
  onScreen100k: { frames: number; frameP95Ms: number; missedPct: number; workP95Ms: number; longestTaskMs: number; cpu: CpuFigures };
  firstLaneMs: number[];
  heap: { events: number; beforeMb: number; afterMb: number; longestTaskMs: number; seconds: number };
  replay: ReplayFigures;
}

const pct = (xs: number[], p: number): number => {
  if (!xs.length) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

/** Installed before the app loads: the probe's switch, a frame clock, the long-task observer, the Run click's time. */
function pageHooks(): void {
  const w = globalThis as unknown as PageWindow;
  w.__labPerf = { frames: [], shown: [], arrivals: [], arrived: 0, keepTimes: true };
  const b: PageWindow['__bench'] = (w.__bench = { ticks: [], frameMs: [], longTasks: [], on: false });
  new w.PerformanceObserver((list) => { for (const e of list.getEntries()) b.longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
  // A frame's time on the main thread: from the first animation-frame callback (this loop's,
  // registered before the app's) to the first task after the frame's style, layout and paint.
  const ch = new w.MessageChannel();
  let start = 0;
  ch.port1.onmessage = () => { if (start) b.frameMs.push(w.performance.now() - start); start = 0; };
  const tick = (ts: number) => {
    if (b.on) { b.ticks.push(ts); start = w.performance.now(); ch.port2.postMessage(0); }
    w.requestAnimationFrame(tick);
  };
  w.requestAnimationFrame(tick);
  w.document.addEventListener('click', (e) => {
    const t = e.target as { closest?(s: string): { textContent: string | null } | null } | null;
    if (t?.closest?.('button')?.textContent?.trim() === 'Run') b.clickMs = w.performance.timeOrigin + e.timeStamp;
  }, true);
}

function resetPage(page: Page, keepTimes = true): Promise<void> {
  return page.evaluate((keep) => {
    const w = globalThis as unknown as PageWindow;
    const r = w.__labPerf;
    r.frames.length = 0; r.shown.length = 0; r.arrivals.length = 0; r.arrived = 0; r.keepTimes = keep; delete r.firstLaneMs;
    w.__bench.ticks = []; w.__bench.frameMs = []; w.__bench.longTasks = []; w.__bench.on = true; delete w.__bench.clickMs;
  }, keepTimes);
}

async function collect(page: Page) {
  return page.evaluate(() => {
    const w = globalThis as unknown as PageWindow;
    w.__bench.on = false;
    const r = w.__labPerf;
    return {
      ticks: w.__bench.ticks, frameMs: w.__bench.frameMs, longTasks: w.__bench.longTasks, clickMs: w.__bench.clickMs,
      work: r.frames.map((f) => f.workMs), firstLaneMs: r.firstLaneMs, arrived: r.arrived,
      shown: r.shown.map((s) => ({ at: s.onScreenMs, us: s.eventUs })),
      arrivals: r.arrivals.map((a) => ({ at: a.atMs, us: a.eventUs })),
    };
  });
}

const intervals = (ticks: number[]): number[] => ticks.slice(1).map((t, i) => t - ticks[i]);

/**
 * Runs a scenario from the UI twice: once watched on the wall clock, once under Chromium's
 * trace for the CPU figures (tracing slows the page: measured, it added 3-5 ms to the frame
 * time's 95th percentile, so no wall-clock figure comes from a traced run).
 */
async function watchRun(browser: Browser, page: Page, shell: Awaited<ReturnType<typeof startShell>>, title: string, params: Record<string, string | boolean>): Promise<WatchFigures> {
  const wall = await watchOnce(page, shell, title, params);
  await prepare(page, title, params);
  await resetPage(page);
  await startTrace(browser, page);
  await clickRun(page);
  await waitForEnd(page);
  return { ...wall, cpu: await stopTrace(browser) };
}

/** One run from the UI, the page watched while it runs. */
async function watchOnce(page: Page, shell: Awaited<ReturnType<typeof startShell>>, title: string, params: Record<string, string | boolean>): Promise<Omit<WatchFigures, 'cpu'>> {
  await prepare(page, title, params);
  await resetPage(page);
  await clickRun(page);
  const { status, runId } = await waitForEnd(page);
  await page.waitForTimeout(300);
  const c = await collect(page);
  const report = await api<{ startedAt: string; clockStartedAt?: string; eventCount: number; processes: unknown[] }>(shell, 'run', { runId });
  if (status !== 'completed') throw new Error(`the ${title} run ended ${status}`);
  // Events' t count from the run's clock, which starts once its processes are prepared.
  if (!report.clockStartedAt) throw new Error(`the ${title} run's report has no clockStartedAt`);
  const start = Date.parse(report.clockStartedAt);
  const lat: number[] = [];
  for (const s of c.shown) for (const us of s.us) lat.push(s.at - (start + us / 1000));
  const toPage: number[] = [];
  for (const a of c.arrivals) for (const us of a.us) toPage.push(a.at - (start + us / 1000));
  const gaps = intervals(c.ticks);
  return {
    events: report.eventCount, processes: report.processes.length, frames: gaps.length,
    frameP95Ms: pct(c.frameMs, 95), missedPct: (100 * gaps.filter((g) => g > 25).length) / Math.max(1, gaps.length),
    workP95Ms: pct(c.work, 95), longestTaskMs: Math.max(0, ...c.longTasks), longTasks: c.longTasks.length,
    eventToPixelP50Ms: pct(lat, 50), eventToPixelP95Ms: pct(lat, 95), eventToPixelMinMs: Math.min(...lat),
    eventToPageP50Ms: pct(toPage, 50), eventToPageP95Ms: pct(toPage, 95),
  };
}

function watchLine(w: WatchFigures): string {
  return `${w.frames} frames: frame time p95 ${w.frameP95Ms.toFixed(1)} ms, ${w.missedPct.toFixed(1)}% missed, charts' work p95 ${w.workP95Ms.toFixed(1)} ms, ` +
    `${w.longTasks} long tasks (longest ${w.longestTaskMs.toFixed(0)} ms); event to pixel p50 ${w.eventToPixelP50Ms.toFixed(0)} ms, p95 ${w.eventToPixelP95Ms.toFixed(0)} ms (min ${w.eventToPixelMinMs.toFixed(0)}; ` +
    `in the page after p50 ${w.eventToPageP50Ms.toFixed(0)}, p95 ${w.eventToPageP95Ms.toFixed(0)} ms); ` +
    cpuLine(w.cpu);
}

function cpuLine(c: CpuFigures): string {
  return `in CPU time: frame p95 ${c.frameCpuP95Ms.toFixed(1)} ms over ${c.frames} frames, longest task ${c.longestTaskCpuMs.toFixed(0)} ms, ${c.tasksOver50CpuMs} over 50 ms`;
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const h = await cdp.send('Runtime.getHeapUsage') as { usedSize: number };
  await cdp.detach();
  return h.usedSize / 1e6;
}

/** Has the page's catalogue answer list the internal `bench` scenario, so the UI can open it. */
function addBenchScenario(page: Page): Promise<unknown> {
  return page.route('**/api/scenarios', async (route) => {
    const res = await route.fetch();
    const body = await res.json() as { ok: boolean; value: ScenarioInfo[] };
    if (body.ok) body.value.push(benchScenarioInfo());
    await route.fulfill({ response: res, json: body });
  });
}

function benchScenarioInfo(): ScenarioInfo {
  const m = benchMeta;
  return {
    id: m.id, title: m.title, seed: m.seed, concepts: m.concepts, flagship: false, topic: m.topic,
    params: [...m.params, ...COMMON_PARAMS].map((p) => resolveParamSpec(p)),
    explanation: m.explanation, watch: m.watch, pitfalls: m.pitfalls,
  };
}

/** Zooms in three times, hovering across the lanes at each step, then back to the whole run and across again. */
async function browseChart(page: Page): Promise<void> {
  const plot = page.locator('canvas[data-layer="overlay"]');
  await plot.scrollIntoViewIfNeeded();
  const box = (await plot.boundingBox())!;
  for (let k = 0; k < 3; k++) {
    await page.getByRole('button', { name: 'Zoom in' }).click();
    for (let x = 0; x < box.width; x += 12) await page.mouse.move(box.x + x, box.y + 30 + ((x * 7) % Math.max(1, box.height - 40)));
  }
  await page.getByRole('button', { name: 'Whole run' }).click();
  for (let x = box.width; x > 0; x -= 8) await page.mouse.move(box.x + x, box.y + 30 + ((x * 5) % Math.max(1, box.height - 40)));
  await page.waitForTimeout(200);
}

export async function measureRenderer(progress: (s: string) => void = () => {}): Promise<RendererFigures> {
  buildApp(progress);
  const shell = await startShell();
  const browser = await launch();
  try {
    const { context, page, errors } = await openApp(browser, shell, { init: pageHooks, before: addBenchScenario });

    progress('renderer: a warm-up run (the pool of workers and the page\'s JIT)');
    await prepare(page, 'Who am I? A function called directly and in child processes', { children: '8', timeUnitMs: '20' });
    await clickRun(page);
    await waitForEnd(page);

    progress('renderer: clicking Run to the first lane on screen, whoami with 8 children (10 processes), 5 times');
    const firstLaneMs: number[] = [];
    for (let i = 0; i < 5; i++) {
      await prepare(page, 'Who am I? A function called directly and in child processes', { children: '8', timeUnitMs: '20' });
      // A student reads the form before pressing Run: meanwhile the back end readies the run's workers.
      await page.waitForTimeout(1500);
      await resetPage(page);
      await clickRun(page);
      await waitForEnd(page);
      await page.waitForTimeout(100);
      const c = await collect(page);
      if (c.clickMs === undefined || c.firstLaneMs === undefined) throw new Error('the page recorded no click or no lane');
      firstLaneMs.push(c.firstLaneMs - c.clickMs);
    }
    progress(`  ${firstLaneMs.map((x) => x.toFixed(0)).join(', ')} ms`);

    progress('renderer: a 64-process run (fork-loop, iterations=6, childExits=false), watched live');
    const fork64 = await watchRun(browser, page, shell, 'Forking in a loop', { iterations: '6', childExits: false, maxProcesses: '128', timeUnitMs: '100' });
    progress(`  ${fork64.processes} processes, ${fork64.events} events: ${watchLine(fork64)}`);

    progress('renderer: a run of about 100,000 events (event-flood, 60,000 items), watched live');
    const flood100k = await watchRun(browser, page, shell, benchMeta.title, { metric: 'event-flood', n: '60000' });
    progress(`  ${flood100k.events} events: ${watchLine(flood100k)}`);

    progress('renderer: those 100,000 events on screen: zoomed in and out, hovered across (then again, traced)');
    await resetPage(page);
    await browseChart(page);
    const on = await collect(page);
    await startTrace(browser, page);
    await browseChart(page);
    const onCpu = await stopTrace(browser);
    const onGaps = intervals(on.ticks);
    const onScreen100k = {
      frames: onGaps.length, frameP95Ms: pct(on.frameMs, 95), missedPct: (100 * onGaps.filter((g) => g > 25).length) / Math.max(1, onGaps.length),
      workP95Ms: pct(on.work, 95), longestTaskMs: Math.max(0, ...on.longTasks), cpu: onCpu,
    };
    progress(`  ${onScreen100k.frames} frames: frame time p95 ${onScreen100k.frameP95Ms.toFixed(1)} ms, ${onScreen100k.missedPct.toFixed(1)}% missed, charts' work p95 ${onScreen100k.workP95Ms.toFixed(1)} ms, longest task ${onScreen100k.longestTaskMs.toFixed(0)} ms; ${cpuLine(onCpu)}`);

    progress('renderer: the page\'s JavaScript heap after a 1,000,000-event run (event-flood, 600,000 items)');
    // A fresh page: what it holds before is the app alone.
    await context.close();
    const fresh = await openApp(browser, shell, { init: pageHooks, before: addBenchScenario });
    const beforeMb = await heapMb(fresh.page);
    await prepare(fresh.page, benchMeta.title, { metric: 'event-flood', n: '600000' });
    await resetPage(fresh.page, false);
    const t0 = Date.now();
    await clickRun(fresh.page);
    const end = await waitForEnd(fresh.page, 600_000);
    const seconds = (Date.now() - t0) / 1000;
    await fresh.page.waitForTimeout(500);
    const big = await collect(fresh.page);
    const report = await api<{ eventCount: number }>(shell, 'run', { runId: end.runId });
    const afterMb = await heapMb(fresh.page);
    errors.push(...fresh.errors);
    const heap = { events: report.eventCount, beforeMb, afterMb, longestTaskMs: Math.max(0, ...big.longTasks), seconds };
    progress(`  ${report.eventCount} events (${big.arrived} reached the page) in ${seconds.toFixed(1)} s: heap ${beforeMb.toFixed(1)} MB before, ${afterMb.toFixed(1)} MB after; longest task ${heap.longestTaskMs.toFixed(0)} ms`);
    await fresh.context.close();
    if (errors.length) throw new Error(`the page logged errors: ${errors.join('; ')}`);

    progress(`renderer: that run (${report.eventCount} events) replayed: opened from the history, then the time scrubber moved every frame`);
    const replay = await measureReplay(browser, shell, end.runId, report.eventCount, progress);
    return { fork64, flood100k, onScreen100k, firstLaneMs, heap, replay };
  } finally {
    await browser.close();
    await shell.stop();
  }
}

/** The figures as bench rows, and the targets judged (on `progress`). */
export async function rendererRows(progress: (s: string) => void): Promise<Row[]> {
  const f = await measureRenderer(progress);
  const row = (metric: string, unit: string, lab: number): Row => ({ metric, unit, lab: round(lab), python: null, ratio: null });
  const met = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const t = RENDERER_TARGETS;
  const median = pct(f.firstLaneMs, 50);
  const worstFrame = Math.max(f.fork64.frameP95Ms, f.flood100k.frameP95Ms, f.onScreen100k.frameP95Ms);
  const missed = Math.max(f.fork64.missedPct, f.flood100k.missedPct, f.onScreen100k.missedPct);
  const longest = Math.max(f.fork64.longestTaskMs, f.flood100k.longestTaskMs, f.onScreen100k.longestTaskMs);
  const e2p = Math.max(f.fork64.eventToPixelP95Ms, f.flood100k.eventToPixelP95Ms);
  progress('renderer targets');
  progress(`  frame time p95 ${worstFrame.toFixed(1)} ms (target < ${t.frameP95Ms}): ${met(worstFrame < t.frameP95Ms)} (at most ${missed.toFixed(1)}% of frames missed their vsync)`);
  progress(`  longest task ${longest.toFixed(0)} ms (target <= ${t.longTaskMs}): ${met(longest <= t.longTaskMs)}`);
  const cpuFrame = Math.max(f.fork64.cpu.frameCpuP95Ms, f.flood100k.cpu.frameCpuP95Ms, f.onScreen100k.cpu.frameCpuP95Ms);
  const cpuTask = Math.max(f.fork64.cpu.longestTaskCpuMs, f.flood100k.cpu.longestTaskCpuMs, f.onScreen100k.cpu.longestTaskCpuMs);
  progress(`  in CPU time (what the page spent, whatever else the machine ran): frame p95 ${cpuFrame.toFixed(1)} ms, longest task ${cpuTask.toFixed(0)} ms`);
  progress(`  (machine load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} CPUs as this section ended: wall-clock figures wait for the CPU)`);
  progress(`  event to pixel p95 ${e2p.toFixed(0)} ms (target < ${t.eventToPixelP95Ms}): ${met(e2p < t.eventToPixelP95Ms)}`);
  progress(`  Run to first lane median ${median.toFixed(0)} ms (target < ${t.firstLaneMs}): ${met(median < t.firstLaneMs)}`);
  const r = f.replay;
  progress(`  a stored ${r.events}-event run opened to its first chart in ${r.firstChartMs.toFixed(0)} ms (target < ${REPLAY_TARGETS.firstChartMs}): ${met(r.firstChartMs < REPLAY_TARGETS.firstChartMs)}`);
  const fps = Math.min(r.inWindow.fps, r.acrossRun.fps);
  progress(`  its time scrubber at ${r.inWindow.fps.toFixed(1)} frames/s over the window held, ${r.acrossRun.fps.toFixed(1)} across the whole run (target >= ${REPLAY_TARGETS.scrubFps}): ${met(fps >= REPLAY_TARGETS.scrubFps)}`);
  return [
    row('renderer-64proc-frame-p95', 'ms', f.fork64.frameP95Ms),
    row('renderer-64proc-work-p95', 'ms/frame', f.fork64.workP95Ms),
    row('renderer-64proc-longest-task', 'ms', f.fork64.longestTaskMs),
    row('renderer-64proc-frame-cpu-p95', 'ms CPU', f.fork64.cpu.frameCpuP95Ms),
    row('renderer-64proc-longest-task-cpu', 'ms CPU', f.fork64.cpu.longestTaskCpuMs),
    row('renderer-100k-live-frame-p95', 'ms', f.flood100k.frameP95Ms),
    row('renderer-100k-live-work-p95', 'ms/frame', f.flood100k.workP95Ms),
    row('renderer-100k-live-longest-task', 'ms', f.flood100k.longestTaskMs),
    row('renderer-100k-live-frame-cpu-p95', 'ms CPU', f.flood100k.cpu.frameCpuP95Ms),
    row('renderer-100k-live-longest-task-cpu', 'ms CPU', f.flood100k.cpu.longestTaskCpuMs),
    row('renderer-100k-on-screen-frame-p95', 'ms', f.onScreen100k.frameP95Ms),
    row('renderer-100k-on-screen-longest-task', 'ms', f.onScreen100k.longestTaskMs),
    row('renderer-100k-on-screen-frame-cpu-p95', 'ms CPU', f.onScreen100k.cpu.frameCpuP95Ms),
    row('renderer-event-to-pixel-p95', 'ms', e2p),
    row('renderer-run-to-first-lane', 'ms (median of 5)', median),
    row('renderer-heap-after-1m-events', 'MB', f.heap.afterMb),
    row('renderer-replay-1m-first-chart', 'ms', r.firstChartMs),
    row('renderer-replay-1m-first-state', 'ms', r.firstStateMs),
    row('renderer-replay-1m-scrub-window-fps', 'frames/s', r.inWindow.fps),
    row('renderer-replay-1m-scrub-window-p95', 'ms/frame', r.inWindow.frameP95Ms),
    row('renderer-replay-1m-scrub-run-fps', 'frames/s', r.acrossRun.fps),
    row('renderer-replay-1m-scrub-run-p95', 'ms/frame', r.acrossRun.frameP95Ms),
  ];
}

/** Only the replay's figures: the 1,000,000-event run made through the UI, then opened again. */
export async function measureReplayOnly(progress: (s: string) => void): Promise<ReplayFigures> {
  buildApp(progress);
  const shell = await startShell();
  const browser = await launch();
  try {
    const { context, page } = await openApp(browser, shell, { before: addBenchScenario });
    progress('replay: a 1,000,000-event run (event-flood, 600,000 items)');
    await prepare(page, benchMeta.title, { metric: 'event-flood', n: '600000' });
    await clickRun(page);
    const end = await waitForEnd(page, 600_000);
    await context.close();
    const report = await api<{ eventCount: number }>(shell, 'run', { runId: end.runId });
    return await measureReplay(browser, shell, end.runId, report.eventCount, progress);
  } finally {
    await browser.close();
    await shell.stop();
  }
}

if (require.main === module && process.argv.includes('--replay-only')) {
  const progress = (s: string) => process.stderr.write(`${s}\n`);
  measureReplayOnly(progress).then((f) => process.stdout.write(`${JSON.stringify(f, null, 2)}\n`), (e: Error) => {
    process.stderr.write(`replay bench: ${e.stack ?? e.message}\n`);
    process.exitCode = 1;
  });
} else if (require.main === module) {
  const progress = (s: string) => process.stderr.write(`${s}\n`);
  measureRenderer(progress).then((f) => process.stdout.write(`${JSON.stringify(f, null, 2)}\n`), (e: Error) => {
    process.stderr.write(`renderer bench: ${e.stack ?? e.message}\n`);
    process.exitCode = 1;
  });
}
