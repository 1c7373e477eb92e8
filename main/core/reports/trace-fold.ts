// The run as the trace export reads it: folded once through the live reducers (shared/live),
// the same ones the live view, the replay and the HTML report use, with each event's time on
// the model's clock (an event's t, never earlier than the one before it), so that op slices,
// state slices, counters and flows all stand on one time axis.
import type { LabEvent } from '../../../shared/events';
import { isV1, LiveModel } from '../../../shared/live';
import type { RunExport } from './run-export';

export interface FoldedRun {
  model: LiveModel;
  /** Event seq → its time on the model's clock (µs). */
  at: Map<number, number>;
  /** The events, in seq order, each folded once. */
  events: readonly LabEvent[];
  /** 1: recorded before the kernel recorded links (no flows), 2: with links. */
  format: 1 | 2;
  /** One µs past the last event (where a process that never exited is drawn to). */
  endUs: number;
}

export function foldRun(run: RunExport): FoldedRun {
  const model = new LiveModel();
  const at = new Map<number, number>();
  const events: LabEvent[] = [];
  const one: LabEvent[] = [];
  let format: 1 | 2 = 2;
  for (const e of inSeqOrder(run.events)) {
    if (at.has(e.seq)) continue;
    one[0] = e;
    model.fold(one);
    at.set(e.seq, model.atUs);
    events.push(e);
    if (format === 2 && isV1(e)) format = 1;
  }
  return { model, at, events, format, endUs: model.atUs + 1 };
}

/** The log in seq order (as the record and the store keep it; sorted only if it is not). */
function inSeqOrder(events: readonly LabEvent[]): readonly LabEvent[] {
  for (let i = 1; i < events.length; i++) {
    if (events[i].seq < events[i - 1].seq) return [...events].sort((a, b) => a.seq - b.seq);
  }
  return events;
}
