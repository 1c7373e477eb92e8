// A model built from a keyframe (the snapshot at seq K) and fed the events after K shows
// exactly what the model that folded everything shows, from K's moment on; and a snapshot
// fits the contract's schema.
import { describe, expect, it } from 'vitest';
import { runSnapshotSchema } from '../../../shared/contract/snapshot';
import type { LabEvent } from '../../../shared/events';
import { LiveModel, type LiveSnapshot } from '../../../shared/live';
import { classroomRun, massWakeRun, randomRun } from './support/streams';
import { viewFrom } from './support/views';

function foldAll(events: readonly LabEvent[], batch = 200, model = new LiveModel()): LiveModel {
  for (let i = 0; i < events.length; i += batch) model.fold(events.slice(i, i + batch));
  return model;
}

/** Cuts at each of `cuts`: snapshot (through JSON, as the store keeps it), rebuild, fold the rest. */
function checkCuts(events: readonly LabEvent[], cuts: number[]): void {
  const whole = foldAll(events);
  // One model goes through the run and is snapshotted at each cut, as the store keeps keyframes.
  const head = new LiveModel();
  for (const k of cuts) {
    head.fold(events.slice(head.atSeq, k));
    const snap = JSON.parse(JSON.stringify(head.snapshot())) as LiveSnapshot;
    expect(runSnapshotSchema.safeParse(snap).success).toBe(true);
    const resumed = foldAll(events.slice(k), 200, LiveModel.fromSnapshot(snap));
    expect(viewFrom(resumed, snap.atSeq, snap.atUs), `cut after seq ${k}`).toEqual(viewFrom(whole, snap.atSeq, snap.atUs));
  }
}

describe('keyframes', () => {
  it('snapshot + the events after it equals folding everything, cut after every event of the classroom run', () => {
    const { events } = classroomRun();
    checkCuts(events, [...events.keys()].map((i) => i + 1));
  }, 60_000);

  it('holds on random runs cut at many points', () => {
    for (const seed of [11, 12]) {
      const { events } = randomRun(seed, 10_000);
      const cuts = Array.from({ length: 30 }, (_, i) => Math.floor(((i + 0.5) * events.length) / 30));
      checkCuts(events, cuts);
    }
  }, 120_000);

  it('holds when the cut falls inside a wake of many waiters by one set or notify_all', () => {
    const { events } = massWakeRun(300);
    const set = events.findIndex((e) => e.op === 'set');
    const notify = events.findIndex((e) => e.op === 'notify_all');
    checkCuts(events, [set + 1, set + 2, set + 150, set + 290, notify + 1, notify + 200, notify + 299]);
  }, 60_000);

  it('snapshots every process and object with the contract\'s fields', () => {
    const run = classroomRun();
    const cut = run.events.findIndex((e) => e.op === 'notified') + 1;
    const snap = foldAll(run.events.slice(0, cut)).snapshot();
    const parsed = runSnapshotSchema.parse(snap);
    expect(parsed.atSeq).toBe(cut);
    expect(parsed.processes.map((p) => p.name)).toEqual(['MainProcess', 'producer', 'consumer', 'w1', 'w2', 'w1-helper', 'watcher']);
    const w1 = parsed.processes.find((p) => p.name === 'w1')!;
    expect(w1).toMatchObject({ phase: 'blocked', blockedOn: { obj: 'cond.lock', op: 're-acquire' }, parentPid: run.pids.main });
    const w2 = parsed.processes.find((p) => p.name === 'w2')!;
    expect(w2).toMatchObject({ phase: 'blocked', blockedOn: { obj: 'cond', op: 'wait' } });
    expect(parsed.objects.find((o) => o.info.label === 'q')).toMatchObject({ info: { maxsize: 2 }, state: { size: 0, waiters: 0 } });
    expect(parsed.objects.map((o) => o.info.label)).toEqual(['q', 'lock', 'cond.lock', 'cond', 'ready', 'pipe', 'tasks', 'names', 'ages', 'ns', 'counter.lock', 'counter', 'arr.lock', 'arr', 'sem']);
  });

  it('goes on from a plain RunSnapshot (no `live` part) without error, as far as it knows', () => {
    const { events } = randomRun(5, 6000);
    const k = 3000;
    const { live: _extras, ...plain } = runSnapshotSchema.parse(foldAll(events.slice(0, k)).snapshot());
    const resumed = foldAll(events.slice(k), 200, LiveModel.fromSnapshot(plain));
    const whole = foldAll(events);
    expect(resumed.snapshot().processes).toEqual(whole.snapshot().processes);
    expect(resumed.snapshot().objects).toEqual(whole.snapshot().objects);
    expect(resumed.progress.lastSeq).toBe(events.length);
  });
});
