// How a block of events is kept: a JSON array, in one of two encodings.
// - Since history format 5: the events themselves (JSON objects, the contract's LabEvent),
//   exactly as the kernel's thread handed the batch over: no encoding on any thread, and no
//   decoding when read. About as long as rows (measured on an event-flood run: rows 99% of it).
// - Before: compact rows, each an array in EVENT_COLUMNS order. Format 2 added columns at the
//   end (links and structured values): a row stored before them is shorter, and its missing
//   columns read as absent. Structured values sit in the row as JSON; an event's `value` is
//   wrapped in a list ([v]) so that a null result and no result stay apart.
// A block tells its encoding by its first element: an array (a row) or an object (an event).
import type { LabEvent } from '../../../shared/events';

export const EVENT_COLUMNS = [
  'seq', 't', 'pid', 'ph', 'kind', 'obj', 'op', 'arg', 'res', 'text', 'life', 'exit_code', 'signal',
  'size', 'unfinished', 'value', 'owner', 'flag', 'waiters',
  // Columns added later go at the end: rows stored before them are shorter, and read as null.
  'how',
  // Format 2.
  'call', 'cause', 'item', 'args', 'result', 'error', 'timed_out', 'object', 'proc', 'stream',
] as const;

export type EventRow = unknown[];

/** The events of a stored block, in either encoding. */
export function blockEvents(text: string): LabEvent[] {
  const items = JSON.parse(text) as (LabEvent | EventRow)[];
  return items.length && Array.isArray(items[0]) ? (items as EventRow[]).map(rowToEvent) : (items as LabEvent[]);
}

/** A row as blocks were written before history format 5 (kept for reading them, and for tests that write such files). */
export function eventToRow(e: LabEvent): EventRow {
  const s = e.state;
  return [
    e.seq, e.t, e.pid, e.ph, e.kind, e.obj ?? null, e.op ?? null, e.arg ?? null, e.res ?? null, e.text ?? null,
    e.life ?? null, e.exitCode ?? null, e.signal ?? null,
    s?.size ?? null, s?.unfinished ?? null, s?.value ?? null, s?.owner === undefined ? null : s.owner ?? 0,
    s?.flag === undefined ? null : s.flag ? 1 : 0, s?.waiters ?? null,
    e.how ?? null,
    e.call ?? null, e.cause ?? null, e.item ?? null, e.args ?? null, 'value' in e ? [e.value] : null, e.error ?? null,
    e.timedOut ? 1 : null, e.object ?? null, e.proc ?? null, e.stream ?? null,
  ];
}

const at = (name: (typeof EVENT_COLUMNS)[number]) => EVENT_COLUMNS.indexOf(name);
const I = Object.fromEntries(EVENT_COLUMNS.map((c) => [c, at(c)])) as Record<(typeof EVENT_COLUMNS)[number], number>;

export function rowToEvent(r: EventRow): LabEvent {
  const e: LabEvent = { seq: r[I.seq] as number, t: r[I.t] as number, pid: r[I.pid] as number, ph: r[I.ph] as LabEvent['ph'], kind: r[I.kind] as LabEvent['kind'] };
  for (const k of ['obj', 'op', 'arg', 'res', 'text'] as const) if (r[I[k]] !== null) e[k] = r[I[k]] as string;
  const life = r[I.life] as LabEvent['life'] | null;
  if (life !== null) e.life = life;
  if (life === 'exited') {
    e.exitCode = r[I.exit_code] as number | null;
    e.signal = (r[I.signal] as string | null) ?? null;
    const how = r[I.how] as LabEvent['how'] | null | undefined;
    if (how) e.how = how;
  }
  const state: NonNullable<LabEvent['state']> = {};
  const num = (k: 'size' | 'unfinished' | 'value' | 'waiters') => { if (r[I[k]] !== null) state[k] = r[I[k]] as number; };
  num('size'); num('unfinished'); num('value');
  if (r[I.owner] !== null) state.owner = r[I.owner] === 0 ? null : (r[I.owner] as number); // 0: held by nobody
  if (r[I.flag] !== null) state.flag = r[I.flag] === 1;
  num('waiters');
  if (Object.keys(state).length) e.state = state;
  // Format 2 (absent from shorter, older rows).
  const has = (k: (typeof EVENT_COLUMNS)[number]) => r[I[k]] !== null && r[I[k]] !== undefined;
  if (has('call')) e.call = r[I.call] as number;
  if (has('cause')) e.cause = r[I.cause] as number;
  if (has('item')) e.item = r[I.item] as number;
  if (has('args')) e.args = r[I.args] as unknown[];
  if (has('result')) e.value = (r[I.result] as unknown[])[0];
  if (has('error')) e.error = r[I.error] as LabEvent['error'];
  if (has('timed_out')) e.timedOut = true;
  if (has('object')) e.object = r[I.object] as LabEvent['object'];
  if (has('proc')) e.proc = r[I.proc] as LabEvent['proc'];
  if (has('stream')) e.stream = r[I.stream] as LabEvent['stream'];
  return e;
}
