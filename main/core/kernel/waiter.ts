// A process blocked inside the kernel: one pending call that will be answered later.
import type { ObjectState } from '../../../shared/events';
import type { WireError } from '../../protocol/worker-protocol';

export interface WaiterHost {
  /** Answer the blocked call; the kernel records the end event and marks the process running. */
  settle(w: Waiter, ok: boolean, value: unknown): void;
  /** Start the timeout clock of a waiter. */
  arm(w: Waiter, ms: number): void;
  /** Record a change to a call while it stays blocked (a Condition waiter notified, or timed out). */
  mark(w: Waiter, op: 'notified' | 'wait-timeout'): void;
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
  /** The seq of the event that began this call (its B): its E carries it as `call`. 0: not recorded. */
  call = 0;
  /** The object the call's events are recorded on (its label, "clock", "proc:N"); set by the kernel. */
  eventObj = '';
  /** That object's state, for its E (a Condition's, not its lock's, for a wait). */
  eventState: (() => ObjectState) | undefined;
  /** The op its events name: a Condition wait stays "wait" while it re-acquires the lock. */
  readonly callOp: string;
  /** The seq reserved for its E, when it was woken inside another operation (0: not yet). */
  endSeq = 0;
  /** The seq of the put/send whose item it receives. */
  item: number | undefined;
  /** It ended because its timeout fired. */
  timedOut = false;

  constructor(
    private readonly host: WaiterHost,
    readonly pid: number,
    readonly callId: number,
    /** Mutable: a condition wait becomes a lock re-acquire after notify. */
    public objId: string,
    public op: string,
    /** Set when the kernel itself will wake this waiter (a spawn in progress). */
    public kernelPending = false,
  ) {
    this.callOp = op;
  }

  get hasTimeout(): boolean { return this.timer !== undefined; }

  wake(value: unknown): void { this.host.settle(this, true, value); }
  /** Wakes it with an item that the put/send recorded as `from` produced. */
  deliver(value: unknown, from: number): void { if (from) this.item = from; this.host.settle(this, true, value); }
  /** Records that the call changed while still blocked. */
  mark(op: 'notified' | 'wait-timeout'): void { this.host.mark(this, op); }
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
