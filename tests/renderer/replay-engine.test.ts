// The replay's engine (renderer/app/lib/replay) against a real service over a real history file
// with a real run of several keyframes: the state it shows at moments asked in any order (on,
// back, far away) is the state the whole run's events folded up to that moment give; playing on
// to the end reads page after page and keeps what it holds bounded; steps find the events of a
// process past either end of the window; and the window's and overview's plain arithmetic.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChartBucket, LabClient, LabEvent, RunSnapshot } from '../../shared/contract';
import { LiveModel } from '../../shared/live';
import { NodeForkPort } from '../../main/core/process-port/node-fork-port';
import { LabService } from '../../main/core/service/lab-service';
import { ReplayEngine, type ReplayListener, type ReplayOptions } from '../../renderer/app/lib/replay/replay-engine';
import { windowStart } from '../../renderer/app/lib/replay/replay-source';
import { ReplayWindow } from '../../renderer/app/lib/replay/replay-window';
import { WindowLookup } from '../../renderer/app/lib/replay/window-lookup';

const dir = mkdtempSync(path.join(os.tmpdir(), 'lab-replay-engine-'));
const service = new LabService({ port: new NodeForkPort(), history: { file: path.join(dir, 'lab.sqlite') }, warmWorkers: 2 });
afterAll(() => service.close());

/** The service as the page's transport hands it over, counting the events it sends. */
let sent = 0;
const lab = {
  events: async (a: { runId: string; window: object }) => {
    const r = await service.events(a.runId, a.window);
    if (r.ok) sent += r.value.events.length;
    return r;
  },
  chart: (a: { runId: string; fromUs: number; toUs: number; buckets: number }) => service.chart(a.runId, a.fromUs, a.toUs, a.buckets),
  tables: (a: { runId: string }) => service.tables(a.runId),
} as unknown as LabClient;

let runId: string;
let events: LabEvent[];
let clocks: number[];

beforeAll(async () => {
  const started = service.start({ scenario: 'shared-memory', params: { procs: 6, raceIncrements: 1000, timeUnitMs: 1, seed: 21 } });
  if (!started.ok) throw new Error(started.error.message);
  runId = started.value.runId;
  const done = await service.finished(runId);
  if (!done.ok) throw new Error(done.error.message);
  const all = await service.events(runId, { fromSeq: 0, limit: 200_000 });
  if (!all.ok) throw new Error(all.error.message);
  events = all.value.events;
  let c = 0;
  clocks = events.map((e) => (c = Math.max(c, e.t)));
}, 120_000);

async function until(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(ok()).toBe(true);
}

/** The state at `us` folded from the run's first event. */
function reference(us: number): RunSnapshot {
  const m = new LiveModel();
  m.fold(events.filter((_, i) => clocks[i] <= us));
  return m.snapshot();
}

/** The parts of a state the page shows: every process and object, and the last event folded. */
const shown = (s: RunSnapshot) => ({ atSeq: s.atSeq, processes: s.processes, objects: s.objects });

function engineFor(options: ReplayOptions): { engine: ReplayEngine; at: (us: number) => Promise<RunSnapshot>; windows: ReplayWindow[] } {
  let waiting: { us: number; resolve: () => void } | null = null;
  const windows: ReplayWindow[] = [];
  const listener: ReplayListener = {
    rebuilt: () => {}, advanced: () => {}, loading: () => {},
    window: (w) => { windows.push(w); },
    shown: (us) => { if (waiting && waiting.us === us) { waiting.resolve(); waiting = null; } },
    failed: (m) => { throw new Error(m); },
  };
  const engine = new ReplayEngine(lab, runId, listener, options);
  return {
    engine, windows,
    async at(us) {
      const done = new Promise<void>((resolve) => { waiting = { us, resolve }; });
      engine.moveTo(us);
      await done;
      return engine.model!.snapshot();
    },
  };
}

describe('the replay engine on a run of several keyframes', () => {
  it('shows at moments asked in any order the state folded from the run\'s start', async () => {
    expect(events.length).toBeGreaterThan(20_000);
    const { engine, at, windows } = engineFor({ wholeRunEvents: 1_000, windowEvents: 2_000, quickEvents: 300, restMs: 1, pageEvents: 1_000 });
    expect((await engine.open()).ok).toBe(true);
    expect(engine.extent).toEqual({ firstUs: events[0].t, lastUs: clocks[clocks.length - 1], lastSeq: events[events.length - 1].seq });
    const overview = await engine.readOverview(400);
    expect(overview.ok).toBe(true);
    const first = engine.extent.firstUs, last = engine.extent.lastUs;
    // On, back a little (the model built again from its window's start), far away (another
    // window), the very end, before the first event, and moments that are events' own clocks.
    const moments = [0.5, 0.52, 0.51, 0.9, 0.1, 1, 0, 0.75].map((f) => first + f * (last - first));
    moments.push(clocks[12_345], clocks[12_345] - 0.5, clocks[20_000]);
    sent = 0;
    let quick = 0;
    for (const us of moments) {
      const held = engine.window?.covers(us) ?? false;
      expect(shown(await at(us)), `at ${us}`).toEqual(shown(reference(us)));
      if (held) continue;
      // First from a quick window read around it, then from the full one read once it rested.
      expect(engine.window!.quick).toBe(true);
      quick++;
      await until(() => !engine.window!.quick);
      expect(engine.window!.length).toBeGreaterThan(300);
      expect(shown(engine.model!.snapshot()), `at ${us}, the full window`).toEqual(shown(reference(us)));
    }
    expect(quick).toBeGreaterThan(4);
    // Windows of the sizes asked, each begun from the state the store kept before it (only
    // those around the first moments begin at the run's start).
    expect(windows.every((w) => w.length <= (w.quick ? 300 : 2_000))).toBe(true);
    expect(windows.filter((w) => w.firstSeq > 1).length).toBeGreaterThan(8);
    expect(sent).toBeLessThan(events.length);
  }, 60_000);

  it('plays on to the end a page at a time, holding a bounded window', async () => {
    const { engine, at, windows } = engineFor({ wholeRunEvents: 1_000, windowEvents: 2_000, quickEvents: 2_000, restMs: 150, pageEvents: 1_000 });
    await engine.open();
    await engine.readOverview(400);
    await at(clocks[3_000]);
    const read = windows.length;
    let most = 0;
    for (let guard = 0; guard < 10_000; guard++) {
      if (engine.canExtend && engine.ahead < 500) await engine.extend();
      most = Math.max(most, engine.window!.length);
      const next = engine.momentAfter(700);
      if (next === null) { if (!engine.canExtend) break; continue; }
      await at(next);
    }
    expect(engine.shownUs).toBe(clocks[clocks.length - 1]);
    expect(shown(engine.model!.snapshot())).toEqual(shown(reference(engine.shownUs)));
    // Grown past three windows, the window started again from the state shown.
    expect(most).toBeLessThanOrEqual(3 * 2_000 + 1_000);
    const started = new Set(windows.slice(read - 1));
    expect(started.size).toBeGreaterThan(2);
    expect([...started].pop()!.firstSeq).toBeGreaterThan(events.length / 2);
    // Back again from there: the window it started again at holds its own start state.
    const back = clocks[events.length - 4_000];
    expect(shown(await at(back))).toEqual(shown(reference(back)));
  }, 60_000);

  it('finds a process\'s next and previous events past the window\'s ends', async () => {
    const { engine, at } = engineFor({ wholeRunEvents: 1_000, windowEvents: 2_000, quickEvents: 2_000, restMs: 150, pageEvents: 1_000 });
    await engine.open();
    await engine.readOverview(400);
    const mid = clocks[Math.floor(events.length / 2)];
    await at(mid);
    const w = engine.window!;
    const pids = [...new Set(events.map((e) => e.pid))].filter((p) => p !== 0);
    let beyond = 0;
    for (const pid of pids) {
      const next = events.findIndex((e, i) => e.pid === pid && clocks[i] > mid);
      let prev = -1;
      events.forEach((e, i) => { if (e.pid === pid && clocks[i] < mid) prev = i; });
      const n = await engine.findStep({ kind: 'process', pid }, 1);
      const p = await engine.findStep({ kind: 'process', pid }, -1);
      expect(n).toEqual({ ok: true, value: next < 0 ? null : clocks[next] });
      expect(p).toEqual({ ok: true, value: prev < 0 ? null : clocks[prev] });
      if ((next >= 0 && events[next].seq > w.lastSeq) || (prev >= 0 && events[prev].seq < w.firstSeq)) beyond++;
    }
    // Some of them lay outside the window (children that ended long before, or start after).
    expect(beyond).toBeGreaterThan(0);
    const objects = await engine.findStep({ kind: 'object', label: 'value' }, 1);
    expect(objects).toEqual({ ok: true, value: clocks[events.findIndex((e, i) => e.obj === 'value' && clocks[i] > mid)] ?? null });
  }, 60_000);
});

describe('a lab that keeps no history', () => {
  it('says why the run cannot be replayed, and reads nothing more', async () => {
    const bare = new LabService({ port: new NodeForkPort(), history: null, warmWorkers: 0 });
    try {
      let asked = 0;
      const client = { events: (a: { runId: string; window: object }) => { asked++; return bare.events(a.runId, a.window); } } as unknown as LabClient;
      const engine = new ReplayEngine(client, 'any', { rebuilt() {}, advanced() {}, window() {}, shown() {}, loading() {}, failed() {} });
      const r = await engine.open();
      expect(r).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      expect(asked).toBe(2);
      expect(engine.window).toBeNull();
    } finally {
      await bare.close();
    }
  });
});

describe('a window\'s arithmetic', () => {
  const start: RunSnapshot = { atSeq: 10, atUs: 500, processes: [], objects: [] };
  const ev = (seq: number, t: number) => ({ seq, t, pid: 1, ph: 'I', kind: 'print', text: 'x' }) as LabEvent;

  it('times its events on the model\'s clock and knows which moments it holds', () => {
    // An event stamped earlier than the one before it (an operation stamped when it began) keeps the clock.
    const w = new ReplayWindow(start, [ev(11, 600), ev(12, 550), ev(13, 700), ev(14, 700)], null);
    expect([0, 1, 2, 3].map((i) => w.clockAt(i))).toEqual([600, 600, 700, 700]);
    expect([w.countAt(499), w.countAt(500), w.countAt(600), w.countAt(699), w.countAt(700)]).toEqual([0, 0, 2, 2, 4]);
    expect(w.countBefore(700)).toBe(2);
    expect(w.covers(499)).toBe(false);
    expect(w.covers(500)).toBe(true);
    // More may follow at 700: only moments before it are known.
    expect(w.covers(699.9)).toBe(true);
    expect(w.covers(700)).toBe(false);
    expect(w.heldUntil).toBe(600);
    w.append([ev(15, 800)], Infinity);
    expect(w.covers(700)).toBe(true);
    expect(w.covers(1e12)).toBe(true);
    expect(w.reachesEnd).toBe(true);
    expect(w.nextMatch(600, (e) => e.seq >= 13)).toBe(2);
    expect(w.previousMatch(700, () => true)).toBe(1);
  });

  it('answers the tooltips from the events folded, never from one after the moment shown', () => {
    const call = (seq: number, t: number, ph: 'B' | 'E') => ({ seq, t, pid: 2, ph, kind: 'op', op: 'get', obj: 'q', call: 11 }) as LabEvent;
    const w = new ReplayWindow(start, [call(11, 600, 'B'), ev(12, 650), call(13, 700, 'E')], Infinity);
    let folded = 2;
    const lookup = new WindowLookup({ window: () => w, folded: () => folded });
    expect(lookup.get(11)?.seq).toBe(11);
    expect(lookup.get(13)).toBeUndefined();
    expect(lookup.endOf(11)).toBeUndefined();
    expect(lookup.findAt(700, () => true)).toBeUndefined();
    expect(lookup.timeOf(12)).toBe(650);
    folded = 3;
    expect(lookup.endOf(11)?.seq).toBe(13);
    expect(lookup.findAt(700, (e) => e.ph === 'E')?.seq).toBe(13);
    expect(lookup.get(10)).toBeUndefined();
    expect(lookup.formatV1).toBe(false);
  });

  it('starts a window where the overview puts about the events asked before the moment', () => {
    const slices: ChartBucket[] = [0, 1, 2, 3, 4].map((i) => ({ fromUs: i * 100, toUs: i * 100 + 99, ops: 10, objects: {} }));
    expect(windowStart(null, 250, 15)).toBe(250);
    expect(windowStart(slices, 250, 4)).toBe(200);
    expect(windowStart(slices, 250, 15)).toBe(100);
    expect(windowStart(slices, 250, 25)).toBe(0);
    expect(windowStart(slices, 250, 1_000)).toBe(0);
  });
});
