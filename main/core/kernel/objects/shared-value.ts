// Value and Array: shared numbers. Reads and writes are separate operations, so an
// unlocked read-modify-write from two processes can really lose an update.
import type { ObjectInfo, ObjectState } from '../../../../shared/events';
import { bounded } from '../../../../shared/values';
import { ArgError, err, int, sizeOf, type Holdings, type KernelObject, type OpHandler } from '../kernel-object';

function num(v: unknown, what: string): number {
  if (typeof v !== 'number' || Number.isNaN(v)) throw new ArgError(`${what} must be a number`);
  return v;
}

export class KValue implements KernelObject {
  readonly kind = 'Value' as const;
  private readonly initial: number;
  /** lockLabel: the lock made with it (lab.value(x) has one unless lock: false). */
  constructor(readonly id: string, readonly label: string, private value: number, readonly lockLabel?: string) {
    num(value, 'a Value');
    this.initial = value;
  }
  state(): ObjectState { return { value: this.value }; }
  info(): ObjectInfo { return { kind: 'Value', label: this.label, initial: this.initial, ...(this.lockLabel ? { lock: this.lockLabel } : {}) }; }
  readonly ops: Record<string, OpHandler> = {
    get: () => ({ value: this.value }),
    set: (_c, [v]) => { this.value = num(v, 'the new value'); return { value: null }; },
  };
}

export class KArray implements KernelObject {
  readonly kind = 'Array' as const;
  /** Its slots are held for the whole run (an Array never grows or shrinks). */
  constructor(readonly id: string, readonly label: string, private readonly items: number[], held: Holdings, readonly lockLabel?: string) {
    if (!Array.isArray(items)) throw new ArgError('an Array needs a list of numbers');
    items.forEach((x, i) => num(x, `item ${i}`));
    held.hold(sizeOf(items), items.length);
  }
  state(): ObjectState { return { size: this.items.length }; }
  info(): ObjectInfo {
    return { kind: 'Array', label: this.label, length: this.items.length, items: bounded([...this.items]) as unknown[], ...(this.lockLabel ? { lock: this.lockLabel } : {}) };
  }
  private index(i: unknown): number {
    const k = int(i, 'index');
    if (k < 0 || k >= this.items.length) throw new ArgError(`index ${k} out of range 0..${this.items.length - 1}`, 'IndexError');
    return k;
  }
  readonly ops: Record<string, OpHandler> = {
    get: (_c, [i]) => ({ value: this.items[this.index(i)] }),
    set: (_c, [i, v]) => { this.items[this.index(i)] = num(v, 'the new value'); return { value: null }; },
    len: () => ({ value: this.items.length }),
    copy: () => ({ value: [...this.items] }),
    fill: (_c, [v]) => { if (!this.items.length) return err('ValueError', 'empty array'); this.items.fill(num(v, 'value')); return { value: null }; },
  };
}
