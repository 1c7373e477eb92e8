// LabEvent <-> events table row. Rows travel to the writer thread as JSON arrays in this
// column order, which is also the INSERT's parameter order.
import type { LabEvent } from '../../../shared/events';

export const EVENT_COLUMNS = [
  'seq', 't', 'pid', 'ph', 'kind', 'obj', 'op', 'arg', 'res', 'text', 'life', 'exit_code', 'signal',
  'size', 'unfinished', 'value', 'owner', 'flag', 'waiters',
] as const;

export type EventRow = (string | number | null)[];

export function eventToRow(e: LabEvent): EventRow {
  const s = e.state;
  return [
    e.seq, e.t, e.pid, e.ph, e.kind, e.obj ?? null, e.op ?? null, e.arg ?? null, e.res ?? null, e.text ?? null,
    e.life ?? null, e.exitCode ?? null, e.signal ?? null,
    s?.size ?? null, s?.unfinished ?? null, s?.value ?? null, s?.owner === undefined ? null : s.owner ?? 0,
    s?.flag === undefined ? null : s.flag ? 1 : 0, s?.waiters ?? null,
  ];
}

type DbRow = Record<(typeof EVENT_COLUMNS)[number], string | number | null>;

export function rowToEvent(r: DbRow): LabEvent {
  const e: LabEvent = { seq: r.seq as number, t: r.t as number, pid: r.pid as number, ph: r.ph as LabEvent['ph'], kind: r.kind as LabEvent['kind'] };
  for (const k of ['obj', 'op', 'arg', 'res', 'text', 'signal'] as const) if (r[k] !== null) e[k] = r[k] as string;
  if (r.life !== null) e.life = r.life as LabEvent['life'];
  if (r.exit_code !== null || r.kind === 'life' && r.life === 'exited') e.exitCode = r.exit_code as number | null;
  if (r.kind === 'life' && r.life === 'exited') e.signal = (r.signal as string | null) ?? null;
  const state: NonNullable<LabEvent['state']> = {};
  if (r.size !== null) state.size = r.size as number;
  if (r.unfinished !== null) state.unfinished = r.unfinished as number;
  if (r.value !== null) state.value = r.value as number;
  if (r.owner !== null) state.owner = r.owner === 0 ? null : (r.owner as number); // 0: held by nobody
  if (r.flag !== null) state.flag = r.flag === 1;
  if (r.waiters !== null) state.waiters = r.waiters as number;
  if (Object.keys(state).length) e.state = state;
  return e;
}
