// Values that events carry (an operation's arguments and result) are bounded: a value larger
// than the budget is replaced by a copy cut to it, with the cuts marked, so that a worker
// that puts a 100 KB item does not make every event, push and stored row 100 KB. The walk
// stops as soon as the budget is spent: nothing is stringified whole to keep a part of it.
import { pyRepr, reprString } from './py-format';

/** About how many characters of JSON one event's args or value may hold. */
export const VALUE_BUDGET = 2048;

/** Marks where a list or an object was cut: `{ $cut: n }` stands for n more entries. */
export interface CutMark { $cut: number }

export function isCutMark(v: unknown): v is CutMark {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as CutMark).$cut === 'number' && Object.keys(v).length === 1;
}

/** The JSON size of `v`, or more than `limit` as soon as it exceeds it (the walk stops there). */
export function sizeUpTo(v: unknown, limit: number): number {
  let size = 0;
  const walk = (x: unknown): void => {
    if (size > limit) return;
    switch (typeof x) {
      case 'string': size += x.length + 2; return;
      case 'number': size += 8; return;
      case 'boolean': size += 5; return;
      case 'object':
        if (x === null) { size += 4; return; }
        size += 2;
        if (Array.isArray(x)) { for (const y of x) { walk(y); size += 1; if (size > limit) return; } return; }
        for (const k in x as object) {
          size += k.length + 4;
          walk((x as Record<string, unknown>)[k]);
          if (size > limit) return;
        }
        return;
      default: size += 9;
    }
  };
  walk(v);
  return size;
}

/** `v` itself when it fits the budget; otherwise a copy cut to it, cuts marked. */
export function bounded(v: unknown, budget = VALUE_BUDGET): unknown {
  if (sizeUpTo(v, budget) <= budget) return v;
  let left = budget;
  const cut = (x: unknown): unknown => {
    if (typeof x === 'string') {
      const keep = Math.max(0, Math.min(x.length, left - 2));
      left -= keep + 2;
      return keep < x.length ? `${x.slice(0, keep)}…` : x;
    }
    if (typeof x !== 'object' || x === null) { left -= 8; return x; }
    left -= 2;
    if (Array.isArray(x)) {
      const out: unknown[] = [];
      for (let i = 0; i < x.length; i++) {
        if (left <= 0) { out.push({ $cut: x.length - i } satisfies CutMark); break; }
        out.push(cut(x[i]));
      }
      return out;
    }
    const out: Record<string, unknown> = {};
    const keys = Object.keys(x);
    for (let i = 0; i < keys.length; i++) {
      if (left <= 0) { out.$cut = keys.length - i; break; }
      left -= keys[i].length + 4;
      out[keys[i]] = cut((x as Record<string, unknown>)[keys[i]]);
    }
    return out;
  };
  return cut(v);
}

/**
 * A value an event carries as Python's repr shows it (['spam', 42], {'k': None}, True), so the
 * charts read like the student's Python text, at most `max` characters. A lab object shows its
 * kind and id (<Queue q1>), a set its items, an object of a travelling class its class, and a
 * cut the count of entries it left out (… 5 more).
 */
export function pyValueText(v: unknown, max = 60): string {
  const text = reprValue(bounded(v, max * 2)); // nothing much longer than what is kept is built
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const reprValue = (x: unknown): string => pyRepr(x, { other: reprMarked });

/** What travels marked ({$lab}, {$py}) or was cut ({$cut}), as the student should read it. */
function reprMarked(x: object): string | undefined {
  if (isCutMark(x)) return `… ${x.$cut} more`;
  const r = x as Record<string, unknown>;
  if (typeof r.$lab === 'string') return `<${r.$lab} ${String(r.id)}>`;
  if (r.$py === 'set' && Array.isArray(r.items)) return r.items.length ? `{${r.items.map(reprValue).join(', ')}}` : 'set()';
  if (r.$py === 'object' && typeof r.cls === 'string') return `<__main__.${r.cls} object>`;
  if (!Array.isArray(x) && typeof r.$cut === 'number') {
    const entries = Object.entries(r).filter(([k]) => k !== '$cut').map(([k, val]) => `${reprString(k)}: ${reprValue(val)}`);
    return `{${[...entries, `… ${r.$cut} more`].join(', ')}}`;
  }
  return undefined;
}

/** A one-line text of `v` at most `max` characters long (JSON: for CSV and other files read by programs). */
export function summarizeValue(v: unknown, max = 60): string {
  if (v === undefined) return '';
  const s = JSON.stringify(bounded(v, max * 2)) ?? String(v);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
