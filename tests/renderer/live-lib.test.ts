// The live charts' plain parts: pixel-column binning, the zoom ladder and the window modes,
// the bounded event log the tooltips read, and the wait-for graph's layout (a deadlock's
// cycle marked, a missing wake-up said to be one).
import { describe, expect, it } from 'vitest';
import type { HangReport, LabEvent, ProcessRecord } from '../../shared/contract';
import { binCategories, binExtremes, type Steps } from '../../renderer/app/lib/live/bins';
import { EventLog } from '../../renderer/app/lib/live/event-log';
import { rungAtLeast, stepRung, ticks, xOf } from '../../renderer/app/lib/live/time-axis';
import { ViewWindow } from '../../renderer/app/lib/live/view-window';
import { layoutWaitFor } from '../../renderer/app/lib/live/wait-for-layout';

const steps = (starts: number[]): Steps => ({
  length: starts.length,
  startAt: (i) => starts[i],
  indexAt: (t) => { let i = -1; while (i + 1 < starts.length && starts[i + 1] <= t) i++; return i; },
});

describe('binning into pixel columns', () => {
  it('gives each column the category that covers most of it, merging equal columns', () => {
    // 10 µs a pixel: category 0 for 0–25, 1 for 25–27 (a sliver), 0 for 27–60, 2 for 60–100.
    const s = steps([0, 25, 27, 60]);
    const cats = [0, 1, 0, 2];
    const runs: [number, number, number][] = [];
    binCategories(s, (i) => cats[i], { fromUs: 0, toUs: 100, originUs: 0, usPerPx: 10 }, (c, c0, c1) => runs.push([c, c0, c1]));
    expect(runs).toEqual([[0, 0, 6], [2, 6, 10]]);
  });

  it('sees every step that reaches into the window, with its whole extent', () => {
    const seen: number[][] = [];
    binCategories(steps([0, 50, 120]), () => 0, { fromUs: 60, toUs: 130, originUs: 0, usPerPx: 10 }, () => {}, (i, x0, x1) => seen.push([i, x0, x1]));
    expect(seen).toEqual([[1, 5, 12], [2, 12, 13]]);
  });

  it('keeps a one-event spike in a column, and the value after it', () => {
    const s = steps([0, 31, 32, 70]);
    const vals = [1, 9, 1, 4];
    const out: number[][] = [];
    binExtremes(s, (i) => vals[i], { fromUs: 0, toUs: 100, originUs: 0, usPerPx: 10 }, (c0, c1, lo, hi, last) => out.push([c0, c1, lo, hi, last]));
    expect(out).toEqual([[0, 3, 1, 1, 1], [3, 4, 1, 9, 1], [4, 7, 1, 1, 1], [7, 10, 4, 4, 4]]);
  });
});

describe('the zoom ladder and the window', () => {
  it('climbs in steps of about a quarter, never below 1 µs a pixel', () => {
    expect(rungAtLeast(0.2)).toBe(1);
    expect(rungAtLeast(1.1)).toBe(1.25);
    expect(rungAtLeast(7000)).toBe(8000);
    expect(rungAtLeast(8000)).toBe(8000);
    expect(stepRung(1000, 3)).toBe(2000);
    expect(stepRung(1000, -3)).toBe(500);
    expect(stepRung(1, -5)).toBe(1);
  });

  it('labels ticks in seconds of run time at round moments', () => {
    const t = ticks({ originUs: 1_234_000, usPerPx: 1000, widthPx: 1000 }, 90);
    expect(t[0].label).toBe('1.3 s');
    expect(t.map((x) => x.us)).toEqual([1.3e6, 1.4e6, 1.5e6, 1.6e6, 1.7e6, 1.8e6, 1.9e6, 2e6, 2.1e6, 2.2e6]);
  });

  it('shows the whole of a growing run on a scale that stays put, then fits it exactly once it ended', () => {
    const w = new ViewWindow();
    const a = w.axis(1000, 401_000, 1000, true);
    const b = w.axis(1000, 402_000, 1000, true);
    expect(a).toEqual(b);
    expect(a.originUs).toBe(1000);
    expect(xOf(a, 402_000)).toBeLessThan(1000);
    expect(w.axis(1000, 401_000, 1000, false).usPerPx).toBe(400);
  });

  it('follows the end by whole pixels once zoomed in, and zooming out past the run shows it whole', () => {
    const w = new ViewWindow();
    const whole = w.axis(0, 1_000_000, 1000, true);
    w.zoom(whole, -6, null, 0, 1_000_000, true);
    expect(w.mode).toBe('follow');
    const a = w.axis(0, 1_000_000, 1000, true);
    const b = w.axis(0, 1_003_333, 1000, true);
    const shift = (b.originUs - a.originUs) / a.usPerPx;
    expect(Number.isInteger(shift)).toBe(true);
    expect(xOf(b, 1_003_333)).toBeLessThanOrEqual(1000);
    w.zoom(b, 20, null, 0, 1_003_333, true);
    expect(w.mode).toBe('whole');
  });

  it('stands still where the student zoomed or dragged', () => {
    const w = new ViewWindow();
    const whole = w.axis(0, 1_000_000, 1000, true);
    w.zoom(whole, -3, 250, 0, 1_000_000, true);
    expect(w.mode).toBe('still');
    const z = w.axis(0, 2_000_000, 1000, true);
    // The moment under the pointer stayed under it.
    expect(xOf(z, 250 * whole.usPerPx)).toBeCloseTo(250, 6);
    w.pan(z, 100, 0, 2_000_000);
    expect(w.axis(0, 2_000_000, 1000, true).originUs).toBeLessThan(z.originUs);
  });
});

describe('the event log of the tooltips', () => {
  const ev = (seq: number, t: number, extra: Partial<LabEvent> = {}): LabEvent => ({ seq, t, pid: 1, ph: 'X', kind: 'op', obj: 'q', op: 'put', call: seq, ...extra });

  it('keeps the newest events only, and finds an E by its call and a change by its time', () => {
    const log = new EventLog(100);
    const batch: LabEvent[] = [];
    for (let s = 1; s <= 250; s++) batch.push(s === 240 ? ev(s, s * 10, { ph: 'E', call: 230, state: { size: 1 } }) : ev(s, s * 10));
    log.add(batch);
    expect(log.get(150)).toBeUndefined();
    expect(log.get(151)?.seq).toBe(151);
    expect(log.endOf(230)?.seq).toBe(240);
    expect(log.findAt(2400, (e) => e.state !== undefined)?.seq).toBe(240);
    expect(log.findAt(2410, (e) => e.state !== undefined)).toBeUndefined();
    // Times never go back (the live model's clock): an event stamped earlier is found at the later time.
    log.add([ev(251, 100, { state: { size: 2 } })]);
    expect(log.timeOf(251)).toBe(2500);
    expect(log.findAt(2500, (e) => e.state?.size === 2)?.seq).toBe(251);
  });

  it('knows a run recorded in format 1 (no call on its operations)', () => {
    const log = new EventLog(10);
    log.add([{ seq: 1, t: 0, pid: 1, ph: 'I', kind: 'life', life: 'created', res: 'MainProcess', arg: 'main' }]);
    expect(log.formatV1).toBe(true);
  });
});

describe('the wait-for graph', () => {
  const procs = (list: [number, string, boolean?][]): ProcessRecord[] => list.map(([pid, name, ended]) => ({
    pid, name, program: 'p', parentPid: null, daemon: false, exitCode: null, signal: null, how: null, startMs: 0, endMs: ended ? 10 : null,
  }));

  it('marks a deadlock\'s cycle on its processes, its locks and the edges between them, and says it in words', () => {
    const hang: HangReport = {
      blocked: [
        { pid: 11, name: 'left', op: 'acquire', obj: 'fork-b', objKind: 'Lock', waitsFor: [12] },
        { pid: 12, name: 'right', op: 'acquire', obj: 'fork-a', objKind: 'Lock', waitsFor: [11] },
        { pid: 10, name: 'MainProcess', op: 'join', obj: 'proc:11', objKind: 'Process', waitsFor: [11] },
      ],
      cycle: [11, 12], orphanedLocks: [], summary: 'deadlock',
    };
    const g = layoutWaitFor(hang, procs([[10, 'MainProcess'], [11, 'left'], [12, 'right']]));
    const node = (id: string) => g.nodes.find((n) => n.id === id)!;
    expect(g.nodes.map((n) => n.id).sort()).toEqual(['o:fork-a', 'o:fork-b', 'p:10', 'p:11', 'p:12']);
    expect(['p:11', 'p:12', 'o:fork-a', 'o:fork-b'].map((id) => node(id).inCycle)).toEqual([true, true, true, true]);
    expect(node('p:10').inCycle).toBe(false);
    const cyc = g.edges.filter((e) => e.inCycle).map((e) => `${e.from}>${e.to}:${e.label}`).sort();
    expect(cyc).toEqual(['o:fork-a>p:11:held by', 'o:fork-b>p:12:held by', 'p:11>o:fork-b:acquire', 'p:12>o:fork-a:acquire']);
    expect(g.edges.find((e) => e.from === 'p:10')).toMatchObject({ to: 'p:11', label: 'join', inCycle: false });
    expect(g.cycle).toBe('left 11 waits in acquire on fork-b, held by right 12; right 12 waits in acquire on fork-a, held by left 11: none of them can go on.');
    // Nothing overlaps: every node has its own place.
    const places = new Set(g.nodes.map((n) => `${n.x},${n.y}`));
    expect(places.size).toBe(g.nodes.length);
    for (const n of g.nodes) { expect(n.x + n.w).toBeLessThanOrEqual(g.width); expect(n.y + n.h).toBeLessThanOrEqual(g.height); }
  });

  it('draws a missing wake-up without a cycle: consumers on an empty queue, the parent waiting at exit for them', () => {
    const hang: HangReport = {
      blocked: [
        { pid: 1, name: 'MainProcess', op: 'atexit', obj: 'proc:1', objKind: 'Process', waitsFor: [2, 3] },
        { pid: 2, name: 'consumer-1', op: 'get', obj: 'names', objKind: 'Queue', waitsFor: [] },
        { pid: 3, name: 'consumer-2', op: 'get', obj: 'names', objKind: 'Queue', waitsFor: [] },
      ],
      cycle: [], orphanedLocks: [{ obj: 'console', ownerPid: 4 }], summary: 'hung',
    };
    const g = layoutWaitFor(hang, procs([[1, 'MainProcess'], [2, 'consumer-1'], [3, 'consumer-2'], [4, 'producer', true]]));
    expect(g.cycle).toBe('');
    expect(g.edges.every((e) => !e.inCycle)).toBe(true);
    expect(g.edges.map((e) => `${e.from}>${e.to}:${e.label}`).sort()).toEqual([
      'o:console>p:4:held by (exited)', 'p:1>p:2:waits at exit for', 'p:1>p:3:waits at exit for', 'p:2>o:names:get', 'p:3>o:names:get',
    ]);
    expect(g.nodes.find((n) => n.id === 'o:names')!.detail).toBe('Queue · nothing left can wake it');
    expect(g.nodes.find((n) => n.id === 'p:4')!.detail).toBe('exited holding it');
    // The fan of "waits at exit for" says so once.
    expect(g.edges.filter((e) => e.label === 'waits at exit for' && e.showLabel)).toHaveLength(1);
    // Read left to right: the parent, then its children, then the queue.
    const x = (id: string) => g.nodes.find((n) => n.id === id)!.x;
    expect(x('p:1')).toBeLessThan(x('p:2'));
    expect(x('p:2')).toBeLessThan(x('o:names'));
  });
});
