// Every causal link the exporters know how to read from an event log, in log order.
import type { LabEvent } from '../events';
import type { EventLink } from './event-link';
import { itemLinks } from './item-links';
import type { LogIndex } from './log-index';
import { processLinks } from './process-links';
import { wakeLinks } from './wake-links';

export function linkEvents(events: readonly LabEvent[], index: LogIndex): EventLink[] {
  return [...itemLinks(events, index), ...wakeLinks(events, index), ...processLinks(events, index)]
    .sort((a, b) => a.from.seq - b.from.seq || a.to.seq - b.to.seq);
}
