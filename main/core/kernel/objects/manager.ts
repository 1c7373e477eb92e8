// Manager list, dict and Namespace. The kernel plays Python's manager server: every read
// hands back a copy, so changing what you read changes nothing until you store it again.
// What they keep counts against the run's held caps; a whole-object read (copy(), entries())
// is refused past MAX_RESULT_BYTES, which each object knows without walking its contents.
import { isDeepStrictEqual } from 'node:util';
import type { ObjectInfo, ObjectState } from '../../../../shared/events';
import { bounded } from '../../../../shared/values';
import { checkResult, err, int, sizeOf, type Holdings, type KernelObject, type OpHandler } from '../kernel-object';

const copy = <T>(v: T): T => structuredClone(v);

interface Entry { v: unknown; b: number }

/** Brackets and commas around `n` items of `bytes` in all, as JSON. */
const listBytes = (n: number, bytes: number): number => bytes + (n === 0 ? 2 : n + 1);

export class KManagerList implements KernelObject {
  readonly kind = 'ManagerList' as const;
  private readonly items: unknown[];
  private readonly sizes: number[];
  private bytes = 0;

  constructor(readonly id: string, readonly label: string, private readonly held: Holdings, items: unknown[] = []) {
    const sizes = items.map(sizeOf);
    const total = sizes.reduce((a, b) => a + b, 0);
    held.hold(total, items.length);
    this.items = [...items];
    this.sizes = sizes;
    this.bytes = total;
  }

  state(): ObjectState { return { size: this.items.length }; }
  info(): ObjectInfo { return { kind: 'ManagerList', label: this.label, length: this.items.length, items: bounded([...this.items]) as unknown[] }; }

  private removeAt(i: number): void {
    this.held.release(this.sizes[i], 1);
    this.bytes -= this.sizes[i];
    this.items.splice(i, 1);
    this.sizes.splice(i, 1);
  }

  readonly ops: Record<string, OpHandler> = {
    append: (ctx, [x]) => {
      const b = ctx.argBytes - 2; // [x]: the size of x, as sizeOf() counts it
      this.held.hold(b, 1);
      this.items.push(x);
      this.sizes.push(b);
      this.bytes += b;
      return { value: null };
    },
    remove: (ctx, [x]) => {
      // Values arrive as copies, so compare by content; only items of the same size can be equal.
      const b = ctx.argBytes - 2;
      const i = this.items.findIndex((y, k) => this.sizes[k] === b && (y === x || isDeepStrictEqual(y, x)));
      if (i < 0) return err('ValueError', `${this.label}.remove(x): x not in list`);
      this.removeAt(i);
      return { value: null };
    },
    get: (_c, [i]) => {
      const k = int(i, 'index');
      if (k < -this.items.length || k >= this.items.length) return err('IndexError', `${this.label} index ${k} out of range`);
      return { value: copy(this.items.at(k)) };
    },
    set: (_c, [i, x]) => {
      const k = int(i, 'index');
      if (k < 0 || k >= this.items.length) return err('IndexError', `${this.label} index ${k} out of range`);
      const b = sizeOf(x);
      this.held.hold(b, 0);
      this.held.release(this.sizes[k], 0);
      this.bytes += b - this.sizes[k];
      this.items[k] = x;
      this.sizes[k] = b;
      return { value: null };
    },
    len: () => ({ value: this.items.length }),
    copy: () => {
      checkResult(listBytes(this.items.length, this.bytes), `${this.label}.copy()`);
      return { value: copy(this.items) };
    },
  };
}

/** Entries by key, with the JSON size of each (key and value), for dict and Namespace. */
class KeptEntries {
  readonly map = new Map<string | number, Entry>();
  bytes = 0;
  constructor(private readonly held: Holdings) {}

  set(k: string | number, v: unknown): void {
    const b = sizeOf(k) + sizeOf(v);
    const old = this.map.get(k);
    this.held.hold(b, old ? 0 : 1);
    if (old) { this.held.release(old.b, 0); this.bytes -= old.b; }
    this.map.set(k, { v, b });
    this.bytes += b;
  }

  delete(k: string | number): boolean {
    const old = this.map.get(k);
    if (!old) return false;
    this.held.release(old.b, 1);
    this.bytes -= old.b;
    this.map.delete(k);
    return true;
  }
}

export class KManagerDict implements KernelObject {
  readonly kind = 'ManagerDict' as const;
  private readonly kept: KeptEntries;
  constructor(readonly id: string, readonly label: string, held: Holdings) { this.kept = new KeptEntries(held); }
  state(): ObjectState { return { size: this.kept.map.size }; }
  info(): ObjectInfo { return { kind: 'ManagerDict', label: this.label }; }
  readonly ops: Record<string, OpHandler> = {
    set: (_c, [k, v]) => { this.kept.set(key(k), v); return { value: null }; },
    get: (_c, args) => {
      const e = this.kept.map.get(key(args[0]));
      if (e) return { value: copy(e.v) };
      if (args.length > 1) return { value: args[1] };
      return err('KeyError', `${this.label} has no key ${JSON.stringify(key(args[0]))}`);
    },
    delete: (_c, [k]) => {
      if (!this.kept.delete(key(k))) return err('KeyError', `${this.label} has no key ${JSON.stringify(k)}`);
      return { value: null };
    },
    has: (_c, [k]) => ({ value: this.kept.map.has(key(k)) }),
    len: () => ({ value: this.kept.map.size }),
    entries: () => {
      // [[k,v],...]: each entry adds its brackets and a comma.
      checkResult(listBytes(this.kept.map.size, this.kept.bytes + 3 * this.kept.map.size), `${this.label}.entries()`);
      return { value: copy([...this.kept.map.entries()].map(([k, e]) => [k, e.v])) };
    },
  };
}

export class KNamespace implements KernelObject {
  readonly kind = 'Namespace' as const;
  private readonly kept: KeptEntries;
  constructor(readonly id: string, readonly label: string, held: Holdings) { this.kept = new KeptEntries(held); }
  state(): ObjectState { return { size: this.kept.map.size }; }
  info(): ObjectInfo { return { kind: 'Namespace', label: this.label }; }
  readonly ops: Record<string, OpHandler> = {
    get: (_c, [name]) => {
      const n = String(name);
      const e = this.kept.map.get(n);
      if (!e) return err('AttributeError', `'Namespace' object has no attribute '${n}'`);
      return { value: copy(e.v) };
    },
    set: (_c, [name, v]) => { this.kept.set(String(name), v); return { value: null }; },
    delete: (_c, [name]) => {
      if (!this.kept.delete(String(name))) return err('AttributeError', `'Namespace' object has no attribute '${String(name)}'`);
      return { value: null };
    },
    has: (_c, [name]) => ({ value: this.kept.map.has(String(name)) }),
  };
}

function key(k: unknown): string | number {
  if (typeof k === 'string' || typeof k === 'number') return k;
  throw new TypeError('dict keys must be strings or numbers');
}
