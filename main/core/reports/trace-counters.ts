// Counter tracks of the shared objects, on the "shared objects" pseudo process: per object,
// the numbers in its state after each operation (queue size and waiters, semaphore value,
// lock held 0/1, event flag 0/1, list/dict size, ...). Every sample repeats the object's
// last known values, so each series stays continuous in viewers that fill gaps with 0.
import type { LabEvent, ObjectState } from '../../../shared/events';
import type { LogIndex } from '../../../shared/analysis/log-index';
import { SHARED_PID, tidOf, type TraceEvent } from './trace-event';

export function counterEvents(events: readonly LabEvent[], index: LogIndex): TraceEvent[] {
  const last = new Map<string, Record<string, number>>();
  const out: TraceEvent[] = [];
  for (const e of events) {
    if (e.kind !== 'op' || !e.state || !e.obj) continue;
    let label = e.obj;
    let values = numbers(e.state);
    if (e.op === 're-acquire') {
      // A notified Condition waiter got the lock back. Its state is the lock's, and the
      // lock is the condition's own: show only that the condition's lock is held again.
      label = index.beginOf.get(e.seq)?.obj ?? label;
      values = { held: values.held ?? 1 };
    }
    if (Object.keys(values).length === 0) continue;
    const merged = { ...last.get(label), ...values };
    last.set(label, merged);
    out.push({ name: label, cat: 'object', ph: 'C', ts: e.t, pid: SHARED_PID, tid: tidOf(SHARED_PID), args: { ...merged } });
  }
  return out;
}

function numbers(s: ObjectState): Record<string, number> {
  const v: Record<string, number> = {};
  if (s.size !== undefined) v.size = s.size;
  if (s.waiters !== undefined) v.waiters = s.waiters;
  if (s.unfinished !== undefined) v.unfinished = s.unfinished;
  if (s.value !== undefined) v.value = s.value;
  if (s.owner !== undefined) v.held = s.owner === null ? 0 : 1;
  if (s.flag !== undefined) v.flag = s.flag ? 1 : 0;
  return v;
}
