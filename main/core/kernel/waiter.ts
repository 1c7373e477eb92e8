// A process blocked inside the kernel: one pending call that will be answered later.
import type { WireError } from '../../protocol/worker-protocol';

export interface WaiterHost {
  /** Answer the blocked call; the kernel records the end event and marks the process running. */
  settle(w: Waiter, ok: boolean, value: unknown): void;
  /** Start the timeout clock of a waiter. */
  arm(w: Waiter, ms: number): void;
}

export class Waiter {
  done = false;
  timer: NodeJS.Timeout | undefined;
  /** Called when the timeout fires; it must wake the waiter or move it elsewhere. */
  onTimeout: (() => void) | undefined;
  /** Which pids could wake this waiter (a lock's owner, a joined child); for deadlock reports. */
  waitsFor: () => number[] = () => [];
  /** Removes this waiter from whatever list holds it (set by WaitList.push). */
  detach: () => void = () => {};
  /** Object-specific data carried while waiting (a blocked put's item, a lock grant value). */
  payload: unknown;

  constructor(
    private readonly host: WaiterHost,
    readonly pid: number,
    readonly callId: number,
    /** Mutable: a condition wait becomes a lock re-acquire after notify. */
    public objId: string,
    public op: string,
    /** Set when the kernel itself will wake this waiter (a spawn in progress). */
    public kernelPending = false,
  ) {}

  get hasTimeout(): boolean { return this.timer !== undefined; }

  wake(value: unknown): void { this.host.settle(this, true, value); }
  fail(error: WireError): void { this.host.settle(this, false, error); }

  /** Arms a timeout; `onTimeout` decides what the expiry means for this object. */
  withTimeout(ms: number | undefined, onTimeout: () => void): this {
    if (ms !== undefined) { this.onTimeout = onTimeout; this.host.arm(this, ms); }
    return this;
  }

  clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** A FIFO of waiters: Set keeps insertion order and removes in O(1). */
export class WaitList {
  private readonly set = new Set<Waiter>();
  get size(): number { return this.set.size; }
  push(w: Waiter): void { this.set.add(w); w.detach = () => { this.set.delete(w); }; }
  remove(w: Waiter): boolean { return this.set.delete(w); }
  shift(): Waiter | undefined {
    for (const w of this.set) { this.set.delete(w); return w; }
    return undefined;
  }
  drain(): Waiter[] { const all = [...this.set]; this.set.clear(); return all; }
  [Symbol.iterator](): Iterator<Waiter> { return this.set[Symbol.iterator](); }
}
