// What the replay asks the lab for, and nothing more: where the run begins and ends, windows of
// events (each with the state just before it, from the store's keyframes), the overview chart,
// and, for a step to an event outside the window, pages scanned by seq.
import type { ChartBucket, LabClient, LabEvent, Result } from '../../../../shared/contract';
import { ReplayWindow } from './replay-window';

/** The run's stretch of time on its clock, and how many events it has. */
export interface RunExtent { firstUs: number; lastUs: number; lastSeq: number }

/** Past every moment of a run (the contract takes any non-negative number). */
const AFTER_ALL = Number.MAX_SAFE_INTEGER;

export async function readExtent(lab: LabClient, runId: string): Promise<Result<RunExtent>> {
  const [first, end] = await Promise.all([
    lab.events({ runId, window: { fromSeq: 0, limit: 1 } }),
    // An empty window after the run's end: its start state is the run's last.
    lab.events({ runId, window: { fromUs: AFTER_ALL, limit: 1 } }),
  ]);
  if (!first.ok) return first;
  if (!end.ok) return end;
  const e = first.value.events[0];
  const last = end.value.stateAtStart;
  return { ok: true, value: { firstUs: e ? e.t : 0, lastUs: Math.max(last.atUs, e?.t ?? 0), lastSeq: last.atSeq } };
}

export interface WindowAsk {
  /** From the first event at or after this moment (its state from the nearest keyframe)... */
  fromUs?: number;
  /** ...or from this seq. */
  fromSeq?: number;
  /** At most about this many events (whole pages). */
  maxEvents: number;
  pageEvents: number;
}

/** A window of the run, read page after page from its start until the run's end or `maxEvents`. */
export async function readWindow(lab: LabClient, runId: string, ask: WindowAsk): Promise<Result<ReplayWindow>> {
  const first = await lab.events({ runId, window: { ...(ask.fromSeq !== undefined ? { fromSeq: ask.fromSeq } : { fromUs: ask.fromUs ?? 0 }), limit: Math.min(ask.pageEvents, ask.maxEvents) } });
  if (!first.ok) return first;
  const w = new ReplayWindow(first.value.stateAtStart, first.value.events, first.value.more ? null : Infinity);
  let more = first.value.more;
  while (more && w.length < ask.maxEvents) {
    const r = await readPage(lab, runId, w.lastSeq + 1, Math.min(ask.pageEvents, ask.maxEvents - w.length));
    if (!r.ok) return r;
    w.append(r.value.events, r.value.more ? null : Infinity);
    more = r.value.more;
  }
  return { ok: true, value: w };
}

/** Events from `fromSeq` on, at most `limit`; `more` says the run goes on past them. */
export async function readPage(lab: LabClient, runId: string, fromSeq: number, limit: number): Promise<Result<{ events: LabEvent[]; more: boolean; startUs: number }>> {
  const r = await lab.events({ runId, window: { fromSeq, limit } });
  if (!r.ok) return r;
  return { ok: true, value: { events: r.value.events, more: r.value.more, startUs: r.value.stateAtStart.atUs } };
}

/** Events up to `toSeq` (inclusive), the last `limit` of them, with the clock before the first. */
export async function readPageBefore(lab: LabClient, runId: string, toSeq: number, limit: number): Promise<Result<{ events: LabEvent[]; startUs: number }>> {
  const fromSeq = Math.max(0, toSeq - limit + 1);
  const r = await lab.events({ runId, window: { fromSeq, toSeq, limit } });
  if (!r.ok) return r;
  return { ok: true, value: { events: r.value.events, startUs: r.value.stateAtStart.atUs } };
}

export async function readOverview(lab: LabClient, runId: string, fromUs: number, toUs: number, buckets: number): Promise<Result<ChartBucket[]>> {
  return lab.chart({ runId, fromUs: Math.max(0, fromUs), toUs: Math.max(fromUs, toUs), buckets: Math.max(1, Math.min(5000, Math.round(buckets))) });
}

/**
 * Where a window around `us` should begin so that about `before` events fall between its start
 * and `us`, judged from the overview's operations per slice (op events; a run's other events
 * are few beside them). Without an overview: at `us` itself.
 */
export function windowStart(overview: readonly ChartBucket[] | null, us: number, before: number): number {
  if (!overview?.length) return us;
  let i = overview.length - 1;
  while (i > 0 && overview[i].fromUs > us) i--;
  const s = overview[i];
  // The slice holding `us` counts in proportion to how far into it `us` is.
  let sum = s.ops * Math.min(1, Math.max(0, (us - s.fromUs) / Math.max(1, s.toUs + 1 - s.fromUs)));
  while (i > 0 && sum < before) sum += overview[--i].ops;
  return sum < before ? 0 : overview[i].fromUs;
}
