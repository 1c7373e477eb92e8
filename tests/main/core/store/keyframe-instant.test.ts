// A keyframe that falls between two changes of a process at the same instant: it blocks and
// is released in the same microsecond, the keyframe taken in between. The model that saw both
// forgets the block that lasted no time (the process is running since before it); a model
// rebuilt from the keyframe must do the same, or a window's stateAtStart says "running since
// now" where folding every event says "running since earlier". Written through the real
// writer threads into a real file.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { LabEvent } from '../../../../shared/events';
import { LiveModel } from '../../../../shared/live';
import { RunStore } from '../../../../main/core/store/run-store';
import { StoreWriter } from '../../../../main/core/store/store-writer';

const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'lab-keyframe-instant-')), 'lab.sqlite');

const proc = (seq: number, pid: number, name: string, parentPid: number | null): LabEvent => ({
  seq, t: seq, pid, ph: 'I', kind: 'life', obj: `proc:${pid}`, life: 'created', proc: { name, program: 'main', parentPid, daemon: false },
});

/** Two processes: one blocks on a get that times out in the same microsecond (seqs 4–5), the other sleeps for no time (7–8). */
const EVENTS: LabEvent[] = [
  proc(1, 10, 'MainProcess', null),
  { seq: 2, t: 2, pid: 10, ph: 'X', kind: 'op', obj: 'q', op: 'create', call: 2, object: { kind: 'Queue', label: 'q', maxsize: 0 }, state: { size: 0, waiters: 0 } },
  proc(3, 11, 'Process-1', 10),
  { seq: 4, t: 100, pid: 11, ph: 'B', kind: 'op', obj: 'q', op: 'get', call: 4, args: [true, null], state: { size: 0, waiters: 1 } },
  { seq: 5, t: 100, pid: 11, ph: 'E', kind: 'op', obj: 'q', op: 'get', call: 4, timedOut: true, error: { code: 'Empty', message: 'queue.Empty' }, state: { size: 0, waiters: 0 } },
  { seq: 6, t: 150, pid: 10, ph: 'X', kind: 'op', obj: 'q', op: 'put', call: 6, args: [7, true, null], state: { size: 1, waiters: 0 } },
  { seq: 7, t: 200, pid: 10, ph: 'B', kind: 'op', obj: 'clock', op: 'sleep', call: 7, args: [0] },
  { seq: 8, t: 200, pid: 10, ph: 'E', kind: 'op', obj: 'clock', op: 'sleep', call: 7 },
  { seq: 9, t: 300, pid: 11, ph: 'X', kind: 'op', obj: 'q', op: 'get', call: 9, args: [true, null], value: 7, item: 6, state: { size: 0, waiters: 0 } },
];

it('a window starting after a keyframe taken between a block and its release in the same microsecond starts from the state folding every event gives', async () => {
  await RunStore.open(file).close();
  // A keyframe right after seq 4 in one run, right after seq 7 in the other: each between a B and its E.
  for (const every of [4, 7]) {
    const writer = new StoreWriter(file);
    const runId = `run-every-${every}`;
    writer.begin({ id: runId, scenario: 'probe', params: {}, seed: 1, timeUnitMs: 1, appVersion: 'test', startedAt: new Date().toISOString(), hostPid: process.pid, keyframeEvery: every });
    writer.events(runId, EVENTS);
    await writer.flush();
    expect(writer.takeFailures(runId)).toEqual([]);
    await writer.close();
  }
  const store = RunStore.open(file, { readonly: true });
  try {
    for (const runId of ['run-every-4', 'run-every-7']) {
      for (let seq = 1; seq <= EVENTS.length + 1; seq++) {
        const whole = new LiveModel();
        whole.fold(EVENTS.slice(0, seq - 1));
        const page = store.queries.eventsPage(runId, { fromSeq: seq })!;
        expect(page.stateAtStart, `${runId}, window from seq ${seq}`).toEqual(whole.snapshot());
        // And a viewer that starts from that state, folding the window, reaches the end as one that saw everything.
        const viewer = LiveModel.fromSnapshot(JSON.parse(JSON.stringify(page.stateAtStart)) as typeof page.stateAtStart);
        viewer.fold(page.events);
        const all = new LiveModel();
        all.fold(EVENTS);
        expect(viewer.snapshot(), `${runId}, viewer from seq ${seq}`).toEqual(all.snapshot());
      }
    }
    // The case itself: running since its creation, the block of no time forgotten.
    expect(store.queries.eventsPage('run-every-4', { fromSeq: 6 })!.stateAtStart.processes.find((p) => p.pid === 11)).toMatchObject({ phase: 'running', since: 3 });
  } finally {
    await store.close();
  }
});
