// Semaphore and BoundedSemaphore: a counter with FIFO waiters.
import type { ObjectInfo, ObjectState } from '../../../../shared/events';
import { ArgError, err, flag, timeoutMs, type KernelObject, type OpHandler } from '../kernel-object';
import { WaitList } from '../waiter';

export class KSemaphore implements KernelObject {
  readonly kind = 'Semaphore' as const;
  private readonly waiters = new WaitList();

  private value: number;
  private readonly initial: number;

  constructor(readonly id: string, readonly label: string, value: number, readonly bounded: boolean) {
    if (!Number.isInteger(value) || value < 0) throw new ArgError('a semaphore\'s value must be an integer >= 0');
    this.value = value;
    this.initial = value;
  }

  state(): ObjectState { return { value: this.value, waiters: this.waiters.size }; }
  info(): ObjectInfo { return { kind: 'Semaphore', label: this.label, initial: this.initial, bound: this.bounded ? this.initial : null }; }

  readonly ops: Record<string, OpHandler> = {
    acquire: (ctx, [block, timeout]) => {
      if (this.value > 0) { this.value--; return { value: true }; }
      if (!flag(block, 'block', true)) return { value: false };
      const w = ctx.block('acquire').withTimeout(timeoutMs(ctx, timeout), () => { this.waiters.remove(w); w.wake(false); });
      this.waiters.push(w);
      return { blocked: w };
    },
    release: () => {
      const next = this.waiters.shift();
      if (next) { next.clearTimer(); next.wake(true); return { value: null }; }
      if (this.bounded && this.value >= this.initial) return err('ValueError', `${this.label} released too many times (bounded at ${this.initial})`);
      this.value++;
      return { value: null };
    },
    get_value: () => ({ value: this.value }),
  };
}
