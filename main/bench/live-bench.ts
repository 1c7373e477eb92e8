// The live model's figures (shared/live): folding long version-2 streams in batches of 200
// (µs per event, and the cost of a batch early and late in the run: flat, since no step is
// O(total)), a frame's batch of 500 on a model that holds 1,000,000 events, the three chart
// configs at 100,000 and 200,000 events, and the model's heap after 1,000,000 events.
// `node --expose-gc dist/main/bench/live-bench.js` prints them; run-bench.ts adds them as rows.
import { performance } from 'node:perf_hooks';
import { runChartConfigs } from '../../shared/charts/chart-configs';
import { LiveModel } from '../../shared/live';
import { FloodStream } from './live-flood';

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
  /** MB (heap and typed arrays) the 1,000,000-event model holds (null without --expose-gc). */
  heap1mMb: number | null;
}

const median = (xs: number[]): number => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

/** Folds `n` events of a fresh flood in batches, timing each fold (the generator is not timed). */
function foldTimed(n: number, batch: number): { model: LiveModel; stream: FloodStream; ms: number; batches: number[] } {
  const model = new LiveModel();
  const stream = new FloodStream();
  const batches: number[] = [];
  let ms = 0;
  for (let done = 0; done < n;) {
    const b = stream.next(Math.min(batch, n - done));
    done += b.length;
    const s = performance.now();
    model.fold(b);
    const d = performance.now() - s;
    ms += d;
    batches.push(d * 1000);
  }
  return { model, stream, ms, batches };
}

function chartsMs(model: LiveModel): number {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) { const t0 = performance.now(); runChartConfigs(model); times.push(performance.now() - t0); }
  return median(times);
}

export function measureLive(progress: (s: string) => void = () => {}): LiveFigures {
  const gc = (globalThis as { gc?: () => void }).gc;
  const best = (n: number) => {
    const runs = [foldTimed(n, 200), foldTimed(n, 200), foldTimed(n, 200)].sort((a, b) => a.ms - b.ms);
    return runs[0];
  };
  progress('live model: memory held after 1,000,000 events (measured first, in a quiet heap)');
  let heap1mMb: number | null = null;
  if (gc) {
    // Series, spans and arrows live in typed arrays: their bytes count as arrayBuffers, not heap.
    const used = (): number => { const u = process.memoryUsage(); return u.heapUsed + u.arrayBuffers; };
    gc(); gc();
    const before = used();
    let m: LiveModel | undefined = foldTimed(1_000_000, 500).model;
    gc(); gc();
    heap1mMb = (used() - before) / 1e6;
    if (m.progress.events < 1_000_000) throw new Error('bench: the flood fell short');
    m = undefined;
  }

  progress('live model: folding 100,000 and 1,000,000 synthetic version-2 events in batches of 200');
  const f100 = best(100_000);
  const events100k = f100.model.progress.events;
  const f1m = best(1_000_000);
  const events1m = f1m.model.progress.events;
  const tenth = Math.floor(f1m.batches.length / 10);

  progress('live model: frames of 500 events on top of 1,000,000');
  const frames: number[] = [];
  for (let i = 0; i < 50; i++) {
    const b = f1m.stream.next(500);
    const t0 = performance.now();
    f1m.model.fold(b);
    frames.push(performance.now() - t0);
  }

  progress('live model: chart configs at 100,000 and 200,000 events');
  const charts100kMs = chartsMs(f100.model);
  const charts200kMs = chartsMs(foldTimed(200_000, 500).model);
  return {
    fold100kUsPerEvent: (f100.ms * 1000) / events100k,
    fold1mUsPerEvent: (f1m.ms * 1000) / events1m,
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
    `model memory after 1,000,000 events: ${r(f.heap1mMb, 0)} MB (heap and typed arrays)`,
    '',
  ].join('\n'));
}
