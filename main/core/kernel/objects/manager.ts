// Manager list, dict and Namespace. The kernel plays Python's manager server: every read
// hands back a copy, so changing what you read changes nothing until you store it again.
import type { ObjectState } from '../../../../shared/events';
import { err, int, type KernelObject, type OpHandler } from '../kernel-object';

const copy = <T>(v: T): T => structuredClone(v);

export class KManagerList implements KernelObject {
  readonly kind = 'ManagerList' as const;
  constructor(readonly id: string, readonly label: string, private readonly items: unknown[] = []) {}
  state(): ObjectState { return { size: this.items.length }; }
  readonly ops: Record<string, OpHandler> = {
    append: (_c, [x]) => { this.items.push(x); return { value: null }; },
    remove: (_c, [x]) => {
      const i = this.items.findIndex((y) => isDeepStrictEqualish(y, x));
      if (i < 0) return err('ValueError', `${this.label}.remove(x): x not in list`);
      this.items.splice(i, 1);
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
      this.items[k] = x;
      return { value: null };
    },
    len: () => ({ value: this.items.length }),
    copy: () => ({ value: copy(this.items) }),
  };
}

export class KManagerDict implements KernelObject {
  readonly kind = 'ManagerDict' as const;
  private readonly map = new Map<string | number, unknown>();
  constructor(readonly id: string, readonly label: string) {}
  state(): ObjectState { return { size: this.map.size }; }
  readonly ops: Record<string, OpHandler> = {
    set: (_c, [k, v]) => { this.map.set(key(k), v); return { value: null }; },
    get: (_c, args) => {
      const kk = key(args[0]);
      if (this.map.has(kk)) return { value: copy(this.map.get(kk)) };
      if (args.length > 1) return { value: args[1] };
      return err('KeyError', `${this.label} has no key ${JSON.stringify(kk)}`);
    },
    delete: (_c, [k]) => {
      if (!this.map.delete(key(k))) return err('KeyError', `${this.label} has no key ${JSON.stringify(k)}`);
      return { value: null };
    },
    has: (_c, [k]) => ({ value: this.map.has(key(k)) }),
    len: () => ({ value: this.map.size }),
    entries: () => ({ value: copy([...this.map.entries()]) }),
  };
}

export class KNamespace implements KernelObject {
  readonly kind = 'Namespace' as const;
  private readonly attrs = new Map<string, unknown>();
  constructor(readonly id: string, readonly label: string) {}
  state(): ObjectState { return { size: this.attrs.size }; }
  readonly ops: Record<string, OpHandler> = {
    get: (_c, [name]) => {
      const n = String(name);
      if (!this.attrs.has(n)) return err('AttributeError', `'Namespace' object has no attribute '${n}'`);
      return { value: copy(this.attrs.get(n)) };
    },
    set: (_c, [name, v]) => { this.attrs.set(String(name), v); return { value: null }; },
    delete: (_c, [name]) => {
      if (!this.attrs.delete(String(name))) return err('AttributeError', `'Namespace' object has no attribute '${String(name)}'`);
      return { value: null };
    },
    has: (_c, [name]) => ({ value: this.attrs.has(String(name)) }),
  };
}

function key(k: unknown): string | number {
  if (typeof k === 'string' || typeof k === 'number') return k;
  throw new TypeError('dict keys must be strings or numbers');
}

/** Equality for list.remove(): values arrive as copies, so compare by content. */
function isDeepStrictEqualish(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
