// The page's main thread as Chromium's own trace sees it, in CPU time (thread time): on a
// machine whose cores are shared, a frame that waited for the CPU looks long on the wall clock
// though the page did little; its thread time says what the page itself spent. Each frame's
// main-thread work is one ProxyMain::BeginMainFrame (animation callbacks, style, layout, paint,
// commit); each task is one RunTask.
import type { Browser, Page } from 'playwright-core';

export interface CpuFigures {
  frames: number;
  /** 95th percentile of a frame's main-thread CPU time, ms. */
  frameCpuP95Ms: number;
  /** The longest task in CPU time, ms, and how many took over 50 ms of CPU. */
  longestTaskCpuMs: number;
  tasksOver50CpuMs: number;
}

interface TraceEvent { name: string; ph: string; pid: number; tid: number; dur?: number; tdur?: number; args?: { name?: string } }

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'cc'];

export async function startTrace(browser: Browser, page: Page): Promise<void> {
  await browser.startTracing(page, { categories: CATEGORIES });
}

export async function stopTrace(browser: Browser): Promise<CpuFigures> {
  const buf = await browser.stopTracing();
  const parsed = JSON.parse(buf.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents ?? [];
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name) names.set(`${e.pid}:${e.tid}`, e.args.name);
  // The page's main thread: the renderer main thread that did the most frames.
  const frames = new Map<string, number[]>();
  const tasks = new Map<string, number[]>();
  for (const e of events) {
    const k = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || names.get(k) !== 'CrRendererMain') continue;
    const cpu = (e.tdur ?? e.dur ?? 0) / 1000;
    if (e.name === 'ProxyMain::BeginMainFrame') (frames.get(k) ?? frames.set(k, []).get(k)!).push(cpu);
    else if (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') (tasks.get(k) ?? tasks.set(k, []).get(k)!).push(cpu);
  }
  const main = [...frames.entries()].sort((a, b) => b[1].length - a[1].length)[0];
  const f = main?.[1] ?? [];
  const t = main ? tasks.get(main[0]) ?? [] : [];
  const sorted = [...f].sort((a, b) => a - b);
  return {
    frames: f.length,
    frameCpuP95Ms: sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))] : Number.NaN,
    longestTaskCpuMs: Math.max(0, ...t),
    tasksOver50CpuMs: t.filter((x) => x > 50).length,
  };
}
