// Process links: a parent's spawn call to the child's creation, and a child's exit to the
// join it woke in the parent.
import type { LabEvent } from '../events';
import type { EventLink } from './event-link';
import type { LogIndex } from './log-index';

export function processLinks(events: readonly LabEvent[], index: LogIndex): EventLink[] {
  const created = new Map<number, LabEvent>();
  const exited = new Map<number, LabEvent>();
  for (const e of events) {
    if (e.kind !== 'life') continue;
    if (e.life === 'created') created.set(e.pid, e);
    if (e.life === 'exited') exited.set(e.pid, e);
  }
  const links: EventLink[] = [];
  for (const e of events) {
    if (e.kind !== 'op') continue;
    if (e.ph === 'B' && e.op === 'spawn') {
      // The spawn answers {"pid":N,"name":...} once the child exists.
      const pid = /"pid":(\d+)/.exec(index.endOf.get(e.seq)?.res ?? '')?.[1];
      const child = pid === undefined ? undefined : created.get(Number(pid));
      if (child) links.push({ kind: 'spawn', from: e, to: child });
    } else if (e.ph === 'E' && e.op === 'join' && e.res?.startsWith('{')) {
      // A join that timed out answers null; one woken by the exit answers the exit status.
      const child = exited.get(Number(/^proc:(\d+)$/.exec(e.obj ?? '')?.[1]));
      if (child) links.push({ kind: 'wake', from: child, to: e });
    }
  }
  return links;
}
