// Reading a queue's traffic back from the run's events, for the checks: what each put
// sent and what each get took (a get that took an item records it in `res`).
import type { LabEvent } from '../../shared/events';
import type { RunRecord } from '../core/runs/run-record';

export interface QueueItem { pid: number; seq: number; value: unknown }

/** The item in an event's summary, or not ok when it holds none (an error such as "Empty: ..."). */
function parse(text: string | undefined): { ok: true; value: unknown } | { ok: false } {
  if (text === undefined || text === '') return { ok: false };
  try { return { ok: true, value: JSON.parse(text) }; } catch { return { ok: false }; }
}

function items(events: LabEvent[], field: 'arg' | 'res'): QueueItem[] {
  const out: QueueItem[] = [];
  for (const e of events) {
    const p = parse(e[field]);
    if (p.ok) out.push({ pid: e.pid, seq: e.seq, value: p.value });
  }
  return out;
}

/** Items put on an unbounded queue, in order (such a put never blocks: one X event each). */
export function putsOn(run: RunRecord, obj: string): QueueItem[] {
  return items(run.ops(obj, 'put').filter((e) => e.ph === 'X' && e.res === 'null'), 'arg');
}

/** Items taken by get(), in order: at once (X) or when a blocked get ended (E). */
export function takesFrom(run: RunRecord, obj: string): QueueItem[] {
  return items(run.ops(obj, 'get').filter((e) => e.ph === 'X' || e.ph === 'E'), 'res');
}

/** get() calls that found the queue empty (block=false or a timeout). */
export function emptyGets(run: RunRecord, obj: string): LabEvent[] {
  return run.ops(obj, 'get').filter((e) => e.res?.startsWith('Empty:'));
}
