// The live model's figures (shared/live): folding long version-2 streams in batches of 200
// (µs per event, and the cost of a batch early and late in the run: flat, since no step is
// O(total)), a frame's batch of 500 on a model that holds 1,000,000 events, the three chart
// configs at 100,000 and 200,000 events, and the model's heap after 1,000,000 events.
// `node --expose-gc dist/main/bench/live-bench.js` prints them; run-bench.ts adds them as rows.
import { performance } from 'node:perf_hooks';
import { runChartConfigs } from '../../shared/charts/chart-configs';
import type { LabEvent } from '../../shared/events';
import { LiveModel } from '../../shared/live';
import { floodEvents } from './live-flood';

export interface LiveFigures {
  /** µs per event folding 100,000 / 1,000,000 events in batches of 200 (best of 3). */
  fold100kUsPerEvent: number;
  fold1mUsPerEvent: number;
  /** Median µs per 200-event batch over the first and the last 10% of the 1,000,000. */
  earlyBatchUs: number;
  lateBatchUs: number;
  /** ms to fold one batch of 500 into a model that already holds 1,000,000 events (median of 50). */
  frame500Ms: number;
  /** ms to build the three chart configs from a folded model. */
  charts100kMs: number;
  charts200kMs: number;
  /** MB of heap the 1,000,000-event model holds (null without --expose-gc). */
  heap1mMb: number | null;
}

const median = (xs: number[]): number => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

function foldTimed(events: readonly LabEvent[], batch: number, model = new LiveModel()): { model: LiveModel; ms: number; batches: number[] } {
  const batches: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < events.length; i += batch) {
    const b = events.slice(i, i + batch);
    const s = performance.now();
    model.fold(b);
    batches.push((performance.now() - s) * 1000);
  }
  return { model, ms: performance.now() - t0, batches };
}

function chartsMs(model: LiveModel): number {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) { const t0 = performance.now(); runChartConfigs(model); times.push(performance.now() - t0); }
  return median(times);
}

export function measureLive(progress: (s: string) => void = () => {}): LiveFigures {
  const gc = (globalThis as { gc?: () => void }).gc;
  progress('live model: generating 1,100,000 synthetic version-2 events');
  const all = floodEvents(1_100_000);
  const million = all.slice(0, 1_000_000);
  const k100 = all.slice(0, 100_000);
  const k200 = all.slice(0, 200_000);

  const best = (events: LabEvent[]) => {
    let runs: ReturnType<typeof foldTimed>[] = [];
    for (let i = 0; i < 3; i++) runs.push(foldTimed(events, 200));
    runs = runs.sort((a, b) => a.ms - b.ms);
    return runs[0];
  };
  progress('live model: folding 100,000 and 1,000,000 events in batches of 200');
  const f100 = best(k100);
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const f1m = best(million);
  gc?.();
  const heap1mMb = gc ? (process.memoryUsage().heapUsed - heapBefore) / 1e6 : null;
  const tenth = Math.floor(f1m.batches.length / 10);

  progress('live model: frames of 500 events on top of 1,000,000');
  const frames: number[] = [];
  const rest = all.slice(1_000_000);
  for (let i = 0; i < 50; i++) {
    const b = rest.slice(i * 500, (i + 1) * 500);
    const t0 = performance.now();
    f1m.model.fold(b);
    frames.push(performance.now() - t0);
  }

  progress('live model: chart configs at 100,000 and 200,000 events');
  const charts100kMs = chartsMs(f100.model);
  const charts200kMs = chartsMs(foldTimed(k200, 500).model);
  return {
    fold100kUsPerEvent: (f100.ms * 1000) / k100.length,
    fold1mUsPerEvent: (f1m.ms * 1000) / million.length,
    earlyBatchUs: median(f1m.batches.slice(0, tenth)),
    lateBatchUs: median(f1m.batches.slice(-tenth)),
    frame500Ms: median(frames),
    charts100kMs, charts200kMs, heap1mMb,
  };
}

if (require.main === module) {
  const f = measureLive((s) => process.stderr.write(`${s}\n`));
  const r = (x: number | null, d = 2) => (x === null ? 'n/a (run with --expose-gc)' : x.toFixed(d));
  process.stdout.write([
    `fold 100,000 events, batches of 200: ${r(f.fold100kUsPerEvent, 3)} µs/event`,
    `fold 1,000,000 events, batches of 200: ${r(f.fold1mUsPerEvent, 3)} µs/event`,
    `  a 200-event batch: median ${r(f.earlyBatchUs, 0)} µs in the first 10%, ${r(f.lateBatchUs, 0)} µs in the last 10%`,
    `a frame (500 events) on a 1,000,000-event model: ${r(f.frame500Ms, 3)} ms`,
    `chart configs: ${r(f.charts100kMs, 1)} ms at 100,000 events, ${r(f.charts200kMs, 1)} ms at 200,000`,
    `model heap after 1,000,000 events: ${r(f.heap1mMb, 0)} MB`,
    '',
  ].join('\n'));
}
