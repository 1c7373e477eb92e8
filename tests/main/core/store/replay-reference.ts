// What a replay must give, computed from a run's events alone: the chart slice a window's
// buckets must merge into, and the live model's state just before any seq (folding every
// event before it, one by one, from the run's start).
import type { ChartBucket, RunSnapshot } from '../../../../shared/contract';
import type { LabEvent } from '../../../../shared/events';
import { LiveModel, TRACK_FIELDS, fieldNumber } from '../../../../shared/live';

/** Per event, the live model's clock: its t, never earlier than an event before it. */
export function clocks(events: readonly LabEvent[]): number[] {
  let c = 0;
  return events.map((e) => (c = Math.max(c, e.t)));
}

/** What one slice of a chart must hold, computed from the events alone. */
export function expectedSlice(events: readonly LabEvent[], clock: number[], fromUs: number, toUs: number): Pick<ChartBucket, 'ops' | 'objects'> {
  const out: Pick<ChartBucket, 'ops' | 'objects'> = { ops: 0, objects: {} };
  events.forEach((e, i) => {
    if (clock[i] < fromUs || clock[i] > toUs || e.kind !== 'op') return;
    out.ops++;
    if (!e.obj || !e.state) return;
    for (const f of TRACK_FIELDS) {
      const v = fieldNumber(e.state, f);
      if (v === undefined) continue;
      const o = (out.objects[e.obj] ??= {});
      const had = o[f];
      o[f] = had ? { min: Math.min(had.min, v), max: Math.max(had.max, v), last: v } : { min: v, max: v, last: v };
    }
  });
  return out;
}

/** Snapshots of a model folding the run event by event: `at(s)` is the state just before seq s. */
export function reference(events: readonly LabEvent[]): (seq: number) => RunSnapshot {
  const model = new LiveModel();
  const shots = [model.snapshot()];
  for (const e of events) { model.fold([e]); shots.push(model.snapshot()); }
  return (seq) => shots[Math.min(seq - 1, events.length)];
}
