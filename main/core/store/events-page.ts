// A window of a stored run: its events (at most `limit`, never cut silently) and the state of
// every process and object just before its first event.
//
// Which events a window holds. By seq: fromSeq..toSeq. By time, on the live model's clock (an
// event's t, never earlier than an event before it: an operation is stamped when it began, so
// an event recorded after it may carry an earlier t): from the first event at or after fromUs,
// up to the last one before the first event after toUs. Either way the window is a run of
// consecutive seqs; both bounds may be given, and the narrower wins. `more` says the limit cut
// it: ask again with fromSeq = the last seq + 1 (and the same end).
//
// The state at the start comes from the nearest keyframe before it, folded forward with the
// events between (at most the run's keyframe interval). A run stored without keyframes (before
// they existed) is folded from its first event: correct, and as slow as the run is long.
import type { EventsPage } from '../../../shared/contract';
import type { LabEvent } from '../../../shared/events';
import { LiveModel } from '../../../shared/live';
import type { Db } from './open-database';
import { blockEvents } from './event-rows';

export interface PageWindow { fromUs?: number; toUs?: number; fromSeq?: number; toSeq?: number; limit?: number }

export const DEFAULT_PAGE_LIMIT = 20_000;

export function eventsPage(db: Db, runNo: number, w: PageWindow): EventsPage {
  const fromSeq = w.fromSeq ?? 0;
  const fromUs = w.fromUs ?? -1;
  const toSeq = w.toSeq ?? Number.MAX_SAFE_INTEGER;
  const toUs = w.toUs ?? Number.MAX_SAFE_INTEGER;
  const limit = w.limit ?? DEFAULT_PAGE_LIMIT;

  // The nearest keyframe before the window's start: one whose seq is before fromSeq, or whose
  // clock had not reached fromUs (the first event at or after fromUs comes after it).
  const kf = db.prepare('SELECT seq, at_us, state FROM keyframes WHERE run_no = ? AND (seq < ? OR at_us < ?) ORDER BY seq DESC LIMIT 1')
    .get(runNo, fromSeq, fromUs) as { seq: number; at_us: number; state: string } | undefined;
  const model = kf ? LiveModel.fromSnapshot(JSON.parse(kf.state) as ReturnType<LiveModel['snapshot']>) : new LiveModel();
  const after = kf?.seq ?? 0;
  let clock = kf?.at_us ?? 0;

  const before: LabEvent[] = [];
  const events: LabEvent[] = [];
  let started = false;
  let more = false;
  const startBlock = (db.prepare('SELECT max(first_seq) AS s FROM event_blocks WHERE run_no = ? AND first_seq <= ?').get(runNo, after + 1) as { s: number | null }).s ?? 0;
  const blocks = db.prepare('SELECT events FROM event_blocks WHERE run_no = ? AND first_seq >= ? ORDER BY first_seq').pluck();
  scan: for (const text of blocks.iterate(runNo, startBlock) as IterableIterator<string>) {
    for (const e of blockEvents(text)) {
      if (e.seq <= after) continue;
      if (e.t > clock) clock = e.t;
      if (!started) {
        if (e.seq < fromSeq || clock < fromUs) { before.push(e); continue; }
        started = true;
      }
      if (e.seq > toSeq || clock > toUs) break scan;
      if (events.length === limit) { more = true; break scan; }
      events.push(e);
    }
  }
  model.fold(before);
  return { events, more, stateAtStart: model.snapshot() };
}
