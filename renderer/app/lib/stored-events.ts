// THE SEAM FOR THE REPLAY. A stored run's charts need its events; the contract's `events`
// request reads them by windows. Until the store answers windows (the back end says
// 'unavailable'), the finished view of a stored run shows no charts and says why. When it
// does, this reads the run from its first event, page after page, up to MAX_CHART_EVENTS,
// and hands each page to the live charts (folded by the same shared/live reducers as a live
// run). The replay replaces this whole read with its keyframes and windows.
import type { LabClient, LabEvent, Result } from '../../../shared/contract';

/** Events read for a stored run's charts; past this the charts end early and say so. */
export const MAX_CHART_EVENTS = 500_000;
const PAGE = 20_000;

export interface StoredEventsRead { events: number; complete: boolean }

export async function readStoredEvents(
  lab: LabClient, runId: string, onPage: (events: readonly LabEvent[]) => void, max = MAX_CHART_EVENTS, pageSize = PAGE,
): Promise<Result<StoredEventsRead>> {
  let fromSeq = 0;
  let read = 0;
  for (;;) {
    const page = await lab.events({ runId, window: { fromSeq, limit: Math.min(pageSize, max - read) } });
    if (!page.ok) return page;
    const events = page.value.events;
    if (events.length) onPage(events);
    read += events.length;
    if (!page.value.more || events.length === 0) return { ok: true, value: { events: read, complete: true } };
    if (read >= max) return { ok: true, value: { events: read, complete: false } };
    fromSeq = events[events.length - 1].seq + 1;
  }
}
