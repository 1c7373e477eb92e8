// A lane's spans in a time window, for drawing: each with its end (the next span's start,
// or the window's end for the one still going on).
import type { LaneState } from './lane-states';
import type { Lane } from './process-lanes';
import type { LiveModel } from './live-model';

export interface Span {
  from: number;
  to: number;
  state: LaneState;
  /** The call the span belongs to (0: none): hover shows that call's events. */
  call: number;
}

/** The spans of `lane` that overlap [fromUs, toUs], clipped to it; the exited span is left out. */
export function laneSpans(model: LiveModel, lane: Lane, fromUs: number, toUs: number): Span[] {
  const s = lane.spans;
  const out: Span[] = [];
  for (let i = Math.max(0, s.indexAt(fromUs)); i < s.length; i++) {
    const start = s.startAt(i);
    if (start > toUs) break;
    const state = model.lanes.states.get(s.stateAt(i));
    if (state.phase === 'exited') break;
    const end = i + 1 < s.length ? s.startAt(i + 1) : toUs;
    const from = Math.max(start, fromUs), to = Math.min(end, toUs);
    if (to > from) out.push({ from, to, state, call: s.callAt(i) });
  }
  return out;
}
