// The states of one process over time, from its blocked operations: 'running' between
// them, 'blocked: get on queue1' from a 'B' to its 'E', 'sleeping' for sleep, and 'exiting'
// once its program has returned and its atexit answered (the worker is shutting down). A notified
// Condition waiter is relabelled 'blocked: re-acquire on <lock>' from the notify on, since
// from then on it waits for the lock, not for the notify.
import type { LabEvent } from '../events';
import type { EventLink } from './event-link';
import type { LogIndex } from './log-index';

export interface StateSpan { label: string; start: number; end: number }

/** A blocked call whose label changes at `seq` (time `t`) while it stays blocked. */
export interface Relabel { seq: number; t: number; beginSeq: number; label: string }
export type Relabels = Map<number, Relabel[]>; // pid → its relabels

export function reacquireRelabels(index: LogIndex, links: readonly EventLink[]): Relabels {
  const out: Relabels = new Map();
  for (const { kind, from, to } of links) {
    const begin = to.op === 're-acquire' && kind === 'wake' ? index.beginOf.get(to.seq) : undefined;
    if (!begin) continue;
    const change: Relabel = { seq: from.seq, t: from.t, beginSeq: begin.seq, label: `blocked: re-acquire on ${to.obj}` };
    const list = out.get(to.pid);
    if (list) list.push(change); else out.set(to.pid, [change]);
  }
  return out;
}

/**
 * Back-to-back spans covering [start, end) of one process; `ops` are its op events in log
 * order. Empty spans are dropped, so with whole-µs times every span is at least 1 µs long.
 */
export function processStates(ops: readonly LabEvent[], start: number, end: number, index: LogIndex,
  relabels: readonly Relabel[] = []): StateSpan[] {
  type Mark = { seq: number; t: number; apply: () => void };
  let idle = 'running'; // the state when nothing is pending
  const open = new Map<number, string>(); // seq of each pending 'B' → its label; the oldest shows
  const marks: Mark[] = [];
  const ended = (e: LabEvent): void => {
    const b = index.beginOf.get(e.seq);
    if (b) open.delete(b.seq);
    if (e.op === 'atexit') idle = 'exiting';
  };
  for (const e of ops) {
    if (e.ph === 'B') marks.push({ seq: e.seq, t: e.t, apply: () => open.set(e.seq, blockedLabel(e, index)) });
    if (e.ph === 'E') marks.push({ seq: e.seq, t: e.t, apply: () => ended(e) });
  }
  for (const r of relabels) marks.push({ seq: r.seq, t: r.t, apply: () => { if (open.has(r.beginSeq)) open.set(r.beginSeq, r.label); } });
  marks.sort((a, b) => a.seq - b.seq);

  const spans: StateSpan[] = [];
  let label = 'running';
  let from = start;
  for (const m of marks) {
    m.apply();
    const next = open.values().next().value ?? idle;
    if (next === label) continue;
    // Events are in log order; clamp so that a time out of order cannot make a span go backwards.
    const at = Math.min(Math.max(m.t, from), end);
    if (at > from) { spans.push({ label, start: from, end: at }); from = at; }
    label = next;
  }
  if (end > from) spans.push({ label, start: from, end });
  return spans;
}

function blockedLabel(b: LabEvent, index: LogIndex): string {
  if (b.op === 'sleep') return 'sleeping';
  // Kernel operations begin on "kernel" and end on what they waited for ("proc:123").
  const end = index.endOf.get(b.seq);
  let obj = end && end.op === b.op ? end.obj : b.obj;
  if (!end && b.op === 'join') obj = `proc:${/^\[(\d+)/.exec(b.arg ?? '')?.[1] ?? '?'}`;
  return `blocked: ${b.op} on ${obj}`;
}
