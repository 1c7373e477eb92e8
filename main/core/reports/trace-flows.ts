// Flow arrows of the trace: the live model's arrows, which come from the recorded links
// only (format 2): an item from the put/send that produced it to the get/recv that received
// it; a wake from the event a waiter's `cause` names (release → acquire, notify → wait,
// set → wait, task_done → join, a get that made room → the put waiting for it); a spawn to
// the child's `created`; an exit to the join or atexit it ended. Nothing is inferred.
//
// A notify's arrow lands on the waiter's 'notified' instant; the trace draws it to the
// wait's E (same `call`), where the waiter goes on, and keeps the instant as its own slice.
import type { FoldedRun } from './trace-fold';
import type { Anchor } from './trace-processes';
import type { TraceEvent } from './trace-event';

export function flowEvents(run: FoldedRun, anchors: Map<number, Anchor>): TraceEvent[] {
  const endOfNotified = notifiedEnds(run);
  const out: TraceEvent[] = [];
  const arrows = run.model.arrows;
  let id = 0;
  for (let i = 0; i < arrows.length; i++) {
    const a = arrows.at(i);
    const toSeq = endOfNotified.get(a.to.seq) ?? a.to.seq;
    const from = anchors.get(a.from.seq);
    const to = anchors.get(toSeq);
    if (!from || !to || to.ts < from.ts) continue;
    const common = { name: a.kind, cat: 'flow', id: ++id, args: { obj: a.obj, from: a.from.seq, to: toSeq } };
    out.push({ ...common, ph: 's', ...from }, { ...common, ph: 'f', bp: 'e', ...to });
  }
  return out;
}

/** seq of a 'notified' instant → seq of the E of its call (when the wait ended). */
function notifiedEnds(run: FoldedRun): Map<number, number> {
  const notified = new Map<number, number>(); // call → its notified instant
  const out = new Map<number, number>();
  for (const e of run.events) {
    if (e.kind !== 'op' || e.call === undefined) continue;
    if (e.ph === 'I' && e.op === 'notified') notified.set(e.call, e.seq);
    else if (e.ph === 'E') {
      const n = notified.get(e.call);
      if (n !== undefined) { out.set(n, e.seq); notified.delete(e.call); }
    }
  }
  return out;
}
