// Reading a queue's traffic back from the run's events, for the checks: what each put sent
// and what each get took, as the events carry them (structured values, shared/event-values).
import type { LabEvent } from '../../../shared/events';
import { argOf, errorOf, valueOf } from '../../../shared/event-values';
import type { RunRecord } from '../../core/runs/run-record';

export interface QueueItem {
  pid: number;
  seq: number;
  value: unknown;
  /** On a take: the seq of the put that produced the item (format 2). */
  from?: number;
}

/** Items put on a queue, in order: each put that took its item in (an X, or the E of one that waited for room). */
export function putsOn(run: RunRecord, obj: string): QueueItem[] {
  const out: QueueItem[] = [];
  const waiting = new Map<number, unknown>(); // call → item of a put that blocked
  for (const e of run.ops(obj, 'put')) {
    const item = argOf(e, 0, 'Queue');
    if (e.ph === 'B') { if (item.ok && e.call) waiting.set(e.call, item.value); continue; }
    if (errorOf(e)) continue;
    if (e.ph === 'X' && item.ok) out.push({ pid: e.pid, seq: e.seq, value: item.value });
    if (e.ph === 'E' && e.call !== undefined && waiting.has(e.call)) out.push({ pid: e.pid, seq: e.seq, value: waiting.get(e.call) });
  }
  return out;
}

/** Items taken by get(), in order: at once (X) or when a blocked get ended (E). */
export function takesFrom(run: RunRecord, obj: string): QueueItem[] {
  const out: QueueItem[] = [];
  for (const e of run.ops(obj, 'get')) {
    if (e.ph !== 'X' && e.ph !== 'E') continue;
    const v = valueOf(e);
    if (v.ok) out.push({ pid: e.pid, seq: e.seq, value: v.value, ...(e.item !== undefined ? { from: e.item } : {}) });
  }
  return out;
}

/** get() calls that found the queue empty (block=false or a timeout). */
export function emptyGets(run: RunRecord, obj: string): LabEvent[] {
  return run.ops(obj, 'get').filter((e) => errorOf(e)?.code === 'Empty');
}
