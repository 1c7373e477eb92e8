// Lock: one owner at a time, FIFO hand-over. Like Python's, it stays held when its owner
// exits without releasing it; the hang report then names the lock and its dead owner.
import type { ObjectInfo, ObjectState } from '../../../../shared/events';
import { err, flag, timeoutMs, type KernelObject, type OpContext, type OpHandler, type OpOutcome } from '../kernel-object';
import { WaitList, type Waiter } from '../waiter';

export class KLock implements KernelObject {
  readonly kind = 'Lock' as const;
  owner: number | null = null;
  private readonly waiters = new WaitList();

  /** partOf: the label of the Condition, Value or Array this lock belongs to. */
  constructor(readonly id: string, readonly label: string, readonly partOf?: string) {}

  info(): ObjectInfo { return this.partOf ? { kind: 'Lock', label: this.label, partOf: this.partOf } : { kind: 'Lock', label: this.label }; }

  state(): ObjectState { return { owner: this.owner, waiters: this.waiters.size }; }

  /** Queues a waiter for ownership; used by acquire and by Condition.wait's re-acquire. */
  enqueue(w: Waiter, grantValue: unknown): void {
    w.waitsFor = () => (this.owner === null ? [] : [this.owner]);
    if (this.owner === null) { this.owner = w.pid; w.wake(grantValue); return; }
    w.payload = grantValue; // what to answer once it owns the lock
    this.waiters.push(w);
  }

  /** Acquire logic shared with Condition (which exposes acquire/release of its own lock). */
  acquire(ctx: OpContext, [block, timeout]: unknown[], op = 'acquire'): OpOutcome {
    if (this.owner === null) { this.owner = ctx.pid; return { value: true }; }
    if (!flag(block, 'block', true)) return { value: false };
    const w = ctx.block(op).withTimeout(timeoutMs(ctx, timeout), () => {
      this.waiters.remove(w); w.wake(false);
    });
    w.waitsFor = () => (this.owner === null ? [] : [this.owner]);
    w.payload = true;
    this.waiters.push(w);
    return { blocked: w };
  }

  release(): OpOutcome {
    if (this.owner === null) return err('ValueError', `release of ${this.label}, which is not held`);
    this.handOver();
    return { value: null };
  }

  /** Gives the lock to the first waiter, or frees it. */
  handOver(): void {
    const next = this.waiters.shift();
    if (!next) { this.owner = null; return; }
    next.clearTimer();
    this.owner = next.pid;
    next.wake(next.payload);
  }

  readonly ops: Record<string, OpHandler> = {
    acquire: (ctx, args) => this.acquire(ctx, args),
    release: () => this.release(),
    locked: () => ({ value: this.owner !== null }),
  };
}
