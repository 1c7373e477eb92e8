// What a shared object holds, kept from the operations' arguments and values (version 2):
// the items in flight in a queue or a pipe (each with the put/send that produced it, so a
// get's `item` link finds its origin), a manager list / dict / namespace, a Value, an Array.
// Only what the events showed is known: an entry never seen yet (an Array before it was read,
// a dict key `has` said exists) is UNSEEN, and the kernel's `state.size` keeps lengths honest.
import type { LabEvent, ObjectInfo } from '../events';
import { bounded, isCutMark } from '../values';

/** About how many characters of JSON a keyframe keeps of one object's contents. */
export const CONTENTS_BUDGET = 16_384;

/** An entry the events have not shown yet. */
export const UNSEEN = Object.freeze({ $unseen: true as const });
export type Unseen = typeof UNSEEN;
export function isUnseen(v: unknown): v is Unseen {
  return typeof v === 'object' && v !== null && (v as Unseen).$unseen === true;
}

/** An item in a queue or a pipe: where it came from, and what it is. */
export interface InFlight {
  /** The put / send event that produced it (a get's `item` names it). */
  seq: number;
  pid: number;
  t: number;
  /** The item as the event carried it (bounded by the kernel); summarised when shown. */
  item: unknown;
  /** Pipe: the end whose recv will take it. */
  end?: number;
}

/** Items kept per queue or pipe; past this the oldest are forgotten (their gets draw no arrow). */
export const MAX_IN_FLIGHT = 1000;

export interface ContentsKeeper {
  /** A successful X or E operation (or a failed one: errors say something too). */
  apply(e: LabEvent, at: number, args: readonly unknown[] | undefined): void;
  /** The item a get/recv took (by its `item` link), forgotten from the contents. */
  take(itemSeq: number): InFlight | undefined;
  /** The kernel's size after the operation, to keep lengths honest. */
  reconcile(size: number | undefined): void;
  snapshot(): unknown;
}

export function contentsKeeper(info: ObjectInfo, restored?: unknown): ContentsKeeper | undefined {
  switch (info.kind) {
    case 'Queue': case 'JoinableQueue': case 'Pipe': return new ItemsInFlight(info.kind === 'Pipe', restored);
    case 'ManagerList': return new ListContents(info.length ?? 0, restored);
    case 'ManagerDict': return new DictContents(restored);
    case 'Namespace': return new NamespaceContents(restored);
    case 'Value': return new ValueContents(info.initial, restored);
    case 'Array': return new ArrayContents(info.length ?? 0, restored);
    default: return undefined;
  }
}

class ItemsInFlight implements ContentsKeeper {
  private readonly items = new Map<number, InFlight>();
  /** Items forgotten past MAX_IN_FLIGHT. */
  private untracked = 0;

  constructor(private readonly pipe: boolean, restored?: unknown) {
    const r = restored as { items?: InFlight[]; untracked?: number } | undefined;
    if (r?.items) for (const x of r.items) this.items.set(x.seq, x);
    this.untracked = r?.untracked ?? 0;
  }

  apply(e: LabEvent, at: number, args: readonly unknown[] | undefined): void {
    // Version 1 has no arguments: nothing to follow, no links to serve.
    if (e.error || !args || e.ph === 'B' || e.ph === 'I') return;
    if (this.pipe ? e.op !== 'send' : e.op !== 'put') return;
    const end = this.pipe ? args?.[0] : undefined;
    const x: InFlight = { seq: e.seq, pid: e.pid, t: at, item: this.pipe ? args[1] : args[0] };
    if (end === 0 || end === 1) x.end = 1 - end;
    this.items.set(e.seq, x);
    if (this.items.size > MAX_IN_FLIGHT) {
      this.items.delete(this.items.keys().next().value!);
      this.untracked++;
    }
  }

  take(itemSeq: number): InFlight | undefined {
    const x = this.items.get(itemSeq);
    if (x) this.items.delete(itemSeq);
    return x;
  }

  reconcile(): void {}

  /** Items cut short (a keyframe holds up to MAX_IN_FLIGHT of them per channel). */
  snapshot(): unknown {
    const items: InFlight[] = [];
    for (const x of this.items.values()) items.push({ ...x, item: bounded(x.item, 48) });
    return { items, untracked: this.untracked };
  }
}

const same = (a: unknown, b: unknown): boolean => a === b || (typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b));
const unseen = (n: number): unknown[] => Array.from({ length: n }, () => UNSEEN);
/** A list value as far as it was shown: a cut tail ({ $cut: n }) becomes n unseen entries. */
const shown = (v: unknown[]): unknown[] => {
  const last = v[v.length - 1];
  return isCutMark(last) ? [...v.slice(0, -1), ...unseen(last.$cut)] : v.slice();
};
const index = (i: unknown, length: number): number | undefined => {
  if (typeof i !== 'number' || !Number.isInteger(i)) return undefined;
  const k = i < 0 ? length + i : i;
  return k >= 0 && k < length ? k : undefined;
};

class ListContents implements ContentsKeeper {
  private items: unknown[];
  constructor(length: number, restored?: unknown) {
    this.items = Array.isArray(restored) ? shown(restored).map((x) => (isUnseen(x) ? UNSEEN : x)) : unseen(length);
  }

  apply(e: LabEvent, _at: number, args: readonly unknown[] | undefined): void {
    if (e.error || !args) return;
    const items = this.items;
    switch (e.op) {
      case 'append': items.push(args[0]); return;
      case 'remove': {
        // Python removes the first equal item; an unseen one before it could be that one.
        const i = items.findIndex((x) => isUnseen(x) || same(x, args[0]));
        if (i >= 0 && !isUnseen(items[i])) items.splice(i, 1);
        else this.items = unseen(Math.max(0, items.length - 1));
        return;
      }
      case 'get': { const k = index(args[0], items.length); if (k !== undefined) items[k] = e.value; return; }
      case 'set': { const k = index(args[0], items.length); if (k !== undefined) items[k] = args[1]; return; }
      case 'copy': if (Array.isArray(e.value)) this.items = shown(e.value); return;
      case 'len': if (typeof e.value === 'number') this.reconcile(e.value); return;
    }
  }

  take(): undefined { return undefined; }

  reconcile(size: number | undefined): void {
    if (size === undefined || size === this.items.length) return;
    if (size < this.items.length) this.items.length = size;
    else this.items.push(...unseen(size - this.items.length));
  }

  snapshot(): unknown { return bounded(this.items.slice(), CONTENTS_BUDGET); }
}

type Key = string | number;

class DictContents implements ContentsKeeper {
  private readonly map = new Map<Key, unknown>();
  constructor(restored?: unknown) {
    // A keyframe may have cut a big dict ({ $cut: n } last): the entries it left out are unknown.
    if (Array.isArray(restored)) for (const pair of restored) if (Array.isArray(pair)) this.map.set(pair[0] as Key, isUnseen(pair[1]) ? UNSEEN : pair[1]);
  }

  apply(e: LabEvent, _at: number, args: readonly unknown[] | undefined): void {
    if (!args) return;
    const k = args[0] as Key;
    const map = this.map;
    if (e.error) { if (e.error.code === 'KeyError' && (e.op === 'get' || e.op === 'delete')) map.delete(k); return; }
    switch (e.op) {
      case 'set': map.set(k, args[1]); return;
      // get(key, default) answers the default for a missing key: only a key known to be there is sure.
      case 'get': if (args.length < 2 || map.has(k)) map.set(k, e.value); return;
      case 'delete': map.delete(k); return;
      case 'has': if (e.value === false) map.delete(k); else if (!map.has(k)) map.set(k, UNSEEN); return;
      case 'entries':
        if (Array.isArray(e.value) && !e.value.some(isCutMark)) {
          map.clear();
          for (const pair of e.value as [Key, unknown][]) map.set(pair[0], pair[1]);
        }
        return;
    }
  }

  take(): undefined { return undefined; }
  reconcile(): void {}
  snapshot(): unknown { return bounded([...this.map.entries()], CONTENTS_BUDGET); }
}

class NamespaceContents implements ContentsKeeper {
  private readonly map = new Map<string, unknown>();
  constructor(restored?: unknown) {
    if (restored && typeof restored === 'object') for (const [k, v] of Object.entries(restored)) if (k !== '$cut') this.map.set(k, isUnseen(v) ? UNSEEN : v);
  }

  apply(e: LabEvent, _at: number, args: readonly unknown[] | undefined): void {
    if (!args) return;
    const name = String(args[0]);
    if (e.error) { if (e.error.code === 'AttributeError') this.map.delete(name); return; }
    switch (e.op) {
      case 'get': this.map.set(name, e.value); return;
      case 'set': this.map.set(name, args[1]); return;
      case 'delete': this.map.delete(name); return;
      case 'has': if (e.value === false) this.map.delete(name); else if (!this.map.has(name)) this.map.set(name, UNSEEN); return;
    }
  }

  take(): undefined { return undefined; }
  reconcile(): void {}
  snapshot(): unknown { return bounded(Object.fromEntries(this.map), CONTENTS_BUDGET); }
}

class ValueContents implements ContentsKeeper {
  private value: number | null;
  constructor(initial: number | undefined, restored?: unknown) {
    this.value = typeof restored === 'number' ? restored : restored === null ? null : initial ?? null;
  }

  apply(e: LabEvent, _at: number, args: readonly unknown[] | undefined): void {
    if (typeof e.state?.value === 'number') { this.value = e.state.value; return; }
    if (e.error) return;
    if (e.op === 'set' && typeof args?.[0] === 'number') this.value = args[0];
    if (e.op === 'get' && typeof e.value === 'number') this.value = e.value;
  }

  take(): undefined { return undefined; }
  reconcile(): void {}
  snapshot(): unknown { return this.value; }
}

class ArrayContents implements ContentsKeeper {
  private items: (number | null)[];
  constructor(length: number, restored?: unknown) {
    this.items = Array.isArray(restored) ? shown(restored).map((x) => (typeof x === 'number' ? x : null)) : new Array<number | null>(length).fill(null);
  }

  apply(e: LabEvent, _at: number, args: readonly unknown[] | undefined): void {
    if (e.error || !args) return;
    const items = this.items;
    switch (e.op) {
      case 'get': { const k = index(args[0], items.length); if (k !== undefined && typeof e.value === 'number') items[k] = e.value; return; }
      case 'set': { const k = index(args[0], items.length); if (k !== undefined && typeof args[1] === 'number') items[k] = args[1]; return; }
      case 'fill': if (typeof args[0] === 'number') items.fill(args[0]); return;
      case 'copy':
        if (Array.isArray(e.value)) this.items = shown(e.value).map((x) => (typeof x === 'number' ? x : null));
        return;
      case 'len': if (typeof e.value === 'number') this.reconcile(e.value); return;
    }
  }

  take(): undefined { return undefined; }

  reconcile(size: number | undefined): void {
    if (size === undefined || size === this.items.length) return;
    if (size < this.items.length) this.items.length = size;
    else while (this.items.length < size) this.items.push(null);
  }

  snapshot(): unknown { return bounded(this.items.slice(), CONTENTS_BUDGET); }
}
