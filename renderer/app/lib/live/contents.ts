// What a shared object holds, as a small table: a manager list's items, a dict's entries, a
// namespace's attributes, a Value, an Array, the items waiting in a queue or a pipe (oldest,
// the next out, first). Only what the events showed is known: an entry not seen yet reads "?".
import type { LiveModel, TrackedObject } from '../../../../shared/live';
import { isUnseen, type InFlight } from '../../../../shared/live';
import { isCutMark } from '../../../../shared/values';
import { processName, shortValue } from './describe';
import { formatAt } from './time-axis';

export interface ContentsTable {
  label: string;
  kind: string;
  head: string[];
  rows: string[][];
  /** Said under the table: entries left out, values the record does not carry. */
  note?: string;
}

/** Items shown of a long queue or list. */
export const SHOWN_ROWS = 12;

const cell = (v: unknown): string => (isUnseen(v) ? '?' : shortValue(v, 48));

export function contentsOf(o: TrackedObject, model: LiveModel): ContentsTable | null {
  const kind = o.info?.kind;
  if (!kind || !o.contents) return null;
  const snap = o.contents.snapshot();
  const base = { label: o.label, kind };
  const cut = (list: unknown[]): { items: unknown[]; left: number } => {
    const last = list[list.length - 1];
    return isCutMark(last) ? { items: list.slice(0, -1), left: last.$cut } : { items: list, left: 0 };
  };
  const more = (shown: number, all: number, extra = 0): string | undefined =>
    all + extra > shown ? `${all + extra - shown} more not shown` : undefined;
  switch (kind) {
    case 'ManagerList': case 'Array': {
      const { items, left } = cut(Array.isArray(snap) ? snap : []);
      const rows = items.slice(0, SHOWN_ROWS).map((v, i) => [String(i), v === null && kind === 'Array' ? '?' : cell(v)]);
      return { ...base, head: ['index', 'value'], rows, note: more(rows.length, items.length, left) };
    }
    case 'ManagerDict': {
      const { items, left } = cut(Array.isArray(snap) ? snap : []);
      const rows = items.slice(0, SHOWN_ROWS).map((p) => (Array.isArray(p) ? [shortValue(p[0], 30), cell(p[1])] : ['?', '?']));
      return { ...base, head: ['key', 'value'], rows, note: more(rows.length, items.length, left) };
    }
    case 'Namespace': {
      const entries = Object.entries((snap ?? {}) as Record<string, unknown>).filter(([k]) => k !== '$cut');
      const rows = entries.slice(0, SHOWN_ROWS).map(([k, v]) => [k, cell(v)]);
      return { ...base, head: ['attribute', 'value'], rows, note: more(rows.length, entries.length) };
    }
    case 'Value':
      return { ...base, head: ['value'], rows: [[snap === null || snap === undefined ? '?' : shortValue(snap)]] };
    case 'Queue': case 'JoinableQueue': case 'Pipe': {
      const r = (snap ?? {}) as { items?: InFlight[]; untracked?: number };
      const items = r.items ?? [];
      const size = typeof o.state.size === 'number' ? o.state.size : items.length;
      const rows = items.slice(0, SHOWN_ROWS).map((x) => [cell(x.item), processName(model, x.pid), formatAt(x.t)]);
      const note = items.length === 0 && size > 0
        ? `${size} waiting; this run's record does not carry their values`
        : more(rows.length, Math.max(size, items.length));
      return { ...base, head: [kind === 'Pipe' ? 'message' : 'item', kind === 'Pipe' ? 'sent by' : 'put by', 'at'], rows, note };
    }
    default: return null;
  }
}
