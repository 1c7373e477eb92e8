// Counter tracks of the shared objects, on the "shared objects" pseudo process, from the live
// model's object series: per object, its numbers whenever one of them changed (queue size,
// waiters and unfinished tasks, semaphore or Value value, lock held 0/1, event flag 0/1,
// list/dict size, ...). Every sample repeats the object's other values in force, so each
// series stays continuous in viewers that fill gaps with 0.
import { TRACK_FIELDS, type TrackField, type TrackedObject } from '../../../shared/live';
import type { FoldedRun } from './trace-fold';
import { SHARED_PID, tidOf, type TraceEvent } from './trace-event';

/** A field's name on the counter track (a lock's owner pid shows as held 0/1). */
const COUNTER_NAME: Record<TrackField, string> = { size: 'size', unfinished: 'unfinished', value: 'value', owner: 'held', waiters: 'waiters', flag: 'flag' };

export function counterEvents(run: FoldedRun): TraceEvent[] {
  const out: TraceEvent[] = [];
  // One by one: a busy object has more samples than a call can take as spread arguments.
  for (const o of run.model.objects.all()) for (const e of objectCounters(o)) out.push(e);
  return out;
}

function objectCounters(o: TrackedObject): TraceEvent[] {
  const fields = TRACK_FIELDS.filter((f) => o.series[f] && o.series[f].length > 0);
  if (fields.length === 0) return [];
  // Merge the fields' step series by time: one sample per instant any of them changed.
  const next = fields.map(() => 0);
  const values: Record<string, number> = {};
  const out: TraceEvent[] = [];
  for (;;) {
    let t = Infinity;
    fields.forEach((f, i) => { const s = o.series[f]!; if (next[i] < s.length) t = Math.min(t, s.tAt(next[i])); });
    if (t === Infinity) return out;
    fields.forEach((f, i) => {
      const s = o.series[f]!;
      if (next[i] < s.length && s.tAt(next[i]) === t) {
        const v = s.vAt(next[i]++);
        values[COUNTER_NAME[f]] = f === 'owner' ? (v === 0 ? 0 : 1) : v;
      }
    });
    out.push({ name: o.label, cat: 'object', ph: 'C', ts: t, pid: SHARED_PID, tid: tidOf(SHARED_PID), args: { ...values } });
  }
}
