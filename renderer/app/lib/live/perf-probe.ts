// An opt-in measurement hook for `npm run bench` (never on otherwise): when the page was
// started with `window.__labPerf = {}` (the bench sets it before the app loads), the live view
// records, per animation frame, its work (fold + paint) and which events it showed first, and
// the time that frame reached the screen (the start of the next frame), in epoch ms so the
// bench can compare it with the kernel's clock. See main/bench/renderer-bench.ts.
import type { LabEvent } from '../../../../shared/contract';

export interface PerfRecord {
  /** Per frame that painted: its rAF timestamp and the ms its work took. */
  frames: { ts: number; workMs: number }[];
  /** Per frame that showed new events: when it was on screen (epoch ms) and their times (µs, run clock). */
  shown: { onScreenMs: number; eventUs: number[] }[];
  /** Epoch ms when the first lane was on screen. */
  firstLaneMs?: number;
  /** Events that arrived (all pushes). */
  arrived: number;
  /** Per push that arrived: when (epoch ms) and its events' times (µs, run clock), while keepTimes. */
  arrivals: { atMs: number; eventUs: number[] }[];
  /** Keep the events' times (off for the million-event run, whose heap is what is measured). */
  keepTimes: boolean;
}

interface PerfWindow { __labPerf?: Partial<PerfRecord> }

let record: PerfRecord | null | undefined;

export function perfProbe(): PerfProbe | null {
  if (record === undefined) {
    const w = (typeof window === 'undefined' ? undefined : window) as PerfWindow | undefined;
    const r = w?.__labPerf;
    if (r) {
      r.frames = []; r.shown = []; r.arrivals = []; r.arrived = 0;
      r.keepTimes ??= true;
      record = r as PerfRecord;
    } else record = null;
  }
  return record ? probe : null;
}

const wallNow = (): number => performance.timeOrigin + performance.now();

const probe = {
  arrived(events: readonly LabEvent[]): void {
    const r = record!;
    r.arrived += events.length;
    if (r.keepTimes) r.arrivals.push({ atMs: wallNow(), eventUs: events.map((e) => e.t) });
  },

  frame(ts: number, startMs: number, endMs: number, batches: readonly (readonly LabEvent[])[], lanesOnScreen: boolean): void {
    const r = record!;
    r.frames.push({ ts, workMs: endMs - startMs });
    const first = lanesOnScreen && r.firstLaneMs === undefined;
    if (!batches.length && !first) return;
    const times: number[] = [];
    if (r.keepTimes) for (const b of batches) for (const e of b) times.push(e.t);
    // What this frame drew is on screen when the next frame starts.
    requestAnimationFrame(() => {
      const at = wallNow();
      if (first) r.firstLaneMs = at;
      if (batches.length) r.shown.push({ onScreenMs: at, eventUs: times });
    });
  },
};

export type PerfProbe = typeof probe;
