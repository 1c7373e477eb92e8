// Wake links: which operation woke which blocked process. The kernel records the wakes an
// operation causes right after that operation's own event, so set → wait, release → acquire
// and task_done → join are the successful 'E' events that directly follow it. A notified
// Condition waiter is different: its 'E' ('re-acquire' on the lock) comes only once it has
// the lock back, later, so notify is paired by replaying the condition's FIFO wait list.
import type { LabEvent } from '../events';
import type { EventLink } from './event-link';
import { isFailure, type LogIndex } from './log-index';

/** kind → operation → the blocked operations it can wake on the same object. */
const WAKES: Record<string, Record<string, string[]>> = {
  Event: { set: ['wait'] },
  Lock: { release: ['acquire'] },
  Semaphore: { release: ['acquire'] },
  // wait() gives the lock up, so it can hand it to a blocked acquire() too.
  Condition: { release: ['acquire'], wait: ['acquire'] },
  JoinableQueue: { task_done: ['join'] },
};

export function wakeLinks(events: readonly LabEvent[], index: LogIndex): EventLink[] {
  return [...directWakes(events, index), ...notifyWakes(events, index)];
}

function directWakes(events: readonly LabEvent[], index: LogIndex): EventLink[] {
  const links: EventLink[] = [];
  events.forEach((e, i) => {
    if (e.kind !== 'op' || !e.obj || isFailure(e.res)) return;
    const woken = WAKES[index.kinds.get(e.obj) ?? '']?.[e.op ?? ''];
    if (!woken) return;
    for (let j = i + 1; j < events.length && events[j].ph === 'E' && events[j].seq === events[j - 1].seq + 1; j++) {
      const w = events[j];
      // A timed-out wait also ends in an 'E', but with false or an error.
      if (w.obj === e.obj && woken.includes(w.op ?? '') && w.res !== 'false' && !isFailure(w.res)) {
        links.push({ kind: 'wake', from: e, to: w });
      }
    }
  });
  return links;
}

function notifyWakes(events: readonly LabEvent[], index: LogIndex): EventLink[] {
  const links: EventLink[] = [];
  const waiting = new Map<string, LabEvent[]>(); // condition → 'B' of its waiters, FIFO
  for (const e of events) {
    if (e.kind === 'life' && e.life === 'exited') {
      // A process that dies while waiting leaves the wait list.
      for (const list of waiting.values()) for (let i = list.length - 1; i >= 0; i--) if (list[i].pid === e.pid) list.splice(i, 1);
      continue;
    }
    if (e.kind !== 'op' || !e.obj || index.kinds.get(e.obj) !== 'Condition') continue;
    if (e.ph === 'B' && e.op === 'wait') {
      // A wait that timed out (it re-acquired with false) was never reached by a notify;
      // leaving it out keeps the replay exact, since the kernel drops it at its timeout.
      if (index.endOf.get(e.seq)?.res === 'false') continue;
      const list = waiting.get(e.obj);
      if (list) list.push(e); else waiting.set(e.obj, [e]);
    } else if (e.ph === 'X' && !isFailure(e.res) && (e.op === 'notify' || e.op === 'notify_all')) {
      const list = waiting.get(e.obj) ?? [];
      const n = e.op === 'notify_all' ? list.length : notifyCount(e.arg);
      for (const b of list.splice(0, n)) {
        const end = index.endOf.get(b.seq);
        if (end) links.push({ kind: 'wake', from: e, to: end });
      }
    }
  }
  return links;
}

function notifyCount(arg: string | undefined): number {
  const n = Number.parseInt(arg ?? '', 10);
  return Number.isInteger(n) && n >= 0 ? n : 1;
}
