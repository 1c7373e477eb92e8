// Each process's life as state segments (running / blocked on an object / sleeping), derived
// from its lifecycle and operation events. Used by the timeline chart and the trace export.
import type { LabEvent } from '../events';

export type SegmentState = 'running' | 'blocked' | 'sleeping';
export interface StateSegment { pid: number; state: SegmentState; fromUs: number; toUs: number; detail: string }

export function processSegments(events: readonly LabEvent[], endUs: number): StateSegment[] {
  const out: StateSegment[] = [];
  // Per process: when the current segment began, and the blocked calls still open (a process
  // can have more than one, e.g. a Pool's parent).
  const open = new Map<number, { since: number; waits: LabEvent[] }>();
  const close = (pid: number, at: number) => {
    const o = open.get(pid);
    if (!o) return;
    const top = o.waits[o.waits.length - 1];
    const state: SegmentState = !top ? 'running' : top.op === 'sleep' ? 'sleeping' : 'blocked';
    if (at > o.since) out.push({ pid, state, fromUs: o.since, toUs: at, detail: top ? `${top.op} on ${top.obj}` : '' });
    o.since = at;
  };
  for (const e of events) {
    if (e.kind === 'life' && e.life === 'created') { open.set(e.pid, { since: e.t, waits: [] }); continue; }
    const o = open.get(e.pid);
    if (!o) continue;
    if (e.kind === 'life' && e.life === 'exited') { close(e.pid, e.t); open.delete(e.pid); continue; }
    if (e.kind !== 'op' || (e.ph !== 'B' && e.ph !== 'E')) continue;
    close(e.pid, e.t);
    if (e.ph === 'B') o.waits.push(e);
    else {
      // A Condition's waiter ends as 're-acquire' of the lock: match the oldest open wait.
      const i = o.waits.findIndex((w) => w.op === e.op) ;
      o.waits.splice(i >= 0 ? i : 0, 1);
    }
  }
  for (const pid of [...open.keys()]) close(pid, endUs);
  return out;
}
