// Event: a flag that processes can wait on; set() wakes every waiter.
import type { ObjectInfo, ObjectState } from '../../../../shared/events';
import { timeoutMs, type KernelObject, type OpHandler } from '../kernel-object';
import { WaitList } from '../waiter';

export class KEvent implements KernelObject {
  readonly kind = 'Event' as const;
  private flag = false;
  private readonly waiters = new WaitList();

  constructor(readonly id: string, readonly label: string) {}

  state(): ObjectState { return { flag: this.flag, waiters: this.waiters.size }; }
  info(): ObjectInfo { return { kind: 'Event', label: this.label }; }

  readonly ops: Record<string, OpHandler> = {
    set: () => {
      this.flag = true;
      for (const w of this.waiters.drain()) { w.clearTimer(); w.wake(true); }
      return { value: null };
    },
    clear: () => { this.flag = false; return { value: null }; },
    is_set: () => ({ value: this.flag }),
    wait: (ctx, [timeout]) => {
      if (this.flag) return { value: true };
      const w = ctx.block('wait').withTimeout(timeoutMs(ctx, timeout), () => { this.waiters.remove(w); w.wake(this.flag); });
      this.waiters.push(w);
      return { blocked: w };
    },
  };
}
