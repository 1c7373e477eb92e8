// Condition: a wait list tied to a lock. wait() releases the lock, sleeps until notified
// (or timed out), then queues to take the lock back before it returns.
import type { ObjectInfo, ObjectState } from '../../../../shared/events';
import { err, int, timeoutMs, type KernelObject, type OpHandler } from '../kernel-object';
import { WaitList, type Waiter } from '../waiter';
import type { KLock } from './lock';

export class KCondition implements KernelObject {
  readonly kind = 'Condition' as const;
  private readonly waiters = new WaitList();

  constructor(readonly id: string, readonly label: string, readonly lock: KLock) {}

  state(): ObjectState { return { owner: this.lock.owner, waiters: this.waiters.size }; }
  info(): ObjectInfo { return { kind: 'Condition', label: this.label, lock: this.lock.label }; }

  /** Moves a notified (or timed-out) waiter over to re-acquiring the lock. */
  private reacquire(w: Waiter, result: boolean): void {
    w.clearTimer();
    // The call goes on (its E is the wait's), now waiting for the lock: say so, and why.
    w.mark(result ? 'notified' : 'wait-timeout');
    w.objId = this.lock.id;
    w.op = 're-acquire';
    this.lock.enqueue(w, result);
  }

  readonly ops: Record<string, OpHandler> = {
    acquire: (ctx, args) => this.lock.acquire(ctx, args),
    release: () => this.lock.release(),
    wait: (ctx, [timeout]) => {
      if (this.lock.owner !== ctx.pid) return err('RuntimeError', `wait() on ${this.label} without holding its lock`);
      const w = ctx.block('wait').withTimeout(timeoutMs(ctx, timeout), () => {
        this.waiters.remove(w);
        this.reacquire(w, false);
      });
      this.waiters.push(w);
      this.lock.handOver();
      return { blocked: w };
    },
    notify: (ctx, [n]) => {
      if (this.lock.owner !== ctx.pid) return err('RuntimeError', `notify() on ${this.label} without holding its lock`);
      const count = n === undefined ? 1 : int(n, 'n');
      for (let i = 0; i < count; i++) {
        const w = this.waiters.shift();
        if (!w) break;
        this.reacquire(w, true);
      }
      return { value: null };
    },
    notify_all: (ctx) => {
      if (this.lock.owner !== ctx.pid) return err('RuntimeError', `notify_all() on ${this.label} without holding its lock`);
      for (const w of this.waiters.drain()) this.reacquire(w, true);
      return { value: null };
    },
  };
}
