// The live model folds a version-2 stream into lanes, series, contents, arrows, transcript
// and progress; checked against a simulator that knows what really happened.
import { describe, expect, it } from 'vitest';
import type { LabEvent } from '../../../shared/events';
import { CONTENTS_BUDGET, laneSpans, LiveModel, UNSEEN, type Arrow } from '../../../shared/live';
import { classroomRun, massWakeRun, randomRun } from './support/streams';

const fold = (events: readonly LabEvent[], batch = 200): LiveModel => {
  const m = new LiveModel();
  for (let i = 0; i < events.length; i += batch) m.fold(events.slice(i, i + batch));
  return m;
};
const labels = (m: LiveModel, pid: number) => laneSpans(m, m.lanes.get(pid)!, 0, m.atUs).map((s) => s.state.label);

describe('process lanes', () => {
  const run = classroomRun();
  const m = fold(run.events);
  const { main, prod, cons, w1, w2, helper, daemon } = run.pids;

  it('nests every lane under its parent, children in creation order', () => {
    expect(m.lanes.tree().map((r) => [r.lane.name, r.depth])).toEqual([
      ['MainProcess', 0], ['producer', 1], ['consumer', 1], ['w1', 1], ['w1-helper', 2], ['w2', 1], ['watcher', 1],
    ]);
    expect(m.lanes.get(helper)).toMatchObject({ parentPid: w1, program: 'helper', daemon: false });
    expect(m.lanes.get(daemon)).toMatchObject({ daemon: true, how: 'daemon', signal: 'SIGTERM', exitCode: null });
  });

  it('shows each process running, blocked on which object doing what, sleeping, and how it ended', () => {
    expect(labels(m, cons)).toEqual(expect.arrayContaining(['get on q', 'recv on pipe', 'acquire on sem']));
    expect(labels(m, prod)).toContain('put on q');
    expect(labels(m, w2)).toContain('acquire on lock');
    expect(labels(m, main)).toEqual(expect.arrayContaining(['sleeping', 'spawn on kernel', 'join on tasks', 'join on proc:' + w1, 'atexit on proc:' + main]));
    expect(m.lanes.get(w2)).toMatchObject({ how: 'crashed', signal: 'SIGKILL', exitCode: null });
    expect(m.lanes.get(helper)).toMatchObject({ how: 'exit', exitCode: 3 });
    expect(m.lanes.live).toBe(0);
    expect(m.lanes.exitedCount).toBe(7);
    // Spans tile each life: back to back from creation to exit.
    for (const { lane } of m.lanes.tree()) {
      const spans = laneSpans(m, lane, 0, m.atUs);
      expect(spans[0].from).toBe(lane.createdUs);
      for (let i = 1; i < spans.length; i++) expect(spans[i].from).toBe(spans[i - 1].to);
      expect(spans.at(-1)!.to).toBe(lane.exitedUs);
    }
  });

  it('moves a Condition waiter from "wait on cond" to "re-acquire" at its notified instant', () => {
    const notified = run.events.find((e) => e.op === 'notified' && e.pid === w2)!;
    const spans = laneSpans(m, m.lanes.get(w2)!, 0, m.atUs);
    const i = spans.findIndex((s) => s.state.label === 're-acquire on cond.lock');
    expect(i).toBeGreaterThan(0);
    expect(spans[i - 1].state.label).toBe('wait on cond');
    expect(spans[i].from).toBe(notified.t);
    expect(spans[i].call).toBe(spans[i - 1].call);
    // A wait that times out moves the same way, with no notify.
    expect(labels(m, helper)).toEqual(expect.arrayContaining(['wait on cond', 're-acquire on cond.lock']));
  });
});

describe('object series and contents', () => {
  const run = classroomRun();
  const m = fold(run.events, 7);

  it('keeps each object\'s limits and a compact series per field', () => {
    expect(m.objects.get('q')!.info).toEqual({ kind: 'Queue', label: 'q', maxsize: 2 });
    expect(m.objects.get('sem')!.info).toMatchObject({ initial: 2, bound: 2 });
    expect(m.objects.get('cond')!.info).toMatchObject({ lock: 'cond.lock' });
    expect(m.objects.get('cond.lock')!.info).toMatchObject({ kind: 'Lock', partOf: 'cond' });
    for (const o of m.objects.all()) {
      for (const s of Object.values(o.series)) {
        for (let i = 1; i < s.length; i++) {
          expect(s.vAt(i)).not.toBe(s.vAt(i - 1));
          expect(s.tAt(i)).toBeGreaterThan(s.tAt(i - 1));
        }
      }
    }
    const depth = m.objects.get('q')!.series.size!;
    expect([...Array(depth.length).keys()].map((i) => depth.vAt(i))).toEqual([0, 1, 2, 1, 2, 1, 0]);
    const owner = m.objects.get('lock')!.series.owner!;
    expect([...Array(owner.length).keys()].map((i) => owner.vAt(i))).toEqual([0, run.pids.w1, run.pids.w2, 0]);
    expect(m.objects.get('ready')!.series.flag!.last).toBe(1);
    expect(m.objects.get('tasks')!.series.unfinished!.last).toBe(0);
  });

  it('keeps the contents the app shows as tables, equal to what the objects really hold', () => {
    const { names, ages, ns, counter, arr, q, pipe } = run.objects;
    const contents = (label: string) => m.objects.get(label)!.contents!.snapshot();
    expect(contents('names')).toEqual(names.truth());
    expect(contents('ages')).toEqual(ages.truth());
    expect(contents('ns')).toEqual(ns.truth());
    expect(contents('counter')).toEqual(counter.truth());
    // Array cells never read or written are not known.
    expect(contents('arr')).toEqual([null, 5, 7]);
    expect(arr.truth()).toEqual([0, 5, 7]);
    expect((contents('q') as { items: { seq: number }[] }).items.map((x) => x.seq)).toEqual(q.truth());
    const inPipe = (contents('pipe') as { items: { seq: number; item: string; end: number }[] }).items;
    expect(inPipe.map((x) => x.seq)).toEqual(pipe.truth());
    expect(inPipe[0]).toMatchObject({ item: 'left in flight', end: 0, pid: run.pids.cons });
  });

  it('marks list entries it has not seen, and learns them from reads', () => {
    const m2 = new LiveModel();
    const base = { pid: 1, kind: 'op' as const, ph: 'X' as const, obj: 'l' };
    m2.fold([
      { ...base, seq: 1, t: 1, op: 'create', call: 1, object: { kind: 'ManagerList', label: 'l', length: 3 }, state: { size: 3 } },
      { ...base, seq: 2, t: 2, op: 'get', call: 2, args: [1], value: 'b', state: { size: 3 } },
      { ...base, seq: 3, t: 3, op: 'append', call: 3, args: ['d'], value: null, state: { size: 4 } },
    ]);
    expect(m2.objects.get('l')!.contents!.snapshot()).toEqual([UNSEEN, 'b', UNSEEN, 'd']);
    m2.fold([{ ...base, seq: 4, t: 4, op: 'copy', call: 4, args: [], value: ['a', 'b', 'c', 'd'], state: { size: 4 } }]);
    expect(m2.objects.get('l')!.contents!.snapshot()).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('big contents in a keyframe', () => {
  it('are cut to a budget, and the model rebuilt from it learns the rest from later reads', () => {
    const base = { pid: 1, kind: 'op' as const, ph: 'X' as const, obj: 'l' };
    const items = Array.from({ length: 3000 }, (_, i) => `name number ${i}`);
    const events: LabEvent[] = [{ ...base, seq: 1, t: 1, op: 'create', call: 1, object: { kind: 'ManagerList', label: 'l', length: 0 }, state: { size: 0 } }];
    for (const x of items) events.push({ ...base, seq: events.length + 1, t: events.length + 1, op: 'append', call: events.length + 1, args: [x], value: null, state: { size: events.length } });
    const m = new LiveModel();
    m.fold(events);
    const snap = m.snapshot();
    expect(JSON.stringify(snap.objects[0].contents).length).toBeLessThan(CONTENTS_BUDGET * 1.2);
    const resumed = LiveModel.fromSnapshot(JSON.parse(JSON.stringify(snap)));
    const kept = resumed.objects.get('l')!.contents!.snapshot() as unknown[];
    expect(kept[0]).toBe('name number 0');
    const copy: LabEvent = { ...base, seq: events.length + 1, t: events.length + 1, op: 'copy', call: events.length + 1, args: [], value: items, state: { size: 3000 } };
    resumed.fold([copy]);
    m.fold([copy]);
    expect(resumed.snapshot().objects).toEqual(m.snapshot().objects);
    expect(resumed.summary()).toMatchObject({ events: 3002, processes: 1, live: 1 });
  });
});

describe('arrows', () => {
  it('come from the recorded links only, each end with its pid, t and seq', () => {
    const run = classroomRun();
    const m = fold(run.events);
    const bySeq = new Map(run.events.map((e) => [e.seq, e]));
    const arrows: Arrow[] = [...Array(m.arrows.length).keys()].map((i) => m.arrows.at(i));
    // One arrow per link: every item; every cause but a spawn's answer and a cause that is the item.
    const links = run.events.flatMap((e) => [
      ...(e.item !== undefined ? [[e.item, e.seq]] : []),
      ...(e.cause !== undefined && e.cause !== e.item && !(e.op === 'spawn' && e.ph === 'E') ? [[e.cause, e.seq]] : []),
    ]);
    expect(arrows.map((a) => [a.from.seq, a.to.seq])).toEqual(links);
    for (const a of arrows) {
      expect(a.from).toEqual({ seq: a.from.seq, pid: bySeq.get(a.from.seq)!.pid, t: bySeq.get(a.from.seq)!.t });
      expect(a.to).toEqual({ seq: a.to.seq, pid: bySeq.get(a.to.seq)!.pid, t: bySeq.get(a.to.seq)!.t });
    }
    expect(m.arrows.unresolved).toBe(0);
    const kinds = (k: string) => arrows.filter((a) => a.kind === k).map((a) => `${bySeq.get(a.from.seq)!.op ?? bySeq.get(a.from.seq)!.life}→${bySeq.get(a.to.seq)!.op ?? bySeq.get(a.to.seq)!.life}`);
    expect(new Set(kinds('item'))).toEqual(new Set(['put→get', 'send→recv']));
    expect(new Set(kinds('wake'))).toEqual(new Set(['get→put', 'release→acquire', 'notify_all→notified', 'release→re-acquire', 'set→wait', 'close→recv', 'task_done→join']));
    expect(new Set(kinds('spawn'))).toEqual(new Set(['spawn→created']));
    expect(new Set(kinds('exit'))).toEqual(new Set(['exited→join', 'exited→atexit']));
  });

  it('point each received item at the put or send that produced that same item (random runs)', () => {
    for (const seed of [1, 2, 3]) {
      const run = randomRun(seed, 20_000);
      const m = fold(run.events);
      expect(m.arrows.unresolved).toBe(0);
      const items = [...Array(m.arrows.length).keys()].map((i) => m.arrows.at(i)).filter((a) => a.kind === 'item');
      expect(items.length).toBe(run.sim.itemOf.size);
      expect(items.length).toBeGreaterThan(500);
      for (const a of items) expect(a.from.seq).toBe(run.sim.itemOf.get(a.to.seq));
    }
  });

  it('follow one set or notify_all that wakes more waiters than the recent events hold', () => {
    const run = massWakeRun(300);
    const m = fold(run.events);
    expect(m.arrows.unresolved).toBe(0);
    const arrows = [...Array(m.arrows.length).keys()].map((i) => m.arrows.at(i));
    const set = run.events.find((e) => e.op === 'set')!;
    const notify = run.events.find((e) => e.op === 'notify_all')!;
    expect(arrows.filter((a) => a.from.seq === set.seq).map((a) => a.to.pid)).toEqual(run.pids);
    expect(arrows.filter((a) => a.from.seq === notify.seq).map((a) => a.to.pid)).toEqual(run.pids);
  });

  it('draws none for a link it cannot resolve, and counts it', () => {
    const m = new LiveModel();
    m.fold([{ seq: 5, t: 5, pid: 1, ph: 'X', kind: 'op', obj: 'q', op: 'get', call: 5, item: 2, args: [true, null], value: 1 }]);
    expect(m.arrows.length).toBe(0);
    expect(m.arrows.unresolved).toBe(1);
  });
});

describe('transcript and progress', () => {
  const run = classroomRun();
  const m = fold(run.events, 13);

  it('keeps print and error lines with their process, filterable by process', () => {
    expect(m.transcript.query().map((l) => [l.name, l.kind, l.text])).toEqual([
      ['w1', 'print', 'w1 says hello'], ['w1-helper', 'print', 'helper says hello'],
      ['w2', 'error', 'Traceback: something went wrong'], ['w2', 'error', 'w2 (pid) was killed by SIGKILL before its program finished'],
    ]);
    expect(m.transcript.query({ pid: run.pids.w2 }).map((l) => l.op)).toEqual(['traceback', 'crash']);
    expect(m.transcript.query({ pid: run.pids.w1 })).toHaveLength(1);
    const t = m.transcript.at(1).t;
    expect(m.transcript.query({ fromUs: t }).map((l) => l.text)[0]).toBe('helper says hello');
    expect(m.transcript.query({ limit: 1 })).toHaveLength(1);
  });

  it('counts events, calls, errors and processes', () => {
    const p = m.progress;
    expect(p.events).toBe(run.events.length);
    expect(p.lastSeq).toBe(run.events.length);
    expect(p.lastT).toBe(run.events.at(-1)!.t);
    expect(p.ops).toBe(run.events.filter((e) => e.kind === 'op' && (e.ph === 'X' || e.ph === 'B')).length);
    expect(p.errors).toBe(2);
    expect([m.lanes.size, m.lanes.live, m.lanes.exitedCount]).toEqual([7, 0, 7]);
    let total = 0;
    for (let i = 0; i < p.rate.buckets; i++) total += p.rate.count(i);
    expect(total).toBe(p.ops);
  });
});
