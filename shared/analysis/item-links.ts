// Item links: the put whose item each get received (per queue) and the send whose message
// each recv received (per pipe end). Both are FIFO, so the n-th item that entered a channel
// is the n-th one taken out. An item enters at an immediate put ('X') or when a blocked
// put ends ('E'); failed puts and gets (Full, Empty, EOFError, ...) carry no item.
import type { LabEvent } from '../events';
import type { EventLink } from './event-link';
import { isFailure, type LogIndex } from './log-index';

export function itemLinks(events: readonly LabEvent[], index: LogIndex): EventLink[] {
  const links: EventLink[] = [];
  const inFlight = new Map<string, LabEvent[]>(); // channel → events whose item is still in it
  const enter = (channel: string, e: LabEvent): void => {
    const list = inFlight.get(channel);
    if (list) list.push(e); else inFlight.set(channel, [e]);
  };
  const take = (channel: string, e: LabEvent): void => {
    const from = inFlight.get(channel)?.shift();
    if (from) links.push({ kind: 'item', from, to: e });
  };
  for (const e of events) {
    if (e.kind !== 'op' || e.ph === 'B' || e.ph === 'I' || !e.obj || isFailure(e.res)) continue;
    const kind = index.kinds.get(e.obj);
    if (kind === 'Queue' || kind === 'JoinableQueue') {
      if (e.op === 'put') enter(e.obj, e);
      else if (e.op === 'get') take(e.obj, e);
    } else if (kind === 'Pipe') {
      // A send on one end lands in the other end's inbox; an 'E' carries no args, its 'B' does.
      const end = pipeEnd(e.ph === 'E' ? index.beginOf.get(e.seq) : e);
      if (end === undefined) continue;
      if (e.op === 'send') enter(`${e.obj}#${1 - end}`, e);
      else if (e.op === 'recv') take(`${e.obj}#${end}`, e);
    }
  }
  return links;
}

/** The pipe end an operation used: its first argument ("0", or "[1,..." for send). */
function pipeEnd(e: LabEvent | undefined): number | undefined {
  const m = /^\[?([01])\b/.exec(e?.arg ?? '');
  return m ? Number(m[1]) : undefined;
}
