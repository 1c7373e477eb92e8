// The charts are drawn from the live model: lanes in tree order, a track per object with its
// limit, calls per slice; a window clips them; long runs neither throw nor draw every point.
import { describe, expect, it } from 'vitest';
import { runChartConfigs, throughputConfig, timelineConfig, tracksConfig } from '../../../shared/charts/chart-configs';
import type { LabEvent } from '../../../shared/events';
import { LiveModel } from '../../../shared/live';
import { floodEvents } from '../../../main/bench/live-flood';
import { classroomRun } from '../live/support/streams';

const modelOf = (events: readonly LabEvent[]): LiveModel => {
  const m = new LiveModel();
  for (let i = 0; i < events.length; i += 500) m.fold(events.slice(i, i + 500));
  return m;
};
type Bar = { x: [number, number]; y: string; detail: string };
type XY = { x: number; y: number };

describe('chart configs from the live model', () => {
  const run = classroomRun();
  const m = modelOf(run.events);

  it('timeline: one row per process in tree order, bars per state with what it waited on', () => {
    const c = timelineConfig(m);
    expect(c.data.labels).toEqual([
      `MainProcess (${run.pids.main})`, `└ producer (${run.pids.prod})`, `└ consumer (${run.pids.cons})`, `└ w1 (${run.pids.w1})`,
      `\u2003└ w1-helper (${run.pids.helper})`, `└ w2 (${run.pids.w2})`, `└ watcher (${run.pids.daemon})`,
    ]);
    const byPhase: Record<string, Bar[]> = Object.fromEntries(c.data.datasets.map((d) => [d.label, d.data as unknown as Bar[]]));
    expect(Object.keys(byPhase)).toEqual(['running', 'blocked', 'sleeping']);
    const consumer = `└ consumer (${run.pids.cons})`;
    expect(byPhase.blocked.filter((b) => b.y === consumer).map((b) => b.detail)).toEqual(['get on q', 'recv on pipe', 'recv on pipe', 'acquire on sem', `atexit on proc:${run.pids.cons}`]);
    expect(byPhase.sleeping.map((b) => b.y)).toEqual([`MainProcess (${run.pids.main})`]);
    // Bars of one row do not overlap.
    for (const label of c.data.labels as string[]) {
      const bars = Object.values(byPhase).flat().filter((b) => b.y === label).sort((a, b) => a.x[0] - b.x[0]);
      for (let i = 1; i < bars.length; i++) expect(bars[i].x[0]).toBeGreaterThanOrEqual(bars[i - 1].x[1]);
    }
  });

  it('timeline and tracks: a window clips what they draw', () => {
    const fromUs = 1500, toUs = 2500;
    const c = timelineConfig(m, { fromUs, toUs });
    for (const d of c.data.datasets) for (const b of d.data as unknown as Bar[]) { expect(b.x[0]).toBeGreaterThanOrEqual(1.5); expect(b.x[1]).toBeLessThanOrEqual(2.5); }
    const t = tracksConfig(m, { fromUs, toUs });
    for (const d of t.data.datasets) for (const p of d.data as XY[]) { expect(p.x).toBeGreaterThanOrEqual(1.5); expect(p.x).toBeLessThanOrEqual(2.5); }
  });

  it('tracks: a stepped line per object (not a Condition\'s own lock), with its limit dashed', () => {
    const c = tracksConfig(m);
    const labels = c.data.datasets.map((d) => d.label);
    expect(labels).toEqual(['q', 'q maxsize', 'lock held', 'cond held', 'ready', 'pipe', 'tasks', 'names', 'ages', 'ns', 'counter', 'arr', 'sem', 'sem bound']);
    const q = c.data.datasets[0].data as XY[];
    expect(q.map((p) => p.y)).toEqual([0, 1, 2, 1, 2, 1, 0, 0]);
    expect((c.data.datasets[1].data as XY[]).map((p) => p.y)).toEqual([2, 2]);
    expect((c.data.datasets[2].data as XY[]).map((p) => p.y)).toEqual([0, 1, 0, 0]);
  });

  it('throughput: every call counted once, in the slice it began in', () => {
    const c = throughputConfig(m, 10);
    const counts = c.data.datasets[0].data as number[];
    expect(counts).toHaveLength(10);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(m.progress.ops);
  });
});

describe('long runs', () => {
  it('200,000 events draw without throwing, and tracks keep each slice\'s extremes', () => {
    const events = floodEvents(200_000);
    const m = modelOf(events);
    const c = runChartConfigs(m);
    expect(c.timeline.data.labels).toHaveLength(9);
    const q = c.tracks.data.datasets.find((d) => d.label === 'q')!.data as XY[];
    expect(q.length).toBeLessThanOrEqual(2002);
    // The deepest the queue ever got is still drawn.
    let deepest = 0;
    for (const e of events) if (e.obj === 'q' && e.state?.size !== undefined) deepest = Math.max(deepest, e.state.size);
    expect(Math.max(...q.map((p) => p.y))).toBe(deepest);
    expect((c.throughput.data.datasets[0].data as number[]).reduce((a, b) => a + b, 0)).toBe(m.progress.ops);
  });
});
